package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExitCodes runs juru check and juru glossary validate on the
// fixtures and checks the exit codes: 0 clean, 1 findings at or above
// the fail level, 2 usage or input error, with one line on stderr.
func TestCheckExitCodes(t *testing.T) {
	td := func(name string) string {
		return filepath.Join("..", "..", "testdata", "check", filepath.FromSlash(name))
	}
	terms, src := td("terms.csv"), td("article.md")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"clean pair", []string{"check", "-g", terms, "--source", src, td("clean/article.km.md")}, 0, "no findings"},
		{"clean folder of translations", []string{"check", "-g", terms, "--source", src, td("clean")}, 0, "8 files checked"},
		{"findings", []string{"check", "-g", terms, "--source", src, td("bad/article.lo.md")}, 1, "errors"},
		{"warnings pass by default", []string{"check", "-g", terms, "--source", src, "--rule", "term.forbidden=warning", "--rule", "number.mismatch=off", "--rule", "term.missing=off", td("bad/article.id.md")}, 0, "0 errors, 3 warnings"},
		{"warnings fail at warning", []string{"check", "-g", terms, "--source", src, "--fail-level", "warning", "--rule", "number.mismatch=off", "--rule", "term.forbidden=warning", "--rule", "term.missing=off", td("bad/article.id.md")}, 1, "3 warnings"},
		{"clean draft", []string{"check", "-g", terms, "--lang", "en", td("drafts/clean.md")}, 0, "no findings"},
		{"deprecated draft", []string{"check", "-g", terms, "--lang", "en", td("drafts/deprecated.md")}, 1, "4 errors"},
		{"missing file", []string{"check", "-g", terms, "--lang", "th", td("nothing.th.md")}, 2, "nothing.th.md"},
		{"bad glossary", []string{"check", "-g", td("bad-terms.csv"), "--lang", "en", td("drafts/clean.md")}, 2, "bad-terms.csv:2:"},
		{"unknown rule", []string{"check", "-g", terms, "--rule", "spelling=off", td("drafts/clean.md")}, 2, `unknown rule "spelling"`},
		{"usage", []string{"check", "--format", "pdf", td("drafts/clean.md")}, 2, "--format"},
		{"valid glossary", []string{"glossary", "validate", terms}, 0, "0 errors"},
		{"glossary with errors", []string{"glossary", "validate", td("problems.csv")}, 1, "1 error"},
		{"unreadable glossary", []string{"glossary", "validate", td("bad-terms.csv")}, 2, "bad-terms.csv:2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append([]string{"juru"}, tc.args...), env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
			})
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.stderr)
			}
			if tc.code == 2 && strings.Count(stderr.String(), "juru: ") != 1 {
				t.Errorf("want one line for an error, got %q", stderr.String())
			}
		})
	}
}
