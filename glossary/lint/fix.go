package lint

import (
	"fmt"
	"strings"

	"github.com/juru-cli/juru/glossary"
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
