package glossary

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// scan finds the matches in a folded text. A match may start only where
// a token starts, at a byte some form starts with, so that most bytes
// are passed over at a glance; a word is tested and passed over whole
// (see wordAt), and so is a character of three bytes that no form starts
// with.
func (m *Matcher) scan(f *foldedText) []Match {
	var out []Match
	pos := positioner{text: f.text, line: 1, col: 1}
	t, lead, pre := f.t, &m.lead, &m.pre
	// A token starting at t[p] starts at text[p+d] until t[next], where
	// the next shift starts.
	d, next, gap := 0, len(t)+1, 0
	if len(f.gapAt) > 0 {
		next = int(f.gapAt[0])
	}
	for p := 0; p < len(t); {
		c := t[p]
		e := p + 1
		switch l := lead[c]; {
		case l == leadNone:
			p++
			continue
		case c >= 0xE0 && c < 0xF0 && !(c == 0xE1 && p+1 < len(t) && t[p+1]-0xB8 < 4):
			// A character of three bytes, not of Latin Extended
			// Additional: Thai, Khmer, Han and others. Its other
			// bytes start no token.
			if p+2 < len(t) && t[p+1]&0xC0 == 0x80 && t[p+2]&0xC0 == 0x80 {
				r := uint32(c&0x0F)<<12 | uint32(t[p+1]&0x3F)<<6 | uint32(t[p+2]&0x3F)
				if l&leadForm == 0 || !hasBit(pre.char3, r) {
					p += 3
					continue
				}
				e = p + 3
			} else if l&leadForm == 0 {
				p++
				continue
			}
		case l == leadForm:
		default:
			w, h := wordAt(t, p)
			if w > p {
				if !pre.mayWord(h) {
					p = w
					continue
				}
				e = w
			} else if l == leadWord {
				p++
				continue
			}
		}
		// o is the offset in the text of the token starting at t[p],
		// or -1 where none does.
		o := -1
		switch {
		case f.inner != nil && f.inner[p/64]&(1<<(p%64)) != 0:
		default:
			for p >= next {
				d, gap = int(f.gapDelta[gap]), gap+1
				next = len(t) + 1
				if gap < len(f.gapAt) {
					next = int(f.gapAt[gap])
				}
			}
			o = p + d
		}
		if o < 0 || !pre.may(t, p) || !f.startOK(o) {
			p = e
			continue
		}
		g, q := m.longestAt(f, p)
		if g < 0 {
			p = e
			continue
		}
		pi, mismatch := m.pick(f, p, g)
		pat := &m.pats[pi]
		start, end := o, f.endAt(q)
		line, col := pos.at(start)
		out = append(out, Match{
			Entry: pat.entry, Lang: m.lang, Form: pat.form,
			Start: start, End: end, Line: line, Col: col, CaseMismatch: mismatch,
		})
		p = q
	}
	return out
}

// longestAt walks the trie from folded offset a, where a token starts,
// up to the next paragraph break, and returns the group of the longest
// form that ends where a token ends with a word boundary, and that end;
// or -1.
func (m *Matcher) longestAt(f *foldedText, a int) (group int32, end int) {
	group = -1
	tr := m.trie
	node := int32(0)
	start := f.origAt(a)
	limit := len(f.t)
	if len(f.breaks) > 0 {
		limit = f.breakAfter(a)
	}
	for p := a; p < limit; {
		e := tr.step(node, f.t[p])
		if e == 0 {
			break
		}
		node = e >> 1
		p++
		if e&1 != 0 && f.origAt(p) >= 0 && f.endOK(start, f.endAt(p)) {
			group, end = tr.nodes[node].group-1, p
		}
	}
	return group, end
}

// pick chooses among the patterns that fold alike the first whose case
// fits, or the first one, flagged as a case mismatch.
func (m *Matcher) pick(f *foldedText, a int, g int32) (pi int32, mismatch bool) {
	grp := m.groupPats[m.groupAt[g]:m.groupAt[g+1]]
	for _, pi := range grp {
		p := &m.pats[pi]
		if !p.caseSen || f.exactAt(a, p.exact) {
			return pi, false
		}
	}
	return grp[0], true
}

// exactAt reports whether the tokens from folded offset a, in NFC and
// not folded, spell p, ending at a token end before the next paragraph
// break. A token of one space stands for a run of whitespace; no other
// folds to one space.
func (f *foldedText) exactAt(a int, p string) bool {
	limit := f.breakAfter(a)
	for a < limit && p != "" {
		b := a + 1
		for f.origAt(b) < 0 {
			b++
		}
		s := " "
		if b > a+1 || f.t[a] != ' ' {
			s = norm.NFC.String(f.text[f.origAt(a):f.endAt(b)])
		}
		if !strings.HasPrefix(p, s) {
			return false
		}
		p = p[len(s):]
		a = b
	}
	return p == ""
}
