package glossary

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// naiveFindAll is the obvious quadratic matcher: at each segment start, try
// every pattern, keep the longest that fits, then continue after it.
func naiveFindAll(m *Matcher, text string) []Match {
	if len(m.pats) == 0 || text == "" {
		return nil
	}
	nt := newNormText(text)
	var out []Match
	for si := 0; si < len(nt.segs); {
		best, bestLen, bestEnd := -1, 0, 0
		caseMismatch := false
		for pi := range m.pats {
			p := &m.pats[pi]
			endSeg, ok := nt.matchAt(si, p.folded, true)
			if !ok {
				continue
			}
			mismatch := false
			if p.caseSen {
				if _, exact := nt.matchAt(si, p.exact, false); !exact {
					mismatch = true
				}
			}
			if !nt.boundaryOK(si, endSeg) {
				continue
			}
			l := len(p.folded)
			if best < 0 || l > bestLen || (l == bestLen && caseMismatch && !mismatch) {
				best, bestLen, bestEnd, caseMismatch = pi, l, endSeg, mismatch
			}
		}
		if best < 0 {
			si++
			continue
		}
		p := &m.pats[best]
		start, end := nt.segs[si].start, nt.segs[bestEnd-1].end
		line, col := lineCol(text, start)
		out = append(out, Match{
			Entry: p.entry, Lang: m.lang, Form: p.form,
			Start: start, End: end, Line: line, Col: col, CaseMismatch: caseMismatch,
		})
		si = bestEnd
	}
	return out
}

// seg is one normalization segment of a text: a starter and the
// characters that combine with it.
type seg struct {
	start, end int    // byte span in the original text
	exact      string // NFC
	folded     string // NFC, case-folded
}

// normText is a text split into segments, each normalized on its own, so
// that a match can only begin and end where the original text has a
// segment boundary and positions map back to the original.
type normText struct {
	text string
	segs []seg
}

func newNormText(text string) *normText {
	fold := cases.Fold()
	nt := &normText{text: text}
	for i := 0; i < len(text); {
		n := norm.NFC.NextBoundaryInString(text[i:], true)
		if n <= 0 {
			n = len(text) - i
		}
		exact := norm.NFC.String(text[i : i+n])
		nt.segs = append(nt.segs, seg{start: i, end: i + n, exact: exact, folded: fold.String(exact)})
		i += n
	}
	return nt
}

// matchAt reports whether pattern p occurs starting at segment si, ending
// exactly at a segment end, and returns the index after the last segment.
func (nt *normText) matchAt(si int, p string, folded bool) (int, bool) {
	for j := si; j < len(nt.segs) && p != ""; j++ {
		s := nt.segs[j].exact
		if folded {
			s = nt.segs[j].folded
		}
		if !strings.HasPrefix(p, s) {
			return 0, false
		}
		p = p[len(s):]
		if p == "" {
			return j + 1, true
		}
	}
	return 0, false
}

// boundaryOK checks the word boundaries of a candidate spanning segments
// [si, ei): where the first character of the match and the one before it
// are both word characters of a script written with spaces, the match
// would start inside a word; likewise at the end.
func (nt *normText) boundaryOK(si, ei int) bool {
	if si > 0 {
		before, _ := utf8.DecodeLastRuneInString(nt.text[:nt.segs[si].start])
		first, _ := utf8.DecodeRuneInString(nt.text[nt.segs[si].start:])
		if spacedWordRune(before) && spacedWordRune(first) {
			return false
		}
	}
	if ei < len(nt.segs) {
		last := lastBaseRune(nt.text[nt.segs[si].start:nt.segs[ei-1].end])
		after, _ := utf8.DecodeRuneInString(nt.text[nt.segs[ei].start:])
		if spacedWordRune(last) && spacedWordRune(after) {
			return false
		}
	}
	return true
}

// lineCol returns the 1-based line and character column of byte offset off.
func lineCol(text string, off int) (line, col int) {
	line = 1 + strings.Count(text[:off], "\n")
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	return line, 1 + utf8.RuneCountInString(text[ls:off])
}
