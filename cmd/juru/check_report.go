package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/glossary/lint"
)

// checkReport is everything juru check found, as the formatters see it.
type checkReport struct {
	// Files lists the files checked, sorted by path.
	Files []*checkedFile
	// Rules lists every rule with the severity it ran with ("off" for
	// a rule switched off), in lint.Rules order.
	Rules []ruleInfo
	// FailLevel is the least severity that fails the run.
	FailLevel lint.Severity
	// Glossary holds the terms, for the review page; nil without one.
	Glossary *glossary.Glossary
}

// ruleInfo is one rule as configured for a run.
type ruleInfo struct {
	ID       string
	Default  lint.Severity
	Severity lint.Severity
	Summary  string
}

// Modes of a checked file.
const (
	modePair  = "pair"  // checked against its source
	modeAlone = "alone" // checked on its own
)

// checkedFile is one file checked and its findings.
type checkedFile struct {
	// Path names the file as the user gave it (or as the manifest's
	// folder and output path make it).
	Path string
	// Lang is the file's language code.
	Lang string
	// Mode is modePair or modeAlone.
	Mode string
	// Source and SourceLang name the source of a pair.
	Source, SourceLang string
	// Text and SourceText are the texts as checked, for the review page.
	Text, SourceText string
	// Note says something a reader should know, such as a source that
	// could not be found.
	Note string
	// Fixed counts the edits --fix made (or would make).
	Fixed int
	// Findings are the problems found, sorted by position.
	Findings []lint.Finding
}

// counts is the number of findings per severity.
type counts struct{ Errors, Warnings, Infos int }

func (c *counts) add(s lint.Severity) {
	switch s {
	case lint.Error:
		c.Errors++
	case lint.Warning:
		c.Warnings++
	case lint.Info:
		c.Infos++
	}
}

func (c counts) total() int { return c.Errors + c.Warnings + c.Infos }

// String words counts as "2 errors, 1 warning, 0 infos".
func (c counts) String() string {
	return fmt.Sprintf("%s, %s, %s", plural(c.Errors, "error"), plural(c.Warnings, "warning"), plural(c.Infos, "info"))
}

// plural writes a count with its noun: "1 error", "2 errors", "3 entries".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") && !strings.ContainsAny(word[len(word)-2:len(word)-1], "aeiou") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// counts returns the file's findings per severity.
func (f *checkedFile) counts() counts {
	var c counts
	for _, x := range f.Findings {
		c.add(x.Severity)
	}
	return c
}

// totals returns the findings of every file per severity, and how many
// files have any.
func (r *checkReport) totals() (c counts, withFindings int) {
	for _, f := range r.Files {
		fc := f.counts()
		c.Errors += fc.Errors
		c.Warnings += fc.Warnings
		c.Infos += fc.Infos
		if fc.total() > 0 {
			withFindings++
		}
	}
	return c, withFindings
}

// failed reports whether a finding reaches the fail level.
func (r *checkReport) failed() bool {
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.Severity.Rank() >= r.FailLevel.Rank() {
				return true
			}
		}
	}
	return false
}

// summary is the one line printed on stderr after the findings.
func (r *checkReport) summary() string {
	c, with := r.totals()
	if c.total() == 0 {
		return fmt.Sprintf("%s checked, no findings", plural(len(r.Files), "file"))
	}
	return fmt.Sprintf("%s in %d of %s", c, with, plural(len(r.Files), "file"))
}

// allFindings returns every finding of the report, sorted by file,
// line, column, then rule and message.
func (r *checkReport) allFindings() []lint.Finding {
	var all []lint.Finding
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.File == "" {
				x.File = f.Path
			}
			all = append(all, x)
		}
	}
	slices.SortStableFunc(all, compareFindings)
	return all
}

// compareFindings orders findings by file, position, rule and message.
func compareFindings(a, b lint.Finding) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndCol, b.EndCol),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
	)
}

// sortFiles orders the files by path and each file's findings by position.
func (r *checkReport) sortFiles() {
	slices.SortStableFunc(r.Files, func(a, b *checkedFile) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range r.Files {
		for i := range f.Findings {
			if f.Findings[i].File == "" {
				f.Findings[i].File = f.Path
			}
		}
		slices.SortStableFunc(f.Findings, compareFindings)
	}
}

// rulesFor lists the rules with the severities a run uses.
func rulesFor(sev map[string]lint.Severity) []ruleInfo {
	var out []ruleInfo
	for _, r := range lint.Rules() {
		s := r.Severity
		if v, ok := sev[r.ID]; ok {
			s = v
		}
		out = append(out, ruleInfo{ID: r.ID, Default: r.Severity, Severity: s, Summary: r.Summary})
	}
	return out
}

// formatter renders a report.
type formatter func(w io.Writer, r *checkReport) error

// checkFormatList names the output formats of juru check, for messages.
const checkFormatList = "text, json, sarif, github or html"

// checkFormatter returns the formatter of a format name.
func checkFormatter(name string) (formatter, bool) {
	switch name {
	case "text":
		return formatText, true
	case "json":
		return formatJSON, true
	case "sarif":
		return formatSARIF, true
	case "github":
		return formatGitHub, true
	case "html":
		return formatHTML, true
	}
	return nil, false
}
