package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
	batchrun "github.com/juru-cli/juru/internal/run"
)

// faultRates are the faults the fault-injection suite injects, per request.
var faultRates = map[mock.FaultKind]float64{
	mock.ServerError: 0.10,
	mock.RateLimited: 0.05,
	mock.Reset:       0.02,
	mock.Truncated:   0.01,
	mock.Length:      0.01,
	mock.Refusal:     0.01,
}

// TestFaultInjection translates 300 articles into three languages
// against an endpoint that fails one request in five in various ways,
// restarts halfway through and limits requests to 600 a minute, then
// runs the same command again once the endpoint has recovered.
func TestFaultInjection(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("fault-injection suite: about 1,100 requests under a 600-a-minute limit take over a minute")
	}
	root := t.TempDir()
	c := newCorpus(t, filepath.Join(root, "news"), 300, 20261127)
	terms, err := filepath.Abs(termsFile)
	if err != nil {
		t.Fatal(err)
	}
	ref := referenceRun(t, c, root, terms)

	var faulty atomic.Bool
	faulty.Store(true)
	faults := mock.Randomly(7, faultRates)
	srv := startMock(t, mock.Options{
		APIKey: fakeKey, Models: []string{mock.DefaultModel},
		RateLimit: mock.RateLimit{Requests: 600, Window: time.Minute},
		Script: func(call mock.Call) mock.Fault {
			if !faulty.Load() {
				return mock.Fault{}
			}
			return faults(call)
		},
	})
	out, report := filepath.Join(root, "out"), filepath.Join(root, "report.json")
	cacheDir := filepath.Join(root, "cache")
	args := []string{"translate", "--to", strings.Join(relLangs, ","), "--glossary", terms,
		"-o", out, "--jobs", "16", "--report", report, "--cache-dir", cacheDir, c.dir}
	vars := juruEnv(srv, fakeKey, root)

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	done := make(chan struct{})
	restarted := restartHalfway(t, srv, out, len(c.items())/2, done)
	first := runIn(ctx, vars, args...)
	close(done)
	if ctx.Err() != nil {
		t.Fatalf("the run did not end within 8 minutes:\n%s", tail(first.stderr, 40))
	}
	at := <-restarted
	t.Logf("endpoint restarted at %s", at.Format("15:04:05.000"))
	if at.IsZero() {
		t.Errorf("the endpoint was never restarted: fewer than half the items were written")
	}

	recs := srv.Requests()
	reqs := c.mapRequests(t, recs)
	failed, written := checkFirstRun(t, c, first, report, out, ref, reqs)
	if n := len(failed); (n > 0) != (first.code == exitPartial) || (n == 0 && first.code != exitOK) {
		t.Errorf("exit code %d with %d failed items; want 4 with failures, 0 without\n%s", first.code, n, tail(first.stderr, 20))
	}
	checkNoRepeat(t, c, reqs, manifestLines(t, out, false))
	checkRateLimits(t, recs, at)
	if tmp := append(tempFiles(t, out), tempFiles(t, cacheDir)...); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}

	// The endpoint recovers; the same command finishes the failed items
	// and asks nothing about the others.
	faulty.Store(false)
	before := len(recs)
	second := runIn(ctx, vars, args...)
	if second.code != exitOK {
		t.Errorf("second run: exit code %d, want 0\n%s", second.code, tail(second.stderr, 20))
	}
	redone := map[itemKey]bool{}
	for _, r := range c.mapRequests(t, srv.Requests()[before:]) {
		if written[r.item] {
			t.Errorf("second run: request %d for %s [%s], which the first run wrote", r.rec.Seq, c.articles[r.item.article].rel, r.item.lang)
		}
		redone[r.item] = true
	}
	rep := readReport(t, report)
	for _, it := range rep.Items {
		k, ok := c.itemOfSource(it.Source, it.Lang)
		switch {
		case !ok:
			t.Errorf("second run: report names unknown item %s [%s]", it.Source, it.Lang)
		case !written[k] && it.Status != batchrun.StatusOK:
			t.Errorf("second run: %s [%s] was not written before and is %s now: %s", it.Source, it.Lang, it.Status, it.Error)
		case written[k] && it.Status != batchrun.StatusUpToDate:
			t.Errorf("second run: %s [%s] was written before and is %s now", it.Source, it.Lang, it.Status)
		}
	}
	if got := checkOutputs(t, c, out, ref, nil); len(got) != len(c.items()) {
		t.Errorf("second run: %d of %d items written", len(got), len(c.items()))
	}
	if tmp := append(tempFiles(t, out), tempFiles(t, cacheDir)...); len(tmp) > 0 {
		t.Errorf("temporary files left after the second run: %v", tmp)
	}
	t.Logf("first run: %d chat requests, %d items failed; the second run asked %d requests for %d of them",
		before, len(failed), len(srv.Requests())-before, len(redone))
}

// referenceRun translates the corpus against a mock without faults and
// returns the outputs, checking that each is the mock's translation.
func referenceRun(t *testing.T, c *corpus, root, terms string) map[string][]byte {
	t.Helper()
	srv := startMock(t, mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel}})
	out := filepath.Join(root, "reference")
	res := runIn(context.Background(), juruEnv(srv, fakeKey, root), "translate", "--to", strings.Join(relLangs, ","),
		"--glossary", terms, "-o", out, "--jobs", "16", "--no-cache", "--progress", "none", c.dir)
	if res.code != exitOK {
		t.Fatalf("reference run: exit code %d\n%s", res.code, tail(res.stderr, 20))
	}
	tree := readTree(t, out)
	reqs := c.mapRequests(t, srv.Requests())
	if len(reqs) != len(c.items()) {
		t.Fatalf("reference run: %d requests for %d items, want one each", len(reqs), len(c.items()))
	}
	for _, r := range reqs {
		got := tree[c.outRel(r.item.article, r.item.lang)]
		want := srv.Translator().Reply(r.spec)
		if strings.TrimSpace(string(got)) != strings.TrimSpace(want) {
			t.Fatalf("reference output %s is not the mock's translation:\n%s\nwant:\n%s", c.outRel(r.item.article, r.item.lang), got, want)
		}
	}
	return tree
}

// restartHalfway restarts srv once the manifest under out holds half
// records, and sends the time of the restart (zero if it never came)
// once done is closed.
func restartHalfway(t *testing.T, srv *mock.Server, out string, half int, done <-chan struct{}) <-chan time.Time {
	at := make(chan time.Time, 1)
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				at <- time.Time{}
				return
			case <-tick.C:
			}
			b, _ := os.ReadFile(manifest.Path(out, ""))
			if bytes.Count(b, []byte("\n")) < half {
				continue
			}
			now := time.Now()
			if err := srv.Restart(); err != nil {
				t.Errorf("restart the endpoint: %v", err)
			}
			<-done
			at <- now
			return
		}
	}()
	return at
}
