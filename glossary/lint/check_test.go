package lint

import (
	"testing"
	"unicode/utf8"
)

// checkBounds fails the test when a finding's span does not lie in text
// or its line and column do not locate its offsets.
func checkBounds(t *testing.T, text string, f Finding) {
	t.Helper()
	if f.Start < 0 || f.Start > f.End || f.End > len(text) {
		t.Fatalf("%s: span [%d, %d) out of a text of %d bytes", f.Rule, f.Start, f.End, len(text))
	}
	line, col := lineCol(text, f.Start)
	endLine, endCol := lineCol(text, f.End)
	if f.Line != line || f.Col != col || f.EndLine != endLine || f.EndCol != endCol {
		t.Fatalf("%s: %d:%d-%d:%d, want %d:%d-%d:%d", f.Rule, f.Line, f.Col, f.EndLine, f.EndCol, line, col, endLine, endCol)
	}
	if f.Message == "" || f.Severity.Rank() == 0 {
		t.Fatalf("%s: empty message or severity %q", f.Rule, f.Severity)
	}
}

// lineCol locates byte offset off of text the obvious way: 1-based line,
// column counting characters.
func lineCol(text string, off int) (int, int) {
	line, col := 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	_ = utf8.RuneError
	return line, col
}
