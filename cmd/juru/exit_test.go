package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

// TestTranslateExitCodes runs juru translate in-process against a mock
// endpoint and checks the documented exit code of each outcome.
func TestTranslateExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	article := write("article.txt", "The China-ASEAN Expo opened in Nanning.\n")
	empty := write("empty.txt", "")
	terms := filepath.Join("..", "..", "testdata", "glossary", "asean.csv")

	var fault atomic.Value
	fault.Store(mock.FaultKind(""))
	srv := mock.New(mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel},
		Script: func(mock.Call) mock.Fault { return mock.Fault{Kind: fault.Load().(mock.FaultKind)} }})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	endpoint := []string{"--base-url", srv.URL(), "--api-key", fakeKey, "--model", mock.DefaultModel, "--no-cache", "--max-retries", "1"}

	for _, tc := range []struct {
		name  string
		fault mock.FaultKind
		args  []string
		code  int
	}{
		{"ok", "", []string{"--to", "id", "-g", terms, article}, exitOK},
		{"ok to a folder", "", []string{"--to", "id,th", "-g", terms, "-o", filepath.Join(dir, "out0"), article}, exitOK},
		{"violations remain", mock.CorruptTerms, []string{"--to", "vi", "-g", terms, article}, exitViolations},
		{"violations remain in a folder", mock.CorruptTerms, []string{"--to", "vi", "-g", terms, "-o", filepath.Join(dir, "out1"), article}, exitViolations},
		{"strict withholds", mock.CorruptTerms, []string{"--to", "vi", "--strict", "-g", terms, "-o", filepath.Join(dir, "out2"), article}, exitViolations},
		{"unknown language", "", []string{"--to", "xq", article}, exitUsage},
		{"missing file", "", []string{"--to", "id", filepath.Join(dir, "nope.txt")}, exitUsage},
		{"empty file to a folder", "", []string{"--to", "id", "-o", filepath.Join(dir, "out3"), empty}, exitUsage},
		{"one of two files fails", "", []string{"--to", "id", "-o", filepath.Join(dir, "out4"), empty, article}, exitPartial},
		{"endpoint fails", mock.ServerError, []string{"--to", "id", article}, exitEndpoint},
		{"endpoint fails in a folder", mock.ServerError, []string{"--to", "id", "-o", filepath.Join(dir, "out5"), article}, exitEndpoint},
		{"endpoint fails for several items", mock.ServerError, []string{"--to", "id,th", "-o", filepath.Join(dir, "out6"), article}, exitPartial},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fault.Store(tc.fault)
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"juru", "translate"}, endpoint...), tc.args...)
			code := run(context.Background(), args, env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
			})
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, tc.code, stderr.String())
			}
			if strings.Contains(stdout.String()+stderr.String(), fakeKey) {
				t.Error("the key was printed")
			}
		})
	}
}
