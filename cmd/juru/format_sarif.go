package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/juru-cli/juru/glossary/lint"
)

// rulesHelpURI is where README.md explains the rules of juru check.
const rulesHelpURI = "https://github.com/juru-cli/juru#lint-rules"

// The parts of SARIF 2.1.0 that juru writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string      `json:"id"`
		ShortDescription     sarifText   `json:"shortDescription"`
		DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
		HelpURI              string      `json:"helpUri"`
	}
	sarifConfig struct {
		Level   string `json:"level"`
		Enabled bool   `json:"enabled"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifText       `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

// formatSARIF writes a SARIF 2.1.0 log, the format GitHub code scanning
// reads: the rules with their configured levels, and one result per
// finding with its place, the related place in the source and, where a
// replacement is known, a fix. Columns count Unicode code points.
func formatSARIF(w io.Writer, r *checkReport) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "juru", InformationURI: "https://github.com/juru-cli/juru"}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.ID] = i
		level, enabled := sarifLevel(rule.Severity), rule.Severity != lint.Off
		if !enabled {
			level = sarifLevel(rule.Default)
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.ID, ShortDescription: sarifText{rule.Summary},
			DefaultConfiguration: sarifConfig{Level: level, Enabled: enabled},
			HelpURI:              rulesHelpURI,
		})
	}
	for _, f := range r.allFindings() {
		i, ok := index[f.Rule]
		if !ok {
			// A rule the table does not list still gets a result.
			i = len(run.Tool.Driver.Rules)
			index[f.Rule] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID: f.Rule, ShortDescription: sarifText{f.Rule},
				DefaultConfiguration: sarifConfig{Level: sarifLevel(f.Severity), Enabled: true}, HelpURI: rulesHelpURI,
			})
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: i, Level: sarifLevel(f.Severity),
			Message:   sarifText{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhys(f.Location)}},
		}
		if f.Related != nil && f.Related.File != "" {
			id := 1
			res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: sarifPhys(*f.Related), Message: &sarifText{"the source"}}}
		}
		if reg := sarifReg(f.Location); f.Suggestion != "" && reg != nil && reg.EndLine > 0 {
			res.Fixes = []sarifFix{{
				Description: sarifText{fmt.Sprintf("Replace with %q", f.Suggestion)},
				ArtifactChanges: []sarifArtifactChange{{
					ArtifactLocation: sarifArtifact{sarifURI(f.File)},
					Replacements:     []sarifReplacement{{DeletedRegion: *reg, InsertedContent: sarifText{f.Suggestion}}},
				}},
			}}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

func sarifPhys(l lint.Location) sarifPhysical {
	return sarifPhysical{ArtifactLocation: sarifArtifact{sarifURI(l.File)}, Region: sarifReg(l)}
}

// sarifReg returns the region of a location, nil for a whole file.
func sarifReg(l lint.Location) *sarifRegion {
	if l.Line <= 0 {
		return nil
	}
	reg := &sarifRegion{StartLine: l.Line, StartColumn: max(l.Col, 1)}
	if l.EndLine >= l.Line && l.EndCol > 0 {
		reg.EndLine, reg.EndColumn = l.EndLine, l.EndCol
	}
	return reg
}

// sarifURI turns a path into a URI reference: relative paths stay
// relative (GitHub resolves them against the repository), absolute ones
// become file URIs.
func sarifURI(p string) string {
	if p == "" {
		return "stdin"
	}
	slash := filepath.ToSlash(filepath.Clean(p))
	u := &url.URL{Path: slash}
	if filepath.IsAbs(p) {
		u.Scheme = "file"
		if !strings.HasPrefix(slash, "/") {
			u.Path = "/" + slash
		}
		return u.String()
	}
	// String escapes spaces and non-ASCII characters, and writes a
	// first segment holding a colon as "./c:..." so that it does not read
	// as a scheme.
	return u.String()
}
