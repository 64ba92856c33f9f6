package main

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary/lint"
	"github.com/juru-cli/juru/internal/lang"
)

// testApp is an app with quiet streams and no environment.
func testApp() *app {
	return &app{env: env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }}, langs: lang.New()}
}

// parseCheck runs the flag parsing of juru check on args, in dir.
func parseCheck(t *testing.T, dir string, args ...string) (checkOptions, error) {
	t.Helper()
	t.Chdir(dir)
	a := testApp()
	cmd := a.checkCommand()
	var got checkOptions
	var gotErr error
	cmd.Action = func(c *cli.Context) error {
		got, gotErr = a.checkOptions(c)
		return nil
	}
	setUsageHandler(cmd)
	c := &cli.App{Name: "juru", Commands: []*cli.Command{cmd}, Writer: io.Discard, ErrWriter: io.Discard,
		ExitErrHandler: func(*cli.Context, error) {}}
	if err := c.Run(append([]string{"juru", "check"}, args...)); err != nil {
		return got, err
	}
	return got, gotErr
}

func TestCheckOptions(t *testing.T) {
	dir := t.TempDir()
	config := `glossary = ["g/terms.csv"]
from = "en-US"
jobs = 3
[check]
fail_level = "warning"
source_root = "news"
format = "sarif"
rules = { "term.case" = "off", "structure.paragraphs" = "info" }
`
	if err := os.WriteFile(filepath.Join(dir, "juru.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	for _, tc := range []struct {
		name string
		dir  string
		args []string
		want checkOptions
	}{
		{
			name: "defaults", dir: empty, args: []string{"a.th.md"},
			want: checkOptions{args: []string{"a.th.md"}, from: "en", format: "text", failLevel: lint.Error, severities: map[string]lint.Severity{}},
		},
		{
			name: "flags", dir: empty,
			args: []string{"-g", "x.csv", "-g", "y.tbx", "--lang", "tl", "--from", "id", "--source", "a.md", "--format", "html",
				"-o", "r.html", "--fail-level", "info", "--rule", "term.case=off", "--rule", " number.mismatch = Warning", "--fix", "-n", "-j", "2", "a.fil.md"},
			want: checkOptions{args: []string{"a.fil.md"}, glossaries: []string{"x.csv", "y.tbx"}, lang: "fil", from: "id", source: "a.md",
				format: "html", output: "r.html", failLevel: lint.Info, fix: true, dryRun: true, jobs: 2,
				severities: map[string]lint.Severity{lint.TermCase: lint.Off, lint.NumberMismatch: lint.Warning}},
		},
		{
			name: "juru.toml", dir: dir, args: []string{"out"},
			want: checkOptions{args: []string{"out"}, glossaries: []string{"g/terms.csv"}, from: "en", sourceRoot: "news", format: "sarif",
				failLevel: lint.Warning, jobs: 3, severities: map[string]lint.Severity{lint.TermCase: lint.Off, lint.StructureParagraphs: lint.Info}},
		},
		{
			name: "flags over juru.toml", dir: dir,
			args: []string{"-g", "other.csv", "--source-root", "src", "--format", "text", "--fail-level", "error", "--rule", "term.case=error", "-j", "1", "out"},
			want: checkOptions{args: []string{"out"}, glossaries: []string{"other.csv"}, from: "en", sourceRoot: "src", format: "text",
				failLevel: lint.Error, jobs: 1, severities: map[string]lint.Severity{lint.TermCase: lint.Error, lint.StructureParagraphs: lint.Info}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseCheck(t, tc.dir, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.jobs == 0 {
				tc.want.jobs = got.jobs // the number of cores
			}
			same := strings.Join(got.args, " ") == strings.Join(tc.want.args, " ") &&
				strings.Join(got.glossaries, " ") == strings.Join(tc.want.glossaries, " ") &&
				got.lang == tc.want.lang && got.from == tc.want.from && got.source == tc.want.source &&
				got.sourceRoot == tc.want.sourceRoot && got.format == tc.want.format && got.output == tc.want.output &&
				got.failLevel == tc.want.failLevel && got.fix == tc.want.fix && got.dryRun == tc.want.dryRun &&
				got.jobs == tc.want.jobs && maps.Equal(got.severities, tc.want.severities)
			if !same {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestCheckOptionsErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no argument", nil, "missing argument"},
		{"format", []string{"--format", "xml", "a"}, `unknown --format "xml"`},
		{"fail level", []string{"--fail-level", "off", "a"}, `unknown --fail-level "off"`},
		{"rule", []string{"--rule", "term.nope=off", "a"}, `unknown rule "term.nope"`},
		{"rule without severity", []string{"--rule", "term.case", "a"}, "want ID=SEVERITY"},
		{"severity", []string{"--rule", "term.case=fatal", "a"}, `unknown severity "fatal"`},
		{"jobs", []string{"-j", "0", "a"}, "--jobs 0"},
		{"dry run", []string{"-n", "a"}, "--dry-run goes with --fix"},
		{"fix stdin", []string{"--fix", "--lang", "th", "-"}, "cannot fix standard input"},
		{"stdin without lang", []string{"-"}, "standard input needs --lang"},
		{"source stdin", []string{"--source", "-", "a"}, "--source must name a file"},
		{"unknown flag", []string{"--bogus", "a"}, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCheck(t, dir, tc.args...)
			var ue *usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want a usage error with %q", err, tc.want)
			}
		})
	}
	t.Run("unknown language", func(t *testing.T) {
		_, err := parseCheck(t, dir, "--lang", "klingon", "a")
		var ue *lang.UnknownError
		if !errors.As(err, &ue) {
			t.Errorf("error %v, want an unknown language", err)
		}
	})
}

func FuzzRuleSeverity(f *testing.F) {
	f.Add("term.case=off")
	f.Add(" number.mismatch = Warning ")
	f.Add("=")
	f.Add("script.wrong=error=warning")
	f.Fuzz(func(t *testing.T, spec string) {
		got, err := ruleSeverities(nil, []string{spec})
		// The obvious reading: split at the first '=', trim, look up.
		id, sev, ok := strings.Cut(spec, "=")
		id = strings.TrimSpace(id)
		sev = strings.ToLower(strings.TrimSpace(sev))
		known := false
		for _, r := range lint.Rules() {
			known = known || r.ID == id
		}
		valid := ok && known && (sev == "error" || sev == "warning" || sev == "info" || sev == "off")
		if valid != (err == nil) {
			t.Fatalf("%q: error %v, valid %v", spec, err, valid)
		}
		if valid && got[id] != lint.Severity(sev) {
			t.Fatalf("%q: got %v", spec, got)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\n\r") && !strings.ContainsAny(spec, "\n\r") {
			t.Fatalf("%q: a message on several lines: %q", spec, err)
		}
	})
}

func TestLangFromName(t *testing.T) {
	a := testApp()
	for _, tc := range []struct{ path, want string }{
		{"out/article.th.md", "th"},
		{"a.zh-CN.txt", "zh-Hans"},
		{"summary.tl.md", "fil"},
		{"article.md", ""},
		{"2021.10.md", ""},
		{"notes.draft.md", ""},
		{".th.md", "th"},
		{"x.th", ""},
	} {
		if got := a.langFromName(tc.path); got != tc.want {
			t.Errorf("langFromName(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n          int
		word, want string
	}{
		{1, "error", "1 error"}, {0, "error", "0 errors"}, {2, "entry", "2 entries"},
		{3, "glossary", "3 glossaries"}, {2, "day", "2 days"}, {5, "info", "5 infos"},
	} {
		if got := plural(tc.n, tc.word); got != tc.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tc.n, tc.word, got, tc.want)
		}
	}
}
