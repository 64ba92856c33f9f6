package glossary

import (
	"strings"
	"unicode/utf8"
)

// isWordASCII reports ASCII letters and digits.
func isWordASCII(c byte) bool {
	return (c|0x20)-'a' < 26 || c-'0' < 10
}

// startOK reports whether a match may start at offset o of the text,
// where a segment starts: not where the character before (ignorable ones
// aside) and the first one are both word characters of a script written
// with spaces.
func (f *foldedText) startOK(o int) bool {
	if o == 0 {
		return true
	}
	b, c := f.text[o-1], f.text[o]
	if b < utf8.RuneSelf && c < utf8.RuneSelf {
		return !isWordASCII(b) || !isWordASCII(c)
	}
	before := decodeLastRune(f.text[:o])
	if isIgnorable(before) {
		prev := trimIgnorablesBefore(f.text, o)
		if prev == 0 {
			return true
		}
		before = decodeLastRune(f.text[:prev])
	}
	if !isSpacedWord(before) {
		return true
	}
	first, _ := decodeRune(f.text[o:])
	return !isSpacedWord(first)
}

// endOK reports whether a match of text[start:end] may end there, where a
// segment starts: not where its last base character and the character
// after it (ignorable ones aside) are both word characters of a script
// written with spaces.
func (f *foldedText) endOK(start, end int) bool {
	if end >= len(f.text) {
		return true
	}
	b, c := f.text[end-1], f.text[end]
	if b < utf8.RuneSelf && c < utf8.RuneSelf {
		return !isWordASCII(b) || !isWordASCII(c)
	}
	next := skipIgnorablesAfter(f.text, end)
	if next == len(f.text) {
		return true
	}
	if after, _ := decodeRune(f.text[next:]); !isSpacedWord(after) {
		return true
	}
	return !isSpacedWord(lastBaseRune(f.text[start:end]))
}

// positioner turns increasing byte offsets of a text into 1-based lines
// and character columns, reading the text once.
type positioner struct {
	text      string
	off       int
	line, col int
}

func (p *positioner) at(off int) (line, col int) {
	seg := p.text[p.off:off]
	if k := strings.LastIndexByte(seg, '\n'); k >= 0 {
		p.line += strings.Count(seg, "\n")
		p.col = 1 + utf8.RuneCountInString(seg[k+1:])
	} else {
		p.col += utf8.RuneCountInString(seg)
	}
	p.off = off
	return p.line, p.col
}
