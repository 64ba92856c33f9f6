package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/glossary/lint"
	"github.com/juru-cli/juru/internal/lang"
)

// The review page's view of a report. Every string in it is plain text:
// the template escapes it.
type (
	htmlPage struct {
		Title    string
		Summary  string
		Counts   counts
		Clean    bool
		Files    []*htmlFile
		CSS, JS  string
		CSP      string
		Glossary bool
	}
	htmlFile struct {
		ID, Path, Lang, LangName string
		Source, SourceLangName   string
		SourceLang               string
		Pair                     bool
		Note                     string
		Fixed                    int
		Counts                   counts
		Findings                 []*htmlFinding
		FileLevel                []*htmlFinding
		Rows                     []htmlRow
	}
	htmlFinding struct {
		ID, Sev, Icon, Rule, Message, Suggestion string
		Line, Col                                int
		// Placed is set when the finding is marked in the text.
		Placed bool
		// Related is the ID of its mark in the source, if any.
		Related string
	}
	htmlRow struct {
		Source, Target *htmlPara
	}
	htmlPara struct {
		Line    int
		Heading bool
		// Flag is the highest severity of the findings about the whole
		// paragraph, if any.
		Flag string
		Runs []htmlRun
	}
	// htmlRun is a stretch of a paragraph: plain, marked as a finding,
	// marked as the source of a finding, or a pin (a finding without
	// extent, shown as its icon).
	htmlRun struct {
		Finding *htmlFinding
		Related *htmlFinding
		Pin     bool
		// First is set on the first run of a mark, which holds its anchor.
		First  bool
		Pieces []htmlPiece
	}
	htmlPiece struct {
		Text string
		Term *htmlTerm
	}
	htmlTerm struct {
		Title     string
		Forbidden bool
	}
)

// severityIcon returns the icon and label of a severity: the page never
// tells severities apart by colour alone.
func severityIcon(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "✖"
	case lint.Warning:
		return "▲"
	}
	return "ℹ"
}

// formatHTML writes one self-contained review page: per file, source and
// translation side by side paragraph by paragraph, glossary terms
// highlighted on both sides, findings marked in place with their message
// on hover and focus, and a summary linking to each finding.
func formatHTML(w io.Writer, r *checkReport) error {
	b := &htmlBuilder{r: r, reg: lang.New(), matchers: map[string]*glossary.Matcher{}}
	page := &htmlPage{Glossary: r.Glossary != nil && r.Glossary.Len() > 0, CSS: reviewCSS, JS: reviewJS}
	page.Counts, _ = r.totals()
	page.Clean = page.Counts.total() == 0
	page.Summary = r.summary()
	page.Title = "juru check: " + page.Summary
	page.CSP = reviewCSP()
	for i, f := range r.Files {
		page.Files = append(page.Files, b.file(i+1, f))
	}
	return reviewTemplate().Execute(w, page)
}

// htmlBuilder turns checked files into their view.
type htmlBuilder struct {
	r        *checkReport
	reg      *lang.Registry
	matchers map[string]*glossary.Matcher
}

// matcher returns the glossary matcher of a language, nil without a
// glossary.
func (b *htmlBuilder) matcher(lang string) *glossary.Matcher {
	if b.r.Glossary == nil || lang == "" {
		return nil
	}
	m, ok := b.matchers[lang]
	if !ok {
		m = glossary.NewMatcher(b.r.Glossary, lang)
		b.matchers[lang] = m
	}
	return m
}

// terms returns the glossary occurrences in a text as marks.
func (b *htmlBuilder) terms(text, lang string) []termSpan {
	m := b.matcher(lang)
	if m == nil {
		return nil
	}
	var out []termSpan
	for _, x := range m.FindAll(text) {
		t := &htmlTerm{}
		pref, _ := x.Entry.Preferred(lang)
		switch {
		case x.Form.Status == glossary.Forbidden:
			t.Forbidden = true
			t.Title = fmt.Sprintf("glossary: forbidden form; use “%s”", pref)
		case x.CaseMismatch:
			t.Title = fmt.Sprintf("glossary: write “%s”", pref)
		default:
			t.Title = fmt.Sprintf("glossary term: “%s”", pref)
		}
		if notes := entryNote(x.Entry); notes != "" {
			t.Title += " (" + notes + ")"
		}
		out = append(out, termSpan{start: x.Start, end: x.End, term: t})
	}
	return out
}

// entryNote returns the note of an entry, if it has one.
func entryNote(e *glossary.Entry) string {
	for _, k := range []string{"note", "notes", "comment", "description"} {
		if v := strings.TrimSpace(e.Notes[k]); v != "" {
			return v
		}
	}
	return ""
}

// file builds the view of one checked file, numbered n from 1.
func (b *htmlBuilder) file(n int, f *checkedFile) *htmlFile {
	hf := &htmlFile{
		ID: fmt.Sprintf("file-%d", n), Path: f.Path, Lang: f.Lang, LangName: b.langName(f.Lang),
		Source: f.Source, SourceLang: f.SourceLang, SourceLangName: b.langName(f.SourceLang),
		Pair: f.Mode == modePair, Note: f.Note, Fixed: f.Fixed, Counts: f.counts(),
	}
	var tgtMarks, srcMarks []spanMark
	for i, x := range f.Findings {
		hx := &htmlFinding{
			ID:  fmt.Sprintf("f-%d-%d", n, i+1),
			Sev: string(x.Severity), Icon: severityIcon(x.Severity), Rule: x.Rule,
			Message: x.Message, Suggestion: x.Suggestion, Line: x.Line, Col: x.Col,
		}
		hf.Findings = append(hf.Findings, hx)
		if s, e, ok := spanOf(f.Text, x.Location); ok {
			hx.Placed = true
			tgtMarks = append(tgtMarks, spanMark{start: s, end: e, f: hx})
		}
		if hf.Pair && x.Related != nil {
			if s, e, ok := spanOf(f.SourceText, *x.Related); ok && e > s {
				hx.Related = hx.ID + "-src"
				srcMarks = append(srcMarks, spanMark{start: s, end: e, f: hx, related: true})
			}
		}
	}
	tgtParas := paragraphs(f.Text)
	tgtTerms := b.terms(f.Text, f.Lang)
	var srcParas []textSpan
	var srcTerms []termSpan
	if hf.Pair {
		srcParas = paragraphs(f.SourceText)
		srcTerms = b.terms(f.SourceText, f.SourceLang)
	}
	seen := map[string]bool{}
	for i := 0; i < max(len(tgtParas), len(srcParas)); i++ {
		var row htmlRow
		if i < len(tgtParas) {
			row.Target = layoutPara(f.Text, tgtParas[i], tgtMarks, tgtTerms, seen)
		}
		if i < len(srcParas) {
			row.Source = layoutPara(f.SourceText, srcParas[i], srcMarks, srcTerms, seen)
		}
		hf.Rows = append(hf.Rows, row)
	}
	// A finding placed between paragraphs is listed with the file's own.
	for _, hx := range hf.Findings {
		if hx.Placed && !seen[hx.ID] {
			hx.Placed = false
		}
		if !hx.Placed {
			hf.FileLevel = append(hf.FileLevel, hx)
		}
		if hx.Related != "" && !seen[hx.Related] {
			hx.Related = ""
		}
	}
	return hf
}

// langName returns "Thai (th)" for a code.
func (b *htmlBuilder) langName(code string) string {
	if code == "" {
		return ""
	}
	if l, err := b.reg.Lookup(code); err == nil {
		return l.Name()
	}
	return code
}
