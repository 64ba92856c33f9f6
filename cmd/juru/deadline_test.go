package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/mock"
)

// articlesAndEndpoint writes n articles under root/news and starts a
// mock endpoint that takes latency to answer; it returns root, the
// articles' folder and juru's environment.
func articlesAndEndpoint(t *testing.T, n int, latency time.Duration) (root, in string, vars map[string]string) {
	t.Helper()
	root = t.TempDir()
	in = filepath.Join(root, "news")
	writeArticles(t, in, n)
	srv := startMock(t, mock.Options{Latency: latency})
	return root, in, juruEnv(srv, fakeKey, root)
}

func TestDeadlineStopsTheRun(t *testing.T) {
	t.Parallel()
	root, in, vars := articlesAndEndpoint(t, 3, 3*time.Second)
	out := filepath.Join(root, "out")

	// every answer takes 3s: a run that went on would end with items done
	o := runIn(context.Background(), vars, "translate", "--to", "id", "--jobs", "1", "--no-cache", "--progress", "none", "--deadline", "500ms", "-o", out, in)
	if o.code != exitPartial {
		t.Fatalf("exit code %d, want %d\n%s", o.code, exitPartial, o.stderr)
	}
	if !strings.Contains(o.stderr, "juru: the deadline of 500ms passed with 0 of 3 items done; run the same command again to do the other 3") {
		t.Errorf("stderr:\n%s", o.stderr)
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			t.Errorf("an output was written though no answer came: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeadlineOnStdout(t *testing.T) {
	t.Parallel()
	_, in, vars := articlesAndEndpoint(t, 1, 3*time.Second)
	file := filepath.Join(in, "d00", "article-0000.md")

	o := runIn(context.Background(), vars, "translate", "--to", "id", "--no-cache", "--deadline", "300ms", file)
	if o.code != exitEndpoint {
		t.Fatalf("exit code %d, want %d\n%s", o.code, exitEndpoint, o.stderr)
	}
	if !strings.Contains(o.stderr, "the deadline of 300ms passed before the work was done") || o.stdout != "" {
		t.Errorf("stdout %q, stderr:\n%s", o.stdout, o.stderr)
	}
}

func TestDeadlineFromConfigAndBad(t *testing.T) {
	t.Parallel()
	root, in, vars := articlesAndEndpoint(t, 2, 3*time.Second)
	cfg := filepath.Join(root, "juru.toml")
	if err := os.WriteFile(cfg, []byte("deadline = \"400ms\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := runIn(context.Background(), vars, "translate", "--config", cfg, "--to", "id", "--no-cache", "--progress", "none", "-o", filepath.Join(root, "out"), in)
	if o.code != exitPartial || !strings.Contains(o.stderr, "the deadline of 400ms passed") {
		t.Errorf("deadline from juru.toml: exit %d\n%s", o.code, o.stderr)
	}
	o = runIn(context.Background(), vars, "translate", "--to", "id", "--deadline", "-1s", "-o", filepath.Join(root, "out"), in)
	if o.code != exitUsage || !strings.Contains(o.stderr, "--deadline must not be negative") {
		t.Errorf("negative deadline: exit %d\n%s", o.code, o.stderr)
	}
}
