package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
)

// TestShardsMakeTheSameTree runs four shards of a translation at once on
// one output folder (the last through the Kubernetes Indexed Job
// variables) and four more in folders of their own, and checks that
// both merge into the tree and manifest one unsharded run makes, and
// that resuming works from either side of a merge.
func TestShardsMakeTheSameTree(t *testing.T) {
	t.Parallel()
	e := newBatchEnv(t, mock.Options{})
	news := e.writeArticles(24, 2)
	task := []string{"translate", "--to", "id,th,vi", "-g", "../../testdata/glossary/asean.csv", "--no-cache", "--progress", "none"}
	one := e.path("one")
	e.must(0, append(task, "-o", one, news)...)
	total := e.chatRequests()

	shared := e.path("shared")
	var wg sync.WaitGroup
	codes := make([]int, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = e.juru(append(task, "--shard", fmt.Sprintf("%d/4", i), "-o", shared, news)...)
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Fatalf("shard %d exited %d", i, c)
		}
	}
	e.setenv("JOB_COMPLETION_INDEX", "3")
	e.setenv("JOB_COMPLETIONS", "4")
	e.must(0, append(task, "-o", shared, news)...)
	e.setenv("JOB_COMPLETION_INDEX", "")
	e.setenv("JOB_COMPLETIONS", "")
	files, err := manifest.ShardFiles(shared)
	if err != nil || len(files) != 4 {
		t.Fatalf("shard manifests %v %v", files, err)
	}
	if n := e.chatRequests(); n != 2*total {
		t.Errorf("the shards made %d requests, the unsharded run %d", n-total, total)
	}
	e.must(0, "batch", "merge", shared)
	if files, _ := manifest.ShardFiles(shared); len(files) != 0 {
		t.Errorf("shard manifests left after merge: %v", files)
	}
	sameTree(t, one, shared)
	sameRecords(t, one, shared)

	// A shard run after the merge finds its items up to date.
	e.srv.Reset()
	e.must(0, append(task, "--shard", "2/4", "-o", shared, news)...)
	if n := e.chatRequests(); n != 0 {
		t.Errorf("a shard after the merge made %d requests", n)
	}

	// Shards in folders of their own, folded by a later unsharded run.
	var dirs []string
	for i := range 4 {
		d := e.path(fmt.Sprintf("part%d", i))
		e.must(0, append(task, "--shard", fmt.Sprintf("%d/4", i), "-o", d, news)...)
		dirs = append(dirs, d)
	}
	joined := e.path("joined")
	if err := os.MkdirAll(joined, 0o755); err != nil {
		t.Fatal(err)
	}
	stderr := e.must(0, append([]string{"batch", "merge", joined}, dirs...)...)
	if !strings.Contains(stderr, "items from") {
		t.Errorf("merge said:\n%s", stderr)
	}
	sameTree(t, one, joined)
	sameRecords(t, one, joined)
	e.srv.Reset()
	e.must(0, append(task, "-o", joined, news)...)
	if n := e.chatRequests(); n != 0 {
		t.Errorf("an unsharded run after merging made %d requests", n)
	}
}

// TestUnshardedRunFoldsShards checks that a run without --shard folds
// the shard manifests it finds, without a merge command.
func TestUnshardedRunFoldsShards(t *testing.T) {
	e := newBatchEnv(t, mock.Options{})
	news := e.writeArticles(8, 1)
	task := []string{"translate", "--to", "id", "--no-cache", "--progress", "none"}
	out := e.path("out")
	for i := range 2 {
		e.must(0, append(task, "--shard", fmt.Sprintf("%d/2", i), "-o", out, news)...)
	}
	e.srv.Reset()
	e.must(0, append(task, "-o", out, news)...)
	if n := e.chatRequests(); n != 0 {
		t.Errorf("the unsharded run made %d requests", n)
	}
	if files, _ := manifest.ShardFiles(out); len(files) != 0 {
		t.Errorf("shard manifests left: %v", files)
	}
	if _, err := os.Stat(filepath.Join(out, manifest.Dir, manifest.FileName)); err != nil {
		t.Error(err)
	}
}
