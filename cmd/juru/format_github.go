package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/juru-cli/juru/glossary/lint"
)

// formatGitHub writes GitHub Actions workflow commands, one per finding,
// which the runner turns into annotations on the pull request:
//
//	::error file=out/a.th.md,line=3,col=5,endLine=3,endColumn=9,title=term.forbidden::message
func formatGitHub(w io.Writer, r *checkReport) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.allFindings() {
		props := []string{
			"file=" + escapeGitHubProperty(f.File),
			fmt.Sprintf("line=%d", max(f.Line, 1)),
			fmt.Sprintf("col=%d", max(f.Col, 1)),
		}
		if f.EndLine > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.EndLine))
			if f.EndCol > 0 {
				props = append(props, fmt.Sprintf("endColumn=%d", f.EndCol))
			}
		}
		props = append(props, "title="+escapeGitHubProperty(f.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(f.Severity), strings.Join(props, ","), escapeGitHubData(f.Message))
	}
	return bw.Flush()
}

// githubLevel maps a severity to a workflow command.
func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeGitHubData escapes the message of a workflow command: '%', CR
// and LF, as the runner decodes them.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a property value of a workflow command:
// as data, plus ':' and ',', which separate properties.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
