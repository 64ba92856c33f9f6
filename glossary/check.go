package glossary

import "sort"

// Kind names what is wrong in a Violation.
type Kind string

// The kinds of glossary violation.
const (
	// Missing: the source holds the entry more often than the target holds
	// its preferred or admitted form.
	Missing Kind = "missing"
	// ForbiddenUse: a forbidden form occurs in the text.
	ForbiddenUse Kind = "forbidden"
	// WrongCase: a case-sensitive form occurs with other case.
	WrongCase Kind = "case"
)

// Violation is one way a text breaks the glossary.
type Violation struct {
	Kind  Kind   `json:"kind"`
	Entry *Entry `json:"-"`
	// EntryID is Entry.ID, for reports.
	EntryID string `json:"entry"`
	// Source is the entry's preferred source form.
	Source string `json:"source,omitempty"`
	// Required is the entry's preferred target form.
	Required string `json:"required,omitempty"`
	// Found is the offending text as it occurs (forbidden or wrong case).
	Found string `json:"found,omitempty"`
	// Want and Got count occurrences, for Missing: in the source, and of
	// accepted forms in the target.
	Want int `json:"want,omitempty"`
	Got  int `json:"got,omitempty"`
	// Start, End, Line and Col locate the offending text in the target, or
	// for Missing the first source occurrence in the source.
	Start int `json:"start"`
	End   int `json:"end"`
	Line  int `json:"line"`
	Col   int `json:"col"`
}

// Hit counts how often one entry occurs in source and target.
type Hit struct {
	Entry   *Entry `json:"-"`
	EntryID string `json:"entry"`
	// Source is the preferred source form and Target the required target form.
	Source string `json:"source"`
	Target string `json:"target"`
	// InSource counts source occurrences (any form); InTarget counts
	// occurrences of the preferred or admitted target forms.
	InSource int `json:"in_source"`
	InTarget int `json:"in_target"`
}

// Report is the outcome of checking one translation.
type Report struct {
	Hits       []Hit       `json:"hits"`
	Violations []Violation `json:"violations"`
}

// OK reports whether the translation has no violations.
func (r Report) OK() bool { return len(r.Violations) == 0 }

// Checker checks translations from one language into another against a
// glossary. It is safe for concurrent use.
type Checker struct {
	from, to string
	src, tgt *Matcher
	order    map[*Entry]int
}

// NewChecker prepares a checker for translations from one language code
// into another.
func NewChecker(g *Glossary, from, to string) *Checker {
	var order map[*Entry]int
	if g.cache != nil {
		order = g.cache.entryOrder(g)
	} else {
		order = entryOrder(g)
	}
	return &Checker{from: from, to: to, src: NewMatcher(g, from), tgt: NewMatcher(g, to), order: order}
}

// entryOrder maps each entry to its position in the glossary.
func entryOrder(g *Glossary) map[*Entry]int {
	order := make(map[*Entry]int, len(g.Entries))
	for i, e := range g.Entries {
		order[e] = i
	}
	return order
}

// Applicable returns the entries that occur in the source text and have a
// preferred form in the target language, in glossary order: exactly what a
// prompt for this text needs to carry.
func (c *Checker) Applicable(src string) []*Entry {
	seen := map[*Entry]bool{}
	for _, m := range c.src.FindAll(src) {
		if m.CaseMismatch {
			continue
		}
		if _, ok := m.Entry.Preferred(c.to); ok {
			seen[m.Entry] = true
		}
	}
	var out []*Entry
	for e := range seen {
		out = append(out, e)
	}
	c.sortEntries(out)
	return out
}

// Check compares a translation with its source. Every entry occurring in
// the source must occur in the target in a preferred or admitted form at
// least as often; no forbidden form may occur in the target; case-sensitive
// forms must keep their case.
func (c *Checker) Check(src, tgt string) Report {
	type count struct {
		first     Match
		inSrc     int
		inTgt     int
		hasTarget bool
	}
	counts := map[*Entry]*count{}
	var order []*Entry
	for _, m := range c.src.FindAll(src) {
		if m.CaseMismatch {
			continue
		}
		k := counts[m.Entry]
		if k == nil {
			_, has := m.Entry.Preferred(c.to)
			k = &count{first: m, hasTarget: has}
			counts[m.Entry] = k
			order = append(order, m.Entry)
		}
		k.inSrc++
	}
	var rep Report
	for _, m := range c.tgt.FindAll(tgt) {
		switch {
		case m.CaseMismatch:
			rep.Violations = append(rep.Violations, c.violation(WrongCase, m, tgt))
		case m.Form.Status == Forbidden:
			rep.Violations = append(rep.Violations, c.violation(ForbiddenUse, m, tgt))
		default:
			if k := counts[m.Entry]; k != nil {
				k.inTgt++
			}
		}
	}
	c.sortEntries(order)
	for _, e := range order {
		k := counts[e]
		if !k.hasTarget {
			continue
		}
		srcForm, _ := e.Preferred(c.from)
		required, _ := e.Preferred(c.to)
		rep.Hits = append(rep.Hits, Hit{Entry: e, EntryID: e.ID, Source: srcForm, Target: required, InSource: k.inSrc, InTarget: k.inTgt})
		if k.inTgt < k.inSrc {
			rep.Violations = append(rep.Violations, Violation{
				Kind: Missing, Entry: e, EntryID: e.ID, Source: srcForm, Required: required,
				Want: k.inSrc, Got: k.inTgt,
				Start: k.first.Start, End: k.first.End, Line: k.first.Line, Col: k.first.Col,
			})
		}
	}
	return rep
}

// Forbidden returns the forbidden forms occurring in a text of the
// target language, with wrong-case uses of case-sensitive forms.
func (c *Checker) Forbidden(tgt string) []Violation {
	var out []Violation
	for _, m := range c.tgt.FindAll(tgt) {
		switch {
		case m.CaseMismatch:
			out = append(out, c.violation(WrongCase, m, tgt))
		case m.Form.Status == Forbidden:
			out = append(out, c.violation(ForbiddenUse, m, tgt))
		}
	}
	return out
}

func (c *Checker) violation(k Kind, m Match, text string) Violation {
	srcForm, _ := m.Entry.Preferred(c.from)
	required, _ := m.Entry.Preferred(c.to)
	return Violation{
		Kind: k, Entry: m.Entry, EntryID: m.Entry.ID, Source: srcForm, Required: required,
		Found: m.Text(text), Start: m.Start, End: m.End, Line: m.Line, Col: m.Col,
	}
}

// sortEntries orders entries as they stand in the glossary.
func (c *Checker) sortEntries(es []*Entry) {
	sort.Slice(es, func(i, j int) bool { return c.order[es[i]] < c.order[es[j]] })
}
