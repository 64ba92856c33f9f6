package lint

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Edit is one replacement Fix makes.
type Edit struct {
	Location
	Old string `json:"old"`
	New string `json:"new"`
}

// FixResult is the outcome of Fix.
type FixResult struct {
	// Text is the document with every unambiguous edit applied.
	Text string
	// Edits lists the replacements, in position order. Their locations
	// refer to the text given to Fix.
	Edits []Edit
	// Skipped lists findings that could not be fixed unambiguously.
	Skipped []Finding
	// Reasons says, for each finding of Skipped at the same index, why it
	// was left alone.
	Reasons []string
}

// replacement is what a forbidden form is to be replaced by.
type replacement struct {
	// text is the replacement, in the case pattern of the occurrence; ""
	// when there is none or it would be ambiguous.
	text string
	// preferred lists the preferred forms of the entries forbidding the
	// form, each once.
	preferred []string
	// reason says why text is "".
	reason string
}

// replace decides how a forbidden occurrence m, reading found, is fixed:
// by the preferred form of the entries that hold its form, provided they
// all forbid it and all prefer the same form.
func (ld *langData) replace(m glossary.Match, found string) replacement {
	os := ld.owners[m.Form.Text]
	if len(os) == 0 {
		os = []owner{{m.Entry, m.Form.Status}}
	}
	var r replacement
	accepted := false
	for _, o := range os {
		if o.status != glossary.Forbidden {
			accepted = true
			continue
		}
		if p, ok := o.entry.Preferred(ld.code); ok && !contains(r.preferred, p) {
			r.preferred = append(r.preferred, p)
		}
	}
	switch {
	case accepted:
		r.reason = "another glossary entry accepts this form"
	case len(r.preferred) == 0:
		r.reason = fmt.Sprintf("the glossary has no preferred form in %s", ld.code)
	case len(r.preferred) > 1:
		r.reason = "glossary entries prefer different forms"
	default:
		r.text = ld.matchCase(found, m.Form.Text, r.preferred[0], m.Entry.CaseSensitive)
	}
	return r
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// matchCase returns the preferred form pref in the case pattern of found,
// an occurrence of the form written form: in capitals where found is in
// capitals and form is not, with a capital first letter where only that
// sets found apart from form, and as written otherwise.
func (ld *langData) matchCase(found, form, pref string, caseSensitive bool) string {
	found, form = norm.NFC.String(found), norm.NFC.String(form)
	if caseSensitive || found == form {
		return pref
	}
	tag := language.Make(ld.code)
	if allUpper(found) && !allUpper(form) {
		return cases.Upper(tag).String(pref)
	}
	r, n := utf8.DecodeRuneInString(found)
	f, k := utf8.DecodeRuneInString(form)
	if unicode.IsUpper(r) && unicode.IsLower(f) && found[n:] == form[k:] {
		p, size := utf8.DecodeRuneInString(pref)
		if unicode.IsLower(p) {
			return cases.Upper(tag).String(pref[:size]) + pref[size:]
		}
	}
	return pref
}

// allUpper reports whether s holds at least two cased letters and none
// in lower case.
func allUpper(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			n++
		}
	}
	return n >= 2
}

// Fix rewrites forbidden forms into the entry's preferred form where
// that is unambiguous: the entries holding the form all forbid it and
// prefer the same form (see FixResult.Reasons otherwise). The preferred
// form takes the case pattern of the occurrence where the entry is not
// case-sensitive: all capitals stay in capitals, a capital first letter
// stays, otherwise the form is written as the glossary writes it.
//
// Fix never makes a forbidden form appear: a replacement that would
// (alone, or next to another replacement) is left out. Fixing a fixed
// text changes nothing. Nothing is rewritten while term.forbidden is off.
func (l *Linter) Fix(d Doc) FixResult {
	res := FixResult{Text: d.Text}
	ld := l.lang(d.Lang)
	if !l.on(TermForbidden) || ld.matcher == nil {
		return res
	}
	p := newPage(d, ld.code)
	var before []glossary.Match
	for _, m := range ld.matcher.FindAll(d.Text) {
		if !m.CaseMismatch && m.Form.Status == glossary.Forbidden {
			before = append(before, m)
		}
	}
	var edits []Edit
	for _, m := range before {
		found := m.Text(d.Text)
		r := ld.replace(m, found)
		e := Edit{Location: p.loc(m.Start, m.End), Old: found, New: r.text}
		switch {
		case r.text == "":
		case l.culprit(ld, d.Text, before, []Edit{e}) >= 0:
			r.reason = "the preferred form would make another forbidden form appear"
		default:
			edits = append(edits, e)
			continue
		}
		f := l.finding(TermForbidden, p, m.Start, m.End, forbiddenMessage(found, r))
		f.Suggestion = r.text
		res.Skipped = append(res.Skipped, f)
		res.Reasons = append(res.Reasons, r.reason)
	}
	// Replacements side by side may still make a forbidden form between
	// them: drop them one by one until none does.
	for len(edits) > 0 {
		bad := l.culprit(ld, d.Text, before, edits)
		if bad < 0 {
			break
		}
		e := edits[bad]
		f := l.finding(TermForbidden, p, e.Start, e.End, fmt.Sprintf("forbidden form %q: use %q", e.Old, e.New))
		f.Suggestion = e.New
		res.Skipped = append(res.Skipped, f)
		res.Reasons = append(res.Reasons, "the preferred form would make another forbidden form appear next to another replacement")
		edits = append(edits[:bad], edits[bad+1:]...)
	}
	res.Text, res.Edits = apply(d.Text, edits), edits
	l.sortSkipped(&res)
	return res
}

// apply makes the edits, sorted and without overlap, in text.
func apply(text string, edits []Edit) string {
	if len(edits) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	at := 0
	for _, e := range edits {
		b.WriteString(text[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// culprit applies edits (sorted, without overlap) to text and returns
// the index of an edit next to a forbidden occurrence they made, or -1
// when they make none. before holds the forbidden occurrences of text;
// one of them carried over unchanged is not made by the edits. Only the
// neighbourhood of the edits is matched again: an occurrence the edits
// can make overlaps them or touches them.
func (l *Linter) culprit(ld *langData, text string, before []glossary.Match, edits []Edit) int {
	// Match in a window reaching past the edits by twice the longest
	// form and a margin (white space aside), and judge only the
	// occurrences at least reach from its edges, whose context the
	// window holds whole.
	reach := ld.longest + 16
	lo, hi := back(text, edits[0].Start, 2*reach), forth(text, edits[len(edits)-1].End, 2*reach)
	local := shift(edits, -lo)
	window := apply(text[lo:hi], local)
	// where each edit's new text stands in the window, and how much it
	// moves what follows it
	type placed struct{ start, end, grow int }
	at := make([]placed, len(local))
	delta := 0
	for i, e := range local {
		at[i] = placed{e.Start + delta, e.Start + delta + len(e.New), len(e.New) - (e.End - e.Start)}
		delta += at[i].grow
	}
	old := make(map[[2]int]string, len(before))
	for _, m := range before {
		old[[2]int{m.Start, m.End}] = m.Form.Text
	}
	for _, m := range ld.matcher.FindAll(window) {
		if m.CaseMismatch || m.Form.Status != glossary.Forbidden {
			continue
		}
		if lo > 0 && m.Start < len(window)-len(forthWindow(window, reach)) || hi < len(text) && m.End > len(backWindow(window, reach)) {
			continue
		}
		best, dist, off := 0, -1, lo
		for i, e := range at {
			d := 0
			switch {
			case e.end < m.Start:
				d = m.Start - e.end
			case e.start > m.End:
				d = e.start - m.End
			}
			if dist < 0 || d < dist {
				best, dist = i, d
			}
			if e.end <= m.Start {
				off -= e.grow
			}
		}
		if dist > 0 {
			if form, ok := old[[2]int{m.Start + off, m.End + off}]; ok && form == m.Form.Text {
				continue // carried over from text
			}
		}
		return best
	}
	return -1
}

// forthWindow and backWindow return the window without its first or last
// n bytes, white space not counted.
func forthWindow(w string, n int) string { return w[forth(w, 0, n):] }
func backWindow(w string, n int) string  { return w[:back(w, len(w), n)] }

// back returns the offset n bytes before i in text, not counting white
// space, which matching reads a run of as one space, and moved back to a
// character start.
func back(text string, i, n int) int {
	for i > 0 && n > 0 {
		i--
		if c := text[i]; c != ' ' && c-'\t' >= 5 {
			n--
		}
	}
	return runeFloor(text, i)
}

// forth returns the offset n bytes after i in text, not counting white
// space, moved on to a character start.
func forth(text string, i, n int) int {
	for i < len(text) && n > 0 {
		if c := text[i]; c != ' ' && c-'\t' >= 5 {
			n--
		}
		i++
	}
	return runeCeil(text, i)
}

// shift returns copies of edits moved by d bytes.
func shift(edits []Edit, d int) []Edit {
	out := make([]Edit, len(edits))
	for i, e := range edits {
		e.Start += d
		e.End += d
		out[i] = e
	}
	return out
}

// runeFloor clamps i to [0, len(s)] and moves it back to a character start.
func runeFloor(s string, i int) int {
	if i <= 0 {
		return 0
	}
	i = min(i, len(s))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// runeCeil clamps i to [0, len(s)] and moves it on to a character start.
func runeCeil(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	i = max(i, 0)
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// sortSkipped puts the skipped findings, with their reasons, in position
// order.
func (l *Linter) sortSkipped(res *FixResult) {
	reason := make(map[int]string, len(res.Skipped))
	for i, f := range res.Skipped {
		reason[f.Start] = res.Reasons[i]
	}
	l.sort(res.Skipped)
	for i, f := range res.Skipped {
		res.Reasons[i] = reason[f.Start]
	}
}
