package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPreCommitHook reads the repository's .pre-commit-hooks.yaml and
// checks that the hook runs juru check on the translations it should.
func TestPreCommitHook(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "- ")
		if k, v, ok := strings.Cut(line, ": "); ok && !strings.HasPrefix(k, "#") {
			fields[k] = strings.TrimSpace(v)
		}
	}
	for k, want := range map[string]string{"id": "juru-check", "entry": "juru check", "language": "golang", "types": "[text]"} {
		if fields[k] != want {
			t.Errorf("%s: %q, want %q", k, fields[k], want)
		}
	}
	files, err := regexp.Compile(fields["files"])
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	a := testApp()
	for name, want := range map[string]bool{
		"out/article.th.md": true, "a/b/summary.vi.txt": true, "x.zh-Hans.md": true, "news/expo.fil.markdown": true,
		"README.md": false, "notes.txt": false, "article.th.html": false, "terms.csv": false,
	} {
		if files.MatchString(name) != want {
			t.Errorf("files pattern on %q: %v, want %v", name, !want, want)
		}
		if want && a.langFromName(name) == "" {
			t.Errorf("the hook selects %q, whose name gives no language", name)
		}
	}
}
