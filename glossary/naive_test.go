package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// naiveFindAll is the obvious quadratic matcher, which says what FindAll
// must find. A text is read as a list of tokens: its normalization
// segments, where a segment of one ignorable character (U+200B, U+2060,
// U+FEFF) is dropped and a run of segments of one whitespace character
// each, dropped ones aside, is one space; a run holding two line feeds
// or a U+2029 is a paragraph break, which no match spans. A form is read
// the same way, every run a space, without one at either end. At each
// token, every form whose folded tokens spell the folded tokens from
// there is tried; the longest that has word boundaries wins, then
// matching goes on after it.
func naiveFindAll(m *Matcher, text string) []Match {
	type form struct {
		p             *pattern
		folded, exact string
	}
	var forms []form
	for i := range m.pats {
		p := &m.pats[i]
		if k := naiveKey(p.form.Text, true); k != "" {
			forms = append(forms, form{p, k, naiveKey(p.form.Text, false)})
		}
	}
	if len(forms) == 0 || text == "" {
		return nil
	}
	nt := newNormText(text)
	var out []Match
	for ti := 0; ti < len(nt.toks); {
		best, bestLen, bestEnd := -1, 0, 0
		caseMismatch := false
		for fi, f := range forms {
			end, ok := nt.matchAt(ti, f.folded, true)
			if !ok || !nt.boundaryOK(ti, end) {
				continue
			}
			mismatch := false
			if f.p.caseSen {
				if _, exact := nt.matchAt(ti, f.exact, false); !exact {
					mismatch = true
				}
			}
			l := len(f.folded)
			if best < 0 || l > bestLen || (l == bestLen && caseMismatch && !mismatch) {
				best, bestLen, bestEnd, caseMismatch = fi, l, end, mismatch
			}
		}
		if best < 0 {
			ti++
			continue
		}
		p := forms[best].p
		start, end := nt.toks[ti].start, nt.toks[bestEnd-1].end
		line, col := lineCol(text, start)
		out = append(out, Match{
			Entry: p.entry, Lang: m.lang, Form: p.form,
			Start: start, End: end, Line: line, Col: col, CaseMismatch: caseMismatch,
		})
		ti = bestEnd
	}
	return out
}

// seg is one normalization segment of a text: a starter and the
// characters that combine with it.
type seg struct {
	start, end int
	ignorable  bool
}

// token is what matching compares: a segment that is not ignorable, or a
// run of whitespace.
type token struct {
	start, end  int // byte span in the original text
	first, last int // its first and last segments
	exact       string
	folded      string
	breaks      int // line feeds in a run of whitespace, 2 for U+2029
}

// normText is a text split into segments and tokens.
type normText struct {
	text string
	segs []seg
	toks []token
}

func newNormText(text string) *normText {
	fold := cases.Fold()
	nt := &normText{text: text}
	for i := 0; i < len(text); {
		n := norm.NFC.NextBoundaryInString(text[i:], true)
		if n <= 0 {
			n = len(text) - i
		}
		s := text[i : i+n]
		r, size := utf8.DecodeRuneInString(s)
		one := size == n
		si := len(nt.segs)
		nt.segs = append(nt.segs, seg{start: i, end: i + n, ignorable: one && (r == 0x200B || r == 0x2060 || r == 0xFEFF)})
		k := len(nt.toks) - 1
		switch {
		case nt.segs[si].ignorable:
		case one && unicode.IsSpace(r):
			if k < 0 || nt.toks[k].exact != " " {
				nt.toks = append(nt.toks, token{start: i, first: si, exact: " ", folded: " "})
				k++
			}
			nt.toks[k].end, nt.toks[k].last = i+n, si
			switch r {
			case '\n':
				nt.toks[k].breaks++
			case 0x2029:
				nt.toks[k].breaks += 2
			}
		default:
			exact := norm.NFC.String(s)
			nt.toks = append(nt.toks, token{start: i, end: i + n, first: si, last: si, exact: exact, folded: fold.String(exact)})
		}
		i += n
	}
	return nt
}

// naiveKey reads a form as a text, without a space at either end.
func naiveKey(form string, folded bool) string {
	toks := newNormText(form).toks
	if len(toks) > 0 && toks[0].exact == " " {
		toks = toks[1:]
	}
	if len(toks) > 0 && toks[len(toks)-1].exact == " " {
		toks = toks[:len(toks)-1]
	}
	var b strings.Builder
	for _, t := range toks {
		if folded {
			b.WriteString(t.folded)
		} else {
			b.WriteString(t.exact)
		}
	}
	return b.String()
}

// matchAt reports whether the tokens from ti spell p, ending at a token
// end and holding no paragraph break, and returns the index after the
// last token.
func (nt *normText) matchAt(ti int, p string, folded bool) (int, bool) {
	for j := ti; j < len(nt.toks) && p != ""; j++ {
		if nt.toks[j].breaks >= 2 {
			return 0, false
		}
		s := nt.toks[j].exact
		if folded {
			s = nt.toks[j].folded
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

// boundaryOK checks the word boundaries of a candidate spanning tokens
// [ti, tj): where the first character of the match and the last one of
// the segment before it (ignorable segments aside) are both word
// characters of a script written with spaces, the match would start
// inside a word; likewise at the end, with the last character of the
// match that is not a combining mark.
func (nt *normText) boundaryOK(ti, tj int) bool {
	start, end := nt.toks[ti].start, nt.toks[tj-1].end
	k := nt.toks[ti].first - 1
	for k >= 0 && nt.segs[k].ignorable {
		k--
	}
	if k >= 0 {
		before, _ := utf8.DecodeLastRuneInString(nt.text[nt.segs[k].start:nt.segs[k].end])
		first, _ := utf8.DecodeRuneInString(nt.text[start:])
		if spacedWordRune(before) && spacedWordRune(first) {
			return false
		}
	}
	k = nt.toks[tj-1].last + 1
	for k < len(nt.segs) && nt.segs[k].ignorable {
		k++
	}
	if k < len(nt.segs) {
		after, _ := utf8.DecodeRuneInString(nt.text[nt.segs[k].start:])
		if spacedWordRune(lastBaseRune(nt.text[start:end])) && spacedWordRune(after) {
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
