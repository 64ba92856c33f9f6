package main

import (
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

// reference writes what an interactive run makes of the articles, with a
// mock of its own, and returns the folder.
func reference(t *testing.T, articles, paras int, task []string) (string, int) {
	t.Helper()
	e := newBatchEnv(t, mock.Options{})
	news := e.writeArticles(articles, paras)
	out := e.path("interactive")
	e.must(0, append(append([]string{"translate"}, task...), "-o", out, news)...)
	return out, e.chatRequests()
}

var submitted = regexp.MustCompile(`submitted (\d+) requests`)

// submittedCount reads how many requests a submit sent.
func submittedCount(t *testing.T, stderr string) int {
	t.Helper()
	m := submitted.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("submit sent nothing:\n%s", stderr)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestResubmitOnlyWhatIsMissing lets one batch expire after a few
// answers and another fail a few requests, and checks that collect
// writes what it can without sending first requests live, that submit
// then sends exactly the missing requests, and that the end result is
// the interactive run's.
func TestResubmitOnlyWhatIsMissing(t *testing.T) {
	t.Parallel()
	task := []string{"--to", "id,vi", "--no-cache", "--progress", "none"}
	want, total := reference(t, 16, 2, task)

	var failedLines atomic.Int64
	script := func(c mock.Call) mock.Fault {
		if c.KeyN == 1 && c.Spec != nil && strings.Contains(c.Spec.Document, "week 2,") && strings.Contains(c.Spec.Document, "reported 13 ") {
			failedLines.Add(1)
			return mock.Fault{Kind: mock.ServerError}
		}
		return mock.Fault{}
	}
	fate := func(b mock.BatchCall) mock.BatchFate {
		if b.N == 1 {
			return mock.BatchFate{Expire: true, Answer: 5}
		}
		return mock.BatchFate{}
	}
	e := newBatchEnv(t, mock.Options{Script: script, Batches: mock.BatchOptions{Fate: fate}})
	news := e.writeArticles(16, 2)
	out := e.path("out")
	args := append(append([]string{}, task...), "-o", out, news)

	sent := submittedCount(t, e.must(0, append([]string{"batch", "submit", "--max-lines", "20"}, args...)...))
	if sent != total {
		t.Fatalf("submitted %d requests, want %d", sent, total)
	}
	e.must(0, "batch", "wait", "-o", out, "--poll", "1ms", "--max-poll", "1ms")
	stdout := e.stdout(0, "batch", "status", out)
	if !strings.Contains(stdout, "expired") || !strings.Contains(stdout, "completed") {
		t.Errorf("status:\n%s", stdout)
	}
	stderr := e.must(exitPartial, append([]string{"batch", "collect"}, args...)...)
	if e.chatRequests() != 0 {
		t.Errorf("collect sent %d first requests live", e.chatRequests())
	}
	if !strings.Contains(stderr, "pending:") || !strings.Contains(stderr, "run 'juru batch submit'") {
		t.Errorf("collect said:\n%s", stderr)
	}
	if len(tree(t, out)) == 0 {
		t.Error("collect wrote none of the items that were answered")
	}

	if failedLines.Load() == 0 {
		t.Fatal("no batch request failed; the test checks nothing of partial failures")
	}
	before := e.srv.BatchRequests()
	resent := submittedCount(t, e.must(0, append([]string{"batch", "submit"}, args...)...))
	wantResent := (20 - 5) + int(failedLines.Load())
	if resent != wantResent {
		t.Errorf("resubmitted %d requests, want the %d expired and %d failed ones", resent, 20-5, failedLines.Load())
	}
	e.must(0, "batch", "wait", "-o", out, "--poll", "1ms", "--max-poll", "1ms")
	if n := e.srv.BatchRequests() - before; n != resent {
		t.Errorf("the new batch answered %d requests, want %d", n, resent)
	}
	e.must(0, append([]string{"batch", "collect"}, args...)...)
	if e.chatRequests() != 0 {
		t.Errorf("collect sent %d requests live", e.chatRequests())
	}
	sameTree(t, want, out)
	sameRecords(t, want, out)
}

// TestCancelledBatch cancels a batch half way and checks that its
// answers are kept and only the rest is sent again.
func TestCancelledBatch(t *testing.T) {
	task := []string{"--to", "th", "--no-cache", "--progress", "none"}
	want, total := reference(t, 10, 1, task)

	e := newBatchEnv(t, mock.Options{Batches: mock.BatchOptions{Manual: true, LinesPerStep: 4}})
	news := e.writeArticles(10, 1)
	out := e.path("out")
	args := append(append([]string{}, task...), "-o", out, news)
	sent := submittedCount(t, e.must(0, append([]string{"batch", "submit"}, args...)...))
	if sent != total {
		t.Fatalf("submitted %d, want %d", sent, total)
	}
	e.srv.AdvanceBatches() // in progress
	e.srv.AdvanceBatches() // four answered
	stdout := e.stdout(0, "batch", "cancel", "-o", out)
	if !strings.Contains(stdout, "cancelling") {
		t.Errorf("cancel said %q", stdout)
	}
	e.srv.AdvanceBatches() // cancelled
	e.must(0, "batch", "wait", "-o", out, "--poll", "1ms", "--max-poll", "1ms")
	e.must(exitPartial, append([]string{"batch", "collect"}, args...)...)
	if got := len(tree(t, out)); got != 4 {
		t.Errorf("%d outputs after the cancelled batch, want the 4 answered", got)
	}
	resent := submittedCount(t, e.must(0, append([]string{"batch", "submit"}, args...)...))
	if resent != sent-4 {
		t.Errorf("resubmitted %d requests, want %d", resent, sent-4)
	}
	for range 4 {
		e.srv.AdvanceBatches()
	}
	e.must(0, append([]string{"batch", "collect"}, args...)...)
	sameTree(t, want, out)
	sameRecords(t, want, out)
}
