package translate

import "strings"

// blockKind says what a block of Markdown is, as far as splitting cares.
type blockKind uint8

const (
	kindPara    blockKind = iota // a paragraph or anything not named below
	kindHeading                  // an ATX heading line
	kindList                     // starts with a list item
	kindTable                    // a pipe table
	kindFence                    // a fenced code block
)

// block is a run of non-blank lines, or a fenced code block with its blank
// lines. start is the offset of its first line; end the offset just after
// the content of its last line (before the line terminator).
type block struct {
	start, end int
	kind       blockKind
	indent     int // width of the first line's indentation
}

// line is one line of a text: content is text[start:end], and next is the
// offset of the following line (after the terminator).
type line struct {
	start, end, next int
}

// lines cuts text into lines, recognising "\n" and "\r\n" terminators.
func lines(text string) []line {
	var out []line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			out = append(out, line{i, len(text), len(text)})
			break
		}
		end := i + j
		if end > i && text[end-1] == '\r' {
			end--
		}
		out = append(out, line{i, end, i + j + 1})
		i += j + 1
	}
	return out
}

// isSpaceByte reports the ASCII white space that separates chunks.
func isSpaceByte(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', '\v':
		return true
	}
	return false
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			return false
		}
	}
	return true
}

// indentOf returns the width of the leading spaces and tabs of s (a tab
// counts as four) and the offset of its first other byte.
func indentOf(s string) (width, off int) {
	for off < len(s) && (s[off] == ' ' || s[off] == '\t') {
		if s[off] == '\t' {
			width += 4
		} else {
			width++
		}
		off++
	}
	return width, off
}

// fenceOpen reports whether a line opens a fenced code block, and returns
// the fence character and length.
func fenceOpen(s string) (byte, int, bool) {
	_, off := indentOf(s)
	s = s[off:]
	if len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0, false
	}
	c := s[0]
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(s[n:], '`') >= 0) {
		return 0, 0, false
	}
	return c, n, true
}

// fenceCloses reports whether a line closes a fence of n characters c.
func fenceCloses(s string, c byte, n int) bool {
	_, off := indentOf(s)
	s = s[off:]
	k := 0
	for k < len(s) && s[k] == c {
		k++
	}
	return k >= n && isBlank(s[k:])
}

// isListItem reports whether a line starts with a bullet ("-", "*", "+")
// or an ordered-list number ("1.", "2)") followed by a space.
func isListItem(s string) bool {
	_, off := indentOf(s)
	s = s[off:]
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return true
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t')
}

func isHeading(s string) bool {
	_, off := indentOf(s)
	s = s[off:]
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(s) || s[n] == ' ' || s[n] == '\t')
}

// isTableDelimiter reports a pipe table's delimiter row, such as "|---|:-:|".
func isTableDelimiter(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "-") || !strings.ContainsAny(s, "|") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// scanBlocks cuts text into blocks.
func scanBlocks(text string) []block {
	ls := lines(text)
	var out []block
	for i := 0; i < len(ls); {
		l := ls[i]
		content := text[l.start:l.end]
		if isBlank(content) {
			i++
			continue
		}
		w, _ := indentOf(content)
		if c, n, ok := fenceOpen(content); ok {
			j := i + 1
			for j < len(ls) && !fenceCloses(text[ls[j].start:ls[j].end], c, n) {
				j++
			}
			if j == len(ls) { // never closed: the fence runs to the last non-blank line
				j--
				for j > i && isBlank(text[ls[j].start:ls[j].end]) {
					j--
				}
			}
			out = append(out, block{start: l.start, end: ls[j].end, kind: kindFence, indent: w})
			i = j + 1
			continue
		}
		j := i + 1
		for j < len(ls) {
			next := text[ls[j].start:ls[j].end]
			if isBlank(next) {
				break
			}
			if _, _, ok := fenceOpen(next); ok {
				break
			}
			j++
		}
		b := block{start: l.start, end: ls[j-1].end, indent: w}
		switch {
		case isListItem(content):
			b.kind = kindList
		case isHeading(content) && j == i+1:
			b.kind = kindHeading
		case strings.HasPrefix(strings.TrimSpace(content), "|") || (j > i+1 && isTableDelimiter(text[ls[i+1].start:ls[i+1].end])):
			b.kind = kindTable
		}
		out = append(out, b)
		i = j
	}
	return out
}
