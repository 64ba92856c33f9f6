package main

import (
	"encoding/json"
	"io"

	"github.com/juru-cli/juru/glossary/lint"
)

// The JSON report of juru check. Field names are stable: scripts read them.
type (
	jsonReport struct {
		Findings []jsonFinding `json:"findings"`
		Files    []jsonFile    `json:"files"`
		Summary  jsonSummary   `json:"summary"`
	}
	jsonFinding struct {
		jsonLocation
		Rule       string        `json:"rule"`
		Severity   string        `json:"severity"`
		Message    string        `json:"message"`
		Suggestion string        `json:"suggestion,omitempty"`
		Related    *jsonLocation `json:"related,omitempty"`
	}
	jsonLocation struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Col     int    `json:"col"`
		EndLine int    `json:"end_line"`
		EndCol  int    `json:"end_col"`
	}
	jsonFile struct {
		Path       string `json:"path"`
		Lang       string `json:"lang"`
		Mode       string `json:"mode"`
		Source     string `json:"source,omitempty"`
		SourceLang string `json:"source_lang,omitempty"`
		Note       string `json:"note,omitempty"`
		Fixed      int    `json:"fixed,omitempty"`
		Errors     int    `json:"errors"`
		Warnings   int    `json:"warnings"`
		Infos      int    `json:"infos"`
	}
	jsonSummary struct {
		Files     int    `json:"files"`
		Errors    int    `json:"errors"`
		Warnings  int    `json:"warnings"`
		Infos     int    `json:"infos"`
		FailLevel string `json:"fail_level"`
		Failed    bool   `json:"failed"`
	}
)

func jsonLoc(l lint.Location) jsonLocation {
	return jsonLocation{File: l.File, Line: l.Line, Col: l.Col, EndLine: l.EndLine, EndCol: l.EndCol}
}

// formatJSON writes the report as one indented JSON object: the
// findings, the files with their counts, and a summary.
func formatJSON(w io.Writer, r *checkReport) error {
	out := jsonReport{Findings: []jsonFinding{}, Files: []jsonFile{}}
	for _, f := range r.allFindings() {
		jf := jsonFinding{jsonLocation: jsonLoc(f.Location), Rule: f.Rule, Severity: string(f.Severity), Message: f.Message, Suggestion: f.Suggestion}
		if f.Related != nil {
			rl := jsonLoc(*f.Related)
			jf.Related = &rl
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, f := range r.Files {
		c := f.counts()
		out.Files = append(out.Files, jsonFile{
			Path: f.Path, Lang: f.Lang, Mode: f.Mode, Source: f.Source, SourceLang: f.SourceLang,
			Note: f.Note, Fixed: f.Fixed, Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
		})
	}
	c, _ := r.totals()
	out.Summary = jsonSummary{Files: len(r.Files), Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos,
		FailLevel: string(r.FailLevel), Failed: r.failed()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
