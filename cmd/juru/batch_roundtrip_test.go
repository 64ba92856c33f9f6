package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

// dropTermsOfSome answers the first attempt of every tenth article
// without its glossary terms, so that collect has to repair it live.
func dropTermsOfSome(c mock.Call) mock.Fault {
	if c.Attempt == 1 && c.Spec != nil && len(c.Spec.Terms) > 0 && strings.Contains(c.Spec.Document, "0 exhibitors") {
		return mock.Fault{Kind: mock.DropTerms}
	}
	return mock.Fault{}
}

// TestBatchRoundTrip sends over 2,000 requests (400 with -short) through
// the mock's Batch API in three batches, and checks that collect writes
// what an interactive run writes, that only the answers breaking the
// glossary go to the live endpoint, and that a second collect changes
// nothing and makes no request at all.
func TestBatchRoundTrip(t *testing.T) {
	t.Parallel()
	e := newBatchEnv(t, mock.Options{Script: dropTermsOfSome})
	articles, floor := 110, 2000
	if testing.Short() {
		articles, floor = 22, 400 // the same checks at a fifth of the size
	}
	news := e.writeArticles(articles, 8)
	g := "../../testdata/glossary/asean.csv"
	task := []string{"--to", "id,th", "-g", g, "--chunk-tokens", "60", "--no-cache", "--progress", "none", "-j", "16"}

	e.must(0, append(append([]string{"translate"}, task...), "-o", e.path("interactive"), news)...)
	interactive := e.chatRequests()
	e.srv.Reset()

	out := e.path("out")
	args := append(append([]string{}, task...), "-o", out, news)
	stderr := e.must(0, append([]string{"batch", "submit", "--max-lines", strconv.Itoa(floor * 9 / 20)}, args...)...)
	if !strings.Contains(stderr, "submitted") || !strings.Contains(stderr, "in 3 batches") {
		t.Errorf("submit said:\n%s", stderr)
	}
	if n := e.chatRequests(); n != 0 {
		t.Fatalf("submit made %d chat requests", n)
	}
	e.must(0, "batch", "wait", "-o", out, "--poll", "1ms", "--max-poll", "2ms")
	batched := e.srv.BatchRequests()
	if batched < floor || batched >= interactive {
		t.Fatalf("the batches answered %d requests; want %d or more, and fewer than the %d of the interactive run", batched, floor, interactive)
	}
	stderr = e.must(0, append([]string{"batch", "collect"}, args...)...)
	live := e.chatRequests()
	if live != interactive-batched {
		t.Errorf("collect sent %d requests live; the interactive run needed %d repairs", live, interactive-batched)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d answers from the batch results", batched)) {
		t.Errorf("collect said:\n%s", stderr)
	}
	if n := sameTree(t, e.path("interactive"), out); n != 2*articles {
		t.Errorf("%d outputs, want %d", n, 2*articles)
	}
	sameRecords(t, e.path("interactive"), out)

	before := tree(t, out)
	recs := records(t, out)
	e.srv.Reset()
	e.must(0, append([]string{"batch", "collect"}, args...)...)
	if n := e.srv.Count(); n != 0 {
		t.Errorf("a second collect made %d HTTP requests", n)
	}
	after := tree(t, out)
	for p, s := range before {
		if after[p] != s {
			t.Errorf("a second collect changed %s", p)
		}
	}
	if strings.Join(records(t, out), "\n") != strings.Join(recs, "\n") {
		t.Error("a second collect changed the manifest")
	}
	stderr = e.must(0, append([]string{"batch", "submit"}, args...)...)
	if !strings.Contains(stderr, fmt.Sprintf("0 items need work (%d up to date)", 2*articles)) {
		t.Errorf("submit after collect said:\n%s", stderr)
	}
}
