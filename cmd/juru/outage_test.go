package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
)

// TestOutageRiddenOut stops the endpoint for four seconds in the middle
// of a run, longer than the client's own retries last: the run waits it
// out and ends with every file written.
func TestOutageRiddenOut(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a run through a four-second outage; skipped with -short")
	}
	root := t.TempDir()
	in := filepath.Join(root, "news")
	writeArticles(t, in, 40)
	srv := startMock(t, mock.Options{Latency: 50 * time.Millisecond})
	vars := juruEnv(srv, fakeKey, root)
	out := filepath.Join(root, "out")

	down := make(chan time.Time, 1)
	go func() {
		for {
			b, _ := os.ReadFile(manifest.Path(out, ""))
			if bytes.Count(b, []byte("\n")) >= 10 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		srv.Stop()
		down <- time.Now()
		time.Sleep(4 * time.Second)
		if err := srv.Start(); err != nil {
			t.Errorf("start the endpoint again: %v", err)
		}
	}()
	o := runIn(context.Background(), vars, "translate", "--to", "id", "--jobs", "4", "--no-cache", "--progress", "none", "--verbose", "-o", out, in)
	select {
	case <-down:
	default:
		t.Fatal("the endpoint was never stopped")
	}
	if o.code != exitOK {
		t.Fatalf("exit code %d through a short outage\n%s", o.code, o.stderr)
	}
	if !strings.Contains(o.stderr, "trying again in") {
		t.Errorf("--verbose did not tell of the wait:\n%s", o.stderr)
	}
	n := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".id.md") {
			n++
		}
		return nil
	})
	if n != 40 {
		t.Errorf("%d outputs, want 40", n)
	}
}
