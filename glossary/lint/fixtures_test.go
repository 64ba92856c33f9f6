package lint

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testLinter loads testdata/terms.csv into a Linter with the default
// severities.
func testLinter(tb testing.TB) *Linter {
	tb.Helper()
	g, err := glossary.LoadFile(filepath.Join("testdata", "terms.csv"), glossary.ParseOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	l, err := New(Options{Glossary: g})
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// readDoc reads a fixture as a Doc.
func readDoc(tb testing.TB, path, lang string) Doc {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return Doc{Path: filepath.ToSlash(path), Lang: lang, Text: string(data)}
}

// render writes findings one a line, as golden files hold them:
// path:line:col-endline:endcol: severity rule: message, then the
// suggestion and the related source place when there are.
func render(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d:%d-%d:%d: %s %s: %s", f.File, f.Line, f.Col, f.EndLine, f.EndCol, f.Severity, f.Rule, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, " [suggest %q]", f.Suggestion)
		}
		if f.Related != nil {
			fmt.Fprintf(&b, " (source %d:%d-%d:%d)", f.Related.Line, f.Related.Col, f.Related.EndLine, f.Related.EndCol)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update to accept):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// expoLangs lists the translations of testdata/expo with the rules their
// bad version must break.
var expoLangs = []struct {
	lang  string
	rules []string
}{
	{"id", []string{TermMissing, TermForbidden, TermCase, NumberMismatch, ScriptWrong, StructureParagraphs}},
	{"ms", []string{TermForbidden, TermCase, NumberMismatch, StructureParagraphs}},
	{"vi", []string{TermForbidden, TermCase, NumberMismatch, ScriptWrong}},
	{"fil", []string{TermForbidden, NumberMismatch, ScriptWrong, StructureParagraphs}},
	{"th", []string{TermMissing, TermForbidden, NumberMismatch, ScriptWrong, StructureParagraphs}},
	{"km", []string{TermMissing, TermForbidden, ScriptWrong}},
	{"lo", []string{TermForbidden, NumberMismatch, ScriptWrong, StructureParagraphs}},
	{"my", []string{TermMissing, TermForbidden, EncodingZawgyi, StructureParagraphs}},
	{"zh-Hans", []string{TermMissing, TermForbidden, NumberMismatch, ScriptWrong}},
}

// TestExpoGood checks that faithful translations of the test article in
// every ASEAN language give no finding, alone or against the source.
func TestExpoGood(t *testing.T) {
	l := testLinter(t)
	src := readDoc(t, filepath.Join("testdata", "expo", "source.en.md"), "en")
	if fs := l.CheckOne(src); len(fs) > 0 {
		t.Errorf("source:\n%s", render(fs))
	}
	for _, x := range expoLangs {
		t.Run(x.lang, func(t *testing.T) {
			d := readDoc(t, filepath.Join("testdata", "expo", x.lang+".good.md"), x.lang)
			if fs := l.CheckPair(src, d); len(fs) > 0 {
				t.Errorf("CheckPair:\n%s", render(fs))
			}
			if fs := l.CheckOne(d); len(fs) > 0 {
				t.Errorf("CheckOne:\n%s", render(fs))
			}
			if r := l.Fix(d); r.Text != d.Text || len(r.Edits) > 0 || len(r.Skipped) > 0 {
				t.Errorf("Fix changed a clean file: %+v", r.Edits)
			}
		})
	}
}

// TestExpoBad checks the findings on translations with deliberate faults
// against golden files, and that each breaks the rules it was written to
// break.
func TestExpoBad(t *testing.T) {
	l := testLinter(t)
	src := readDoc(t, filepath.Join("testdata", "expo", "source.en.md"), "en")
	for _, x := range expoLangs {
		t.Run(x.lang, func(t *testing.T) {
			d := readDoc(t, filepath.Join("testdata", "expo", x.lang+".bad.md"), x.lang)
			fs := l.CheckPair(src, d)
			golden(t, filepath.Join("testdata", "expo", x.lang+".bad.golden"), render(fs))
			seen := map[string]bool{}
			for _, f := range fs {
				seen[f.Rule] = true
				checkBounds(t, d.Text, f)
			}
			for _, r := range x.rules {
				if !seen[r] {
					t.Errorf("no %s finding", r)
				}
			}
		})
	}
}
