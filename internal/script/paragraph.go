package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// para is one paragraph of a text: a run of non-blank lines outside
// fenced code blocks.
type para struct {
	// start is the byte offset of the first character that is not blank;
	// end is the end of the last line without its trailing blanks.
	start, end int
	// line and col locate start: 1-based, col counts characters.
	line, col int
	// frontMatter marks a YAML or TOML front-matter block.
	frontMatter bool
}

// blocks splits text into paragraphs separated by blank lines, leaving out
// fenced code blocks and HTML comments that span lines. A front-matter
// block at the start ("---" or "+++" lines) is one paragraph.
func blocks(text string) []para {
	var out []para
	var cur para
	open := false
	flush := func() {
		if open {
			out = append(out, cur)
			open = false
		}
	}
	fence := ""
	inComment := false
	line := 0
	for pos := 0; pos < len(text); {
		line++
		end := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
		}
		l := text[pos:end]
		if line == 1 && isFrontMatterOpen(l) {
			if stop, n, ok := frontMatterEnd(text, next, strings.TrimSpace(l)); ok {
				if stop > next {
					out = append(out, para{start: next, end: stop, line: 2, col: 1, frontMatter: true})
				}
				line += n
				pos = skipLine(text, stop)
				continue
			}
		}
		switch {
		case fence != "":
			if closesFence(l, fence) {
				fence = ""
			}
		case inComment:
			inComment = !strings.Contains(l, "-->")
		case isBlank(l):
			flush()
		case opensFence(l) != "":
			flush()
			fence = opensFence(l)
		case opensComment(l):
			flush()
			inComment = true
		default:
			if !open {
				lead := leadingBlank(l)
				cur = para{start: pos + lead, line: line, col: 1 + utf8.RuneCountInString(l[:lead])}
				open = true
			}
			cur.end = pos + trailingEnd(l)
		}
		pos = next
	}
	flush()
	return out
}

// skipLine returns the offset just past the line that starts at i.
func skipLine(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(text)
}

// isFrontMatterOpen reports whether a first line opens front matter.
func isFrontMatterOpen(l string) bool {
	l = strings.TrimRight(l, " \t\r")
	return l == "---" || l == "+++"
}

// frontMatterEnd finds the line closing front matter opened by delim, the
// content starting at from. It returns the offset where the closing line
// starts and the number of lines up to and including it.
func frontMatterEnd(text string, from int, delim string) (int, int, bool) {
	n := 0
	for pos := from; pos < len(text); {
		n++
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		l := strings.TrimRight(text[pos:end], " \t\r")
		if l == delim || (delim == "---" && l == "...") {
			return pos, n, true
		}
		pos = end + 1
	}
	return 0, 0, false
}

// opensFence returns the fence marker (such as "```") that line l opens,
// or "" when l does not open a fenced code block.
func opensFence(l string) string {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i >= len(l) || (l[i] != '`' && l[i] != '~') {
		return ""
	}
	c, n := l[i], 0
	for i+n < len(l) && l[i+n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(l[i+n:], '`') >= 0) {
		return ""
	}
	return l[i : i+n]
}

// closesFence reports whether line l closes the fenced block opened by
// marker.
func closesFence(l, marker string) bool {
	t := strings.TrimSpace(l)
	if len(t) < len(marker) || len(l)-len(strings.TrimLeft(l, " ")) > 3 {
		return false
	}
	return strings.Trim(t, marker[:1]) == ""
}

// opensComment reports whether l starts an HTML comment it does not close.
func opensComment(l string) bool {
	t := strings.TrimLeft(l, " \t")
	return strings.HasPrefix(t, "<!--") && !strings.Contains(t[4:], "-->")
}

// isBlankRune reports whether r shows as nothing: white space, a zero-width
// space or joiner, or a byte-order mark.
func isBlankRune(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF
}

// isBlank reports whether line l holds only blank characters.
func isBlank(l string) bool {
	return leadingBlank(l) == len(l)
}

// trailingEnd returns the length in bytes of l without its blank suffix.
func trailingEnd(l string) int {
	end := len(l)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(l[:end])
		if !isBlankRune(r) {
			break
		}
		end -= n
	}
	return end
}

// leadingBlank returns the length in bytes of the blank prefix of l.
func leadingBlank(l string) int {
	for i, r := range l {
		if !isBlankRune(r) {
			return i
		}
	}
	return len(l)
}
