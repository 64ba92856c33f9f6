package lint

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// page is a document prepared for the rules: where its lines start and
// how it splits into blocks.
type page struct {
	doc  Doc
	lang string // canonical language code
	// nl holds the byte offsets of the text's line feeds.
	nl     []int
	blocks []block
}

// newPage indexes the lines of d and splits it into blocks.
func newPage(d Doc, code string) *page {
	p := &page{doc: d, lang: code}
	t := d.Text
	p.nl = make([]int, 0, strings.Count(t, "\n"))
	for i := 0; ; {
		k := strings.IndexByte(t[i:], '\n')
		if k < 0 {
			break
		}
		p.nl = append(p.nl, i+k)
		i += k + 1
	}
	p.blocks = splitBlocks(t)
	return p
}

// pos returns the 1-based line and character column of byte offset off.
func (p *page) pos(off int) (line, col int) {
	off = max(0, min(off, len(p.doc.Text)))
	// the number of line feeds before off
	k := sort.SearchInts(p.nl, off)
	start := 0
	if k > 0 {
		start = p.nl[k-1] + 1
	}
	return k + 1, 1 + utf8.RuneCountInString(p.doc.Text[start:off])
}

// loc locates the span [start, end) of the text.
func (p *page) loc(start, end int) Location {
	l := Location{File: p.doc.Path, Start: start, End: end}
	l.Line, l.Col = p.pos(start)
	l.EndLine, l.EndCol = p.pos(end)
	return l
}

// blockKind says what a block is, for comparing structures.
type blockKind uint8

const (
	prose   blockKind = iota // a paragraph, list or quotation
	heading                  // a Markdown heading; level in block.level
	code                     // a fenced code block
	front                    // front matter
)

// block is one paragraph of a text: a run of non-blank lines, a fenced
// code block, or the front matter.
type block struct {
	// start and end delimit the block without the blanks around it.
	start, end int
	kind       blockKind
	level      int // heading level, 1 to 6
}

// isBlankRune reports characters that show as nothing: white space
// (unicode.IsSpace), zero-width spaces and joiners, byte-order marks.
func isBlankRune(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r < 0x1680:
		return r == 0x85 || r == 0xA0
	case r >= 0x2000 && r <= 0x200B, r == 0x1680, r == 0x2028, r == 0x2029, r == 0x202F,
		r == 0x205F, r == 0x2060, r == 0x3000, r == 0xFEFF:
		return true
	}
	return false
}

// trimBlank returns the offsets of s[i:j] without blank characters at
// either end.
func trimBlank(s string, i, j int) (int, int) {
	for i < j {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !isBlankRune(r) {
			break
		}
		i += n
	}
	for j > i {
		if c := s[j-1]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isBlankRune(r) {
			break
		}
		j -= n
	}
	return i, j
}

// splitBlocks splits text into blocks: runs of non-blank lines separated
// by blank lines, fenced code blocks (``` or ~~~) and a front-matter block
// opened by "---" or "+++" on the first line. Lines of an HTML comment
// that spans lines belong to no block.
func splitBlocks(text string) []block {
	var out []block
	cur, open := block{}, false
	flush := func() {
		if open {
			out = append(out, cur)
			open = false
		}
	}
	fence, comment := "", false
	for pos, n := 0, 0; pos < len(text); n++ {
		end := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
		}
		line := text[pos:end]
		lo, hi := trimBlank(text, pos, end)
		switch {
		case n == 0 && isFrontOpen(line):
			if stop, ok := frontEnd(text, next, strings.TrimRight(line, " \t\r")); ok {
				if s, e := trimBlank(text, next, stop); s < e {
					out = append(out, block{start: s, end: e, kind: front})
				}
				pos = lineAfter(text, stop)
				continue
			}
			cur, open = block{start: lo, end: hi}, true
		case fence != "":
			cur.end = max(cur.end, hi)
			if closesFence(line, fence) {
				fence = ""
				flush()
			}
		case comment:
			comment = !strings.Contains(line, "-->")
		case lo == hi:
			flush()
		case fenceOf(line) != "":
			flush()
			fence = fenceOf(line)
			cur, open = block{start: lo, end: hi, kind: code}, true
		case opensComment(line):
			flush()
			comment = true
		default:
			if !open {
				cur, open = block{start: lo, end: hi}, true
				if lv := atxLevel(line); lv > 0 {
					cur.kind, cur.level = heading, lv
				}
			} else if cur.kind == prose && setextLevel(line) > 0 && !strings.Contains(text[cur.start:cur.end], "\n") {
				cur.kind, cur.level = heading, setextLevel(line)
			}
			cur.end = hi
		}
		pos = next
	}
	flush()
	return out
}

// lineAfter returns the offset just past the line that starts at i.
func lineAfter(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(text)
}

// isFrontOpen reports whether a first line opens front matter.
func isFrontOpen(l string) bool {
	l = strings.TrimRight(l, " \t\r")
	return l == "---" || l == "+++"
}

// frontEnd finds the line closing front matter opened by delim, the body
// starting at from, and returns the offset where that line starts.
func frontEnd(text string, from int, delim string) (int, bool) {
	for pos := from; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		l := strings.TrimRight(text[pos:end], " \t\r")
		if l == delim || (delim == "---" && l == "...") {
			return pos, true
		}
		pos = end + 1
	}
	return 0, false
}

// fenceOf returns the fence (such as "```") that line l opens, or "".
func fenceOf(l string) string {
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

// closesFence reports whether line l closes the block opened by fence.
func closesFence(l, fence string) bool {
	t := strings.TrimSpace(l)
	if len(t) < len(fence) || len(l)-len(strings.TrimLeft(l, " ")) > 3 {
		return false
	}
	return strings.Trim(t, fence[:1]) == ""
}

// opensComment reports whether l starts an HTML comment it does not close.
func opensComment(l string) bool {
	t := strings.TrimLeft(l, " \t")
	return strings.HasPrefix(t, "<!--") && !strings.Contains(t[4:], "-->")
}

// atxLevel returns the level of a Markdown heading line ("## Title"), or 0.
func atxLevel(l string) int {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	n := 0
	for i+n < len(l) && l[i+n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0
	}
	if rest := l[i+n:]; rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\r' {
		return 0
	}
	return n
}

// setextLevel returns 1 for a line of '=' and 2 for a line of '-' that
// underlines the line before it as a heading, 0 otherwise.
func setextLevel(l string) int {
	t := strings.TrimSpace(l)
	switch {
	case len(l)-len(strings.TrimLeft(l, " ")) > 3 || t == "":
		return 0
	case strings.Trim(t, "=") == "":
		return 1
	case strings.Trim(t, "-") == "" && len(t) >= 2:
		return 2
	}
	return 0
}
