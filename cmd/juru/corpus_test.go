package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

// TestSeedArticleIntoASEAN translates the seed article of the shared
// corpus into the eight ASEAN languages through the command line against
// the mock, then checks the folder with juru check: eight outputs, every
// glossary term compliant.
func TestSeedArticleIntoASEAN(t *testing.T) {
	t.Parallel()
	shared := sharedDir()
	seed := filepath.Join(shared, "corpus", "seed", "caexpo-capacity-cooperation-2021.txt")
	if _, err := os.Stat(seed); shared == "" || err != nil {
		t.Skip("shared/corpus/seed not found beside the checkout: skipping the seed-article test")
	}
	root := t.TempDir()
	srv := startMock(t, mock.Options{})
	vars := juruEnv(srv, fakeKey, root)
	terms := filepath.Join("..", "..", "testdata", "glossary", "asean.csv")
	out := filepath.Join(root, "out")
	o := runIn(context.Background(), vars, "translate", "--to", "asean", "-g", terms, "--no-cache", "-o", out, seed)
	if o.code != 0 {
		t.Fatalf("translate: exit %d\n%s", o.code, o.stderr)
	}
	for _, l := range []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"} {
		p := filepath.Join(out, "caexpo-capacity-cooperation-2021."+l+".txt")
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("no %s output: %v", l, err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"juru", "check", "-g", terms, "--source-root", filepath.Dir(seed),
		"--rule", "number.mismatch=off", "--rule", "structure.paragraphs=off", "--rule", "script.wrong=off", out},
		env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
	if code != 0 || strings.Contains(stdout.String(), "term.") {
		t.Errorf("juru check on the outputs: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}

// TestWikinewsFolder summarizes and translates the real Wikinews articles
// of the shared corpus as a folder, with digests, against the mock: every
// item is written and a re-run sends nothing.
func TestWikinewsFolder(t *testing.T) {
	t.Parallel()
	shared := sharedDir()
	news := filepath.Join(shared, "corpus", "news-wikinews")
	if _, err := os.Stat(news); shared == "" || err != nil {
		t.Skip("shared/corpus/news-wikinews not found beside the checkout: skipping the Wikinews test")
	}
	root := t.TempDir()
	srv := startMock(t, mock.Options{})
	vars := juruEnv(srv, fakeKey, root)
	terms := filepath.Join("..", "..", "testdata", "glossary", "asean.csv")
	out := filepath.Join(root, "out")
	args := []string{"summarize", "--to", "en,id,th,vi", "--style", "short", "--digest", "-g", terms, "--jobs", "8", "-o", out, news}
	o := runIn(context.Background(), vars, args...)
	if o.code != 0 {
		t.Fatalf("summarize: exit %d\n%s", o.code, o.stderr)
	}
	articles, _ := filepath.Glob(filepath.Join(news, "*.txt"))
	files, _ := filepath.Glob(filepath.Join(out, "*.summary.*.md"))
	if len(articles) < 20 || len(files) != len(articles)*4 {
		t.Errorf("%d summaries of %d articles, want 4 each", len(files), len(articles))
	}
	for _, l := range []string{"en", "id", "th", "vi"} {
		b, err := os.ReadFile(filepath.Join(out, "digest."+l+".md"))
		if err != nil || strings.Count(string(b), "\n## ") != len(articles) {
			t.Errorf("digest.%s.md: %v, want %d articles", l, err, len(articles))
		}
	}
	o = runIn(context.Background(), vars, "translate", "--to", "id,vi", "-g", terms, "--jobs", "8", "-o", out, news)
	if o.code != 0 {
		t.Fatalf("translate: exit %d\n%s", o.code, o.stderr)
	}
	srv.Reset()
	if o = runIn(context.Background(), vars, args...); o.code != 0 || len(srv.ChatRequests()) != 0 {
		t.Errorf("re-run: exit %d, %d requests; want 0 and 0\n%s", o.code, len(srv.ChatRequests()), o.stderr)
	}
}
