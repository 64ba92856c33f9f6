package summarize

import (
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/numbers"
)

// Faithfulness checks.
//
// Glossary: a summary need not name every entry of the article, but what
// it names must be in the fixed form. glossary.Checker reports forbidden
// forms and wrong case in the summary's language (its "missing" findings
// are left out: a summary may omit a term). In a summary written in
// another language than the article, an entry of the article mentioned
// in the article's language (the English "Belt and Road Initiative" left
// in an Indonesian summary) is a mention in a form that is not the
// required one: the forms of the article's language are looked for in
// the summary, and every occurrence that does not lie within an accepted
// form of the summary's language ("ASEAN" is both English and
// Indonesian; "ASEAN" inside "Hội chợ Trung Quốc - ASEAN") is reported
// with the form to write instead. Forbidden forms of the article's
// language are reported this way for every entry, not only those of the
// article.
//
// Numbers: every number of the summary must occur in the article, read
// as each language writes numbers and compared by value as
// numbers.Unsupported compares them, except that a number may also match
// the digits of a number written with a magnitude word: summaries and
// headlines abbreviate ("$34.35bn", "34,35 M", "34,35 tr."), and the
// abbreviations are not read as magnitudes. A figure changed or invented
// is still reported; a magnitude word dropped is not.

// article is the original article with what the checks need of it.
type article struct {
	source
	// entries are the glossary entries occurring in the article that
	// have a form in the summary's language, in glossary order.
	entries    []*glossary.Entry
	applicable map[*glossary.Entry]bool
	// numbers are the numbers of the article.
	numbers []numbers.Number
}

// faith checks a summary's glossary terms and numbers against the
// article. Positions are in text.
func (c *config) faith(text string, art *article) ([]glossary.Hit, []Problem) {
	var hits []glossary.Hit
	var out []Problem
	if c.checker != nil {
		rep := c.checker.Check(art.text, text)
		hits = rep.Hits
		for _, v := range rep.Violations {
			if p, ok := glossaryProblem(v); ok {
				out = append(out, p)
			}
		}
		out = append(out, c.untranslated(text, art)...)
	}
	out = append(out, numberProblems(text, c.To, art.numbers, c.From, "article")...)
	return hits, out
}

// glossaryProblem turns a violation of a forbidden form or of case into
// a Problem; a missing term is none.
func glossaryProblem(v glossary.Violation) (Problem, bool) {
	p := Problem{Found: v.Found, Required: v.Required, Entry: v.EntryID, Line: v.Line, Col: v.Col}
	switch v.Kind {
	case glossary.ForbiddenUse:
		p.Kind = Forbidden
		p.Message = fmt.Sprintf("never write %q", v.Found)
		if v.Required != "" {
			p.Message = fmt.Sprintf("write %q, not %q", v.Required, v.Found)
		}
	case glossary.WrongCase:
		p.Kind = WrongCase
		p.Message = fmt.Sprintf("write %q with exactly this case, not %q", v.Required, v.Found)
	default:
		return Problem{}, false
	}
	return p, true
}

// untranslated finds entries mentioned in the article's language in a
// summary written in another language.
func (c *config) untranslated(text string, art *article) []Problem {
	if c.srcTerms == nil {
		return nil
	}
	accepted := c.dstTerms.FindAll(text)
	var out []Problem
	for _, m := range uncovered(c.srcTerms.FindAll(text), accepted) {
		if !art.applicable[m.Entry] && m.Form.Status != glossary.Forbidden {
			continue
		}
		want, ok := m.Entry.Preferred(c.To)
		if !ok {
			continue
		}
		found := m.Text(text)
		out = append(out, Problem{
			Kind: Untranslated, Message: fmt.Sprintf("write %q, not %q", want, found),
			Found: found, Required: want, Entry: m.Entry.ID, Line: m.Line, Col: m.Col,
		})
	}
	return out
}

// uncovered returns the matches of ms that no match of covers contains.
// Both lists are in text order without overlaps among themselves, as
// Matcher.FindAll returns them.
func uncovered(ms, covers []glossary.Match) []glossary.Match {
	var out []glossary.Match
	j := 0
	for _, m := range ms {
		for j+1 < len(covers) && covers[j+1].Start <= m.Start {
			j++
		}
		if j < len(covers) && covers[j].Start <= m.Start && m.End <= covers[j].End {
			continue
		}
		out = append(out, m)
	}
	return out
}

// numberProblems reports the numbers of a summary (in language lang)
// that do not occur among the numbers of its source, which the messages
// call noun.
func numberProblems(text, lang string, src []numbers.Number, srcLang, noun string) []Problem {
	var out []Problem
	ms := numbers.CompareNumbers(src, srcLang, numbers.Extract(text, lang), lang, numbers.Options{Extra: true, Bare: true})
	for _, m := range ms {
		if m.Kind != numbers.Extra {
			continue
		}
		out = append(out, Problem{
			Kind:    Number,
			Message: fmt.Sprintf("the number %q does not occur in the %s", m.Number.Raw, noun),
			Found:   m.Number.Raw, Line: m.Number.Line, Col: m.Number.Col,
		})
	}
	return out
}
