package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// formatText writes one line per finding, "path:line:col: severity rule:
// message", the form editors and CI logs understand, sorted by file,
// line and column.
func formatText(w io.Writer, r *checkReport) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.allFindings() {
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", f.File, max(f.Line, 1), max(f.Col, 1), f.Severity, f.Rule, oneLine(f.Message))
	}
	return bw.Flush()
}

// oneLine keeps a message on one line: line breaks become spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
