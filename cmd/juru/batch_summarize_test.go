package main

import (
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

// TestBatchSummarize hands summaries to the Batch API, long articles
// map-reduce included, and checks that the summaries and digests equal
// an interactive run's, and that the notes of one article, the same in
// every language, are sent once.
func TestBatchSummarize(t *testing.T) {
	t.Parallel()
	e := newBatchEnv(t, mock.Options{})
	if code, _, _ := e.juru("summarize", "--help"); code != 0 {
		t.Skip("juru summarize is not in the command list of this build")
	}
	news := e.writeArticles(6, 1)
	long := e.writeLong()
	task := []string{"--to", "id,th", "--style", "short", "--digest", "--digest-label", "test", "--chunk-tokens", "300",
		"-g", "../../testdata/glossary/asean.csv", "--no-cache", "--progress", "none"}
	e.must(0, append(append([]string{"summarize"}, task...), "-o", e.path("interactive"), news, long)...)
	interactive := e.chatRequests()
	e.srv.Reset()

	out := e.path("out")
	args := append(append([]string{"--task", "summarize"}, task...), "-o", out, news, long)
	sent := submittedCount(t, e.must(0, append([]string{"batch", "submit"}, args...)...))
	e.must(0, "batch", "wait", "-o", out, "--poll", "1ms", "--max-poll", "1ms")
	stderr := e.must(0, append([]string{"batch", "collect"}, args...)...)
	live := e.chatRequests()
	if live == 0 || sent+live >= interactive {
		t.Errorf("%d requests in the batch and %d live; the interactive run made %d, and the notes of the long article are the same in both languages", sent, live, interactive)
	}
	if !strings.Contains(stderr, "answers from the batch results") {
		t.Errorf("collect said:\n%s", stderr)
	}
	got := tree(t, out)
	for _, want := range []string{"digest.id.md", "digest.th.md"} {
		if _, ok := got[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	sameTree(t, e.path("interactive"), out)
	sameRecords(t, e.path("interactive"), out)
}
