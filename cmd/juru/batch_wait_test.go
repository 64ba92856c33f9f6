package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/mock"
)

// TestWaitGivesUpAndStatusReports checks --max-wait on batches that do
// not move, and the JSON status.
func TestWaitGivesUpAndStatusReports(t *testing.T) {
	e := newBatchEnv(t, mock.Options{Batches: mock.BatchOptions{Manual: true}})
	news := e.writeArticles(3, 1)
	out := e.path("out")
	e.must(0, "batch", "submit", "--to", "th", "--progress", "none", "-o", out, news)
	stderr := e.must(exitPartial, "batch", "wait", "--poll", "1ms", "--max-poll", "2ms", "--max-wait", "20ms", out)
	if !strings.Contains(stderr, "gave up waiting") || !strings.Contains(stderr, "1 of 1 batches running") {
		t.Errorf("wait said:\n%s", stderr)
	}
	var batches []batchapi.Batch
	if err := json.Unmarshal([]byte(e.stdout(0, "batch", "status", "--format", "json", out)), &batches); err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 || batches[0].Status != batchapi.StatusValidating || batches[0].Requests != 3 {
		t.Errorf("status %+v", batches)
	}
	for range 4 {
		e.srv.AdvanceBatches()
	}
	e.must(0, "batch", "wait", "--poll", "1ms", out)
	if got := e.stdout(0, "batch", "status", out); !strings.Contains(got, "completed") || !strings.Contains(got, "3 answered") {
		t.Errorf("status:\n%s", got)
	}
	if code, _, _ := e.juru("batch", "wait", "--poll", "0s", out); code != exitUsage {
		t.Errorf("--poll 0s: exit %d", code)
	}
}
