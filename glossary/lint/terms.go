package lint

import (
	"fmt"
	"strings"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// matches returns the glossary occurrences in p, or nil when the
// language has no forms or no term rule is on. When the language has a
// sieve, only the spans it flags are matched: those that may hold a
// forbidden form, a form of a case-sensitive entry, or a form of an
// entry of src, the matches of a source (for term.missing). Every match
// those rules look at is then found, and perhaps some others.
func (l *Linter) matches(ld *langData, p *page, src []glossary.Match) []glossary.Match {
	if ld.matcher == nil || !l.on(TermMissing) && !l.on(TermForbidden) && !l.on(TermCase) {
		return nil
	}
	if ld.sieve == nil || matcherQuick(p.doc.Text) {
		return ld.matcher.FindAll(p.doc.Text)
	}
	ss := []*sieve{ld.sieve}
	if len(src) > 0 {
		var forms []string
		seen := map[*glossary.Entry]bool{}
		for _, m := range src {
			if !seen[m.Entry] {
				seen[m.Entry] = true
				for _, f := range m.Entry.Terms[ld.code] {
					forms = append(forms, f.Text)
				}
			}
		}
		own := newSieve(l.skeletons, forms, ld.grams)
		if own == nil {
			return ld.matcher.FindAll(p.doc.Text)
		}
		ss = append(ss, own)
	}
	return sieved(l.skeletons, ss, ld.breakers, ld.matcher, p)
}

// baseSieve makes the sieve of a language's forbidden forms and of the
// forms of its case-sensitive entries, with the gram counts of those
// forms and the breakers of the language; nil when one of those forms
// has an empty skeleton.
func (l *Linter) baseSieve(g *glossary.Glossary, code string) (*sieve, map[uint64]int, *breakers) {
	var forms, all []string
	for _, e := range g.Entries {
		for _, f := range e.Terms[code] {
			all = append(all, f.Text)
			if e.CaseSensitive && l.on(TermCase) || f.Status == glossary.Forbidden && l.on(TermForbidden) {
				forms = append(forms, f.Text)
			}
		}
	}
	counts := gramCounts(l.skeletons, forms)
	s := newSieve(l.skeletons, forms, counts)
	if s == nil {
		return nil, nil, nil
	}
	return s, counts, newBreakers(all)
}

// owner is an entry holding a form, with the form's status there.
type owner struct {
	entry  *glossary.Entry
	status glossary.Status
}

// owners indexes the forms of a language: for each form as written, the
// entries holding a form that folds alike (NFC, case-folded), whatever its
// status. It also returns the length in bytes of the longest form.
func owners(g *glossary.Glossary, code string) (map[string][]owner, int) {
	fold := cases.Fold()
	byKey := map[string][]owner{}
	keyOf := map[string]string{}
	longest := 0
	for _, e := range g.Entries {
		for _, f := range e.Terms[code] {
			k := foldKey(fold, f.Text)
			keyOf[f.Text] = k
			longest = max(longest, len(f.Text), len(k))
			byKey[k] = append(byKey[k], owner{e, f.Status})
		}
	}
	out := make(map[string][]owner, len(keyOf))
	for text, k := range keyOf {
		out[text] = byKey[k]
	}
	return out, longest
}

// foldKey puts a form in NFC and folds its case, as the matcher compares
// forms.
func foldKey(fold cases.Caser, s string) string {
	return fold.String(norm.NFC.String(strings.TrimSpace(s)))
}

// termForms reports the forbidden forms and wrong-case forms among the
// occurrences ms of p's language.
func (l *Linter) termForms(p *page, ld *langData, ms []glossary.Match) []Finding {
	var out []Finding
	for _, m := range ms {
		found := m.Text(p.doc.Text)
		switch {
		case m.CaseMismatch && m.Form.Status != glossary.Forbidden && l.on(TermCase):
			f := l.finding(TermCase, p, m.Start, m.End, fmt.Sprintf("wrong case %q: the glossary writes %q", found, m.Form.Text))
			f.Suggestion = m.Form.Text
			out = append(out, f)
		case !m.CaseMismatch && m.Form.Status == glossary.Forbidden && l.on(TermForbidden):
			r := ld.replace(m, found)
			f := l.finding(TermForbidden, p, m.Start, m.End, forbiddenMessage(found, r))
			f.Suggestion = r.text
			out = append(out, f)
		}
	}
	return out
}

// forbiddenMessage words a term.forbidden finding.
func forbiddenMessage(found string, r replacement) string {
	switch len(r.preferred) {
	case 0:
		return fmt.Sprintf("forbidden form %q", found)
	case 1:
		return fmt.Sprintf("forbidden form %q: use %q", found, r.preferred[0])
	}
	q := make([]string, len(r.preferred))
	for i, s := range r.preferred {
		q[i] = fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("forbidden form %q: use %s", found, strings.Join(q, " or "))
}

// missingTerms reports the entries occurring in the source more often
// than their required target form occurs in the translation. Accepted
// forms count as occurrences, and so do wrong-case forms (term.case names
// them) and, while term.forbidden is on, forbidden forms of the same
// entry (term.forbidden names them): one mistake, one finding.
//
// The finding's Related is the first source occurrence the translation
// does not cover, found by walking the source occurrences in order and
// letting each take an unused target occurrence from the paragraphs
// aligned with its own. It is located at those target paragraphs.
func (pr *pair) missingTerms(sm, tm []glossary.Match) []Finding {
	l, to := pr.l, pr.tl.code
	occ := map[*glossary.Entry][]int{}
	var order []*glossary.Entry
	for i, m := range sm {
		if m.CaseMismatch {
			continue
		}
		if _, ok := m.Entry.Preferred(to); !ok {
			continue
		}
		if occ[m.Entry] == nil {
			order = append(order, m.Entry)
		}
		occ[m.Entry] = append(occ[m.Entry], i)
	}
	if len(order) == 0 {
		return nil
	}
	// target occurrences per entry, by target block
	forbiddenCounts := l.on(TermForbidden)
	perBlock := map[*glossary.Entry]map[int]int{}
	total := map[*glossary.Entry]int{}
	for _, m := range tm {
		if occ[m.Entry] == nil || m.Form.Status == glossary.Forbidden && (!forbiddenCounts || m.CaseMismatch) {
			continue
		}
		total[m.Entry]++
		b := perBlock[m.Entry]
		if b == nil {
			b = map[int]int{}
			perBlock[m.Entry] = b
		}
		b[pr.tgt.blockAt(m.Start)]++
	}
	var out []Finding
	for _, e := range order {
		idx := occ[e]
		if total[e] >= len(idx) {
			continue
		}
		first := sm[idx[pr.uncovered(idx, sm, perBlock[e])]]
		srcForm, ok := e.Preferred(pr.sl.code)
		if !ok {
			srcForm = first.Text(pr.src.doc.Text)
		}
		required, _ := e.Preferred(to)
		sb := pr.src.blockAt(first.Start)
		start, end := pr.targetSpan(sb)
		f := l.finding(TermMissing, pr.tgt, start, end,
			fmt.Sprintf("missing %q for %q: %d in the source, %d in the translation", required, srcForm, len(idx), total[e]))
		f.Suggestion = required
		rel := pr.src.loc(first.Start, first.End)
		f.Related = &rel
		out = append(out, f)
	}
	return out
}

// uncovered returns the position in idx of the first source occurrence
// left without a target occurrence in the blocks aligned with its own.
func (pr *pair) uncovered(idx []int, sm []glossary.Match, tgtBlocks map[int]int) int {
	left := make(map[int]int, len(tgtBlocks))
	for b, n := range tgtBlocks {
		left[b] = n
	}
	for k, i := range idx {
		lo, hi := pr.targetBlocks(pr.src.blockAt(sm[i].Start))
		took := false
		for b := lo; b < hi && !took; b++ {
			if left[b] > 0 {
				left[b]--
				took = true
			}
		}
		if !took {
			return k
		}
	}
	// Partners are distinct, so with fewer target occurrences than
	// source ones some occurrence is always left over before this.
	return len(idx) - 1
}
