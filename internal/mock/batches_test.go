package mock_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/openai"
	"github.com/juru-cli/juru/internal/prompt"
)

// batchServer starts a mock with batch options and returns a client.
func batchServer(t *testing.T, opts mock.Options) (*mock.Server, *openai.Client) {
	t.Helper()
	opts.APIKey = "sk-batch-test"
	s := mock.New(opts)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	c, err := openai.New(openai.Config{BaseURL: s.URL(), APIKey: "sk-batch-test", Model: mock.DefaultModel, MaxRetries: openai.NoRetries})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// batchReqs builds n translation requests.
func batchReqs(n int) []openai.BatchRequest {
	zero := float32(0)
	out := make([]openai.BatchRequest, n)
	for i := range out {
		msgs := prompt.Build(prompt.Spec{Task: prompt.Translate,
			From: prompt.Lang{Code: "en", Name: "English"}, To: prompt.Lang{Code: "id", Name: "Indonesian"},
			Document: fmt.Sprintf("Article number %d was written on day %d.", i, i+1)})
		out[i] = openai.BatchRequest{CustomID: fmt.Sprintf("req-%04d", i), Request: llm.Request{Messages: msgs, Temperature: &zero}}
	}
	return out
}

// runBatch uploads and creates a batch.
func runBatch(t *testing.T, c *openai.Client, reqs []openai.BatchRequest) openai.Batch {
	t.Helper()
	ctx := context.Background()
	f, err := c.UploadBatchFile(ctx, "in.jsonl", reqs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateBatch(ctx, f.ID, map[string]string{"juru_run": "r1"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Status != "validating" || b.InputFileID != f.ID || b.Metadata["juru_run"] != "r1" {
		t.Fatalf("created %+v", b)
	}
	return b
}

// poll retrieves a batch until it ends, returning the statuses seen.
func poll(t *testing.T, c *openai.Client, id string) (openai.Batch, []string) {
	t.Helper()
	var seen []string
	for range 100 {
		b, err := c.RetrieveBatch(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) == 0 || seen[len(seen)-1] != b.Status {
			seen = append(seen, b.Status)
		}
		switch b.Status {
		case "completed", "failed", "expired", "cancelled":
			return b, seen
		}
	}
	t.Fatalf("batch %s never ended: %v", id, seen)
	return openai.Batch{}, nil
}

// results reads a result file into custom_id → result, in file order.
func results(t *testing.T, c *openai.Client, fileID string) ([]string, map[string]openai.BatchResult) {
	t.Helper()
	out := map[string]openai.BatchResult{}
	var order []string
	if fileID == "" {
		return nil, out
	}
	rc, err := c.FileContent(context.Background(), fileID)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	err = c.ReadBatchOutput(rc, func(r openai.BatchResult) error {
		order = append(order, r.CustomID)
		out[r.CustomID] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return order, out
}

func TestBatchCompletes(t *testing.T) {
	s, c := batchServer(t, mock.Options{})
	reqs := batchReqs(40)
	b := runBatch(t, c, reqs)
	done, seen := poll(t, c, b.ID)
	if got := strings.Join(seen, " "); got != "in_progress finalizing completed" {
		t.Errorf("statuses %q", got)
	}
	if done.Total != 40 || done.Completed != 40 || done.Failed != 0 || done.ErrorFileID != "" || done.OutputFileID == "" {
		t.Fatalf("batch %+v", done)
	}
	order, res := results(t, c, done.OutputFileID)
	if sort.StringsAreSorted(order) {
		t.Error("output lines are in input order; they should be shuffled")
	}
	for _, r := range reqs {
		got, ok := res[r.CustomID]
		if !ok || got.Err != nil {
			t.Fatalf("%s: %+v", r.CustomID, got)
		}
		want, err := s.Translator().ReplyTo(r.Request.Messages)
		if err != nil {
			t.Fatal(err)
		}
		if got.Response.Content != want {
			t.Errorf("%s: answer %q, want %q", r.CustomID, got.Response.Content, want)
		}
	}
	if n := s.BatchRequests(); n != 40 {
		t.Errorf("BatchRequests %d", n)
	}
	if n := len(s.ChatRequests()); n != 0 {
		t.Errorf("%d chat requests recorded for a batch", n)
	}
}

func TestBatchLineFaultsGoToTheErrorFile(t *testing.T) {
	script := func(c mock.Call) mock.Fault {
		if strings.Contains(c.Spec.Document, "number 3 ") || strings.Contains(c.Spec.Document, "number 7 ") {
			return mock.Fault{Kind: mock.ServerError}
		}
		if strings.Contains(c.Spec.Document, "number 5 ") {
			return mock.Fault{Kind: mock.Length}
		}
		return mock.Fault{}
	}
	_, c := batchServer(t, mock.Options{Script: script})
	b := runBatch(t, c, batchReqs(10))
	done, _ := poll(t, c, b.ID)
	if done.Status != "completed" || done.Completed != 8 || done.Failed != 2 {
		t.Fatalf("batch %+v", done)
	}
	_, errs := results(t, c, done.ErrorFileID)
	_, outs := results(t, c, done.OutputFileID)
	var api *llm.APIError
	for _, id := range []string{"req-0003", "req-0007"} {
		if !errors.As(errs[id].Err, &api) || api.StatusCode != 500 {
			t.Errorf("%s: %v", id, errs[id].Err)
		}
	}
	if !errors.Is(outs["req-0005"].Err, llm.ErrTruncated) {
		t.Errorf("req-0005: %v", outs["req-0005"].Err)
	}
	if len(errs) != 2 || len(outs) != 8 {
		t.Errorf("%d errors, %d outputs", len(errs), len(outs))
	}
}

func TestBatchExpires(t *testing.T) {
	fate := func(mock.BatchCall) mock.BatchFate { return mock.BatchFate{Expire: true, Answer: 6} }
	_, c := batchServer(t, mock.Options{Batches: mock.BatchOptions{Fate: fate}})
	b := runBatch(t, c, batchReqs(10))
	done, seen := poll(t, c, b.ID)
	if done.Status != "expired" || done.Completed != 6 || done.Failed != 4 {
		t.Fatalf("batch %+v (%v)", done, seen)
	}
	_, errs := results(t, c, done.ErrorFileID)
	for id, r := range errs {
		var api *llm.APIError
		if !errors.As(r.Err, &api) || api.Code != "batch_expired" {
			t.Errorf("%s: %v", id, r.Err)
		}
	}
	if len(errs) != 4 {
		t.Errorf("%d expired requests", len(errs))
	}
}

func TestBatchCancel(t *testing.T) {
	s, c := batchServer(t, mock.Options{Batches: mock.BatchOptions{Manual: true, LinesPerStep: 3}})
	ctx := context.Background()
	b := runBatch(t, c, batchReqs(10))
	s.AdvanceBatches() // in_progress
	s.AdvanceBatches() // 3 answered
	x, err := c.CancelBatch(ctx, b.ID)
	if err != nil || x.Status != "cancelling" {
		t.Fatalf("cancel: %+v %v", x, err)
	}
	s.AdvanceBatches()
	done, err := c.RetrieveBatch(ctx, b.ID)
	if err != nil || done.Status != "cancelled" || done.Completed != 3 || done.Failed != 7 {
		t.Fatalf("batch %+v %v", done, err)
	}
	if _, err := c.CancelBatch(ctx, b.ID); err == nil {
		t.Error("a cancelled batch could be cancelled again")
	}
	if n := s.AdvanceBatches(); n != 0 {
		t.Errorf("%d batches moved after all ended", n)
	}
}

func TestBatchValidation(t *testing.T) {
	good := batchReqs(1)[0]
	line := func(r openai.BatchRequest) string {
		c, _ := openai.New(openai.Config{BaseURL: "http://127.0.0.1:1/v1", Model: mock.DefaultModel})
		b, err := c.BatchLine(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	other := good
	other.CustomID = "other"
	other.Request.Model = "gpt-other"
	cases := []struct {
		name, file, code string
	}{
		{"not json", "{oops\n", "invalid_json_line"},
		{"duplicate id", line(good) + "\n" + line(good) + "\n", "duplicate_custom_id"},
		{"wrong url", strings.Replace(line(good), "/v1/chat/completions", "/v1/embeddings", 1) + "\n", "invalid_url"},
		{"bad body", strings.Replace(line(good), `"temperature":0`, `"temperature":"cold"`, 1) + "\n", "invalid_request"},
		{"two models", line(good) + "\n" + line(other) + "\n", "mismatched_model"},
		{"empty", "\n", "empty_file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, c := batchServer(t, mock.Options{})
			ctx := context.Background()
			f, err := c.UploadBatchData(ctx, "in.jsonl", []byte(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			b, err := c.CreateBatch(ctx, f.ID, nil)
			if err != nil {
				t.Fatal(err)
			}
			done, _ := poll(t, c, b.ID)
			if done.Status != "failed" || len(done.Errors) == 0 {
				t.Fatalf("batch %+v", done)
			}
			if !strings.Contains(rawBatch(t, s, b.ID), `"code":"`+tc.code+`"`) {
				t.Errorf("errors %v, want code %s", done.Errors, tc.code)
			}
		})
	}
}

// rawBatch returns the JSON the mock answers for a batch.
func rawBatch(t *testing.T, s *mock.Server, id string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL()+"/batches/"+id, nil)
	req.Header.Set("Authorization", "Bearer sk-batch-test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestBatchFailsByFate(t *testing.T) {
	fate := func(c mock.BatchCall) mock.BatchFate {
		if c.N == 1 {
			return mock.BatchFate{Fail: "the input file is broken"}
		}
		return mock.BatchFate{}
	}
	_, c := batchServer(t, mock.Options{Batches: mock.BatchOptions{Fate: fate}})
	first, _ := poll(t, c, runBatch(t, c, batchReqs(2)).ID)
	second, _ := poll(t, c, runBatch(t, c, batchReqs(2)).ID)
	if first.Status != "failed" || second.Status != "completed" {
		t.Errorf("statuses %s, %s", first.Status, second.Status)
	}
}

func TestBatchListAndFiles(t *testing.T) {
	s, c := batchServer(t, mock.Options{Batches: mock.BatchOptions{Manual: true}})
	ctx := context.Background()
	var ids []string
	for range 5 {
		ids = append(ids, runBatch(t, c, batchReqs(1)).ID)
	}
	var got []string
	after := ""
	for {
		page, more, err := c.ListBatches(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range page {
			got = append(got, b.ID)
			after = b.ID
		}
		if !more {
			break
		}
	}
	want := []string{ids[4], ids[3], ids[2], ids[1], ids[0]}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("listed %v, want %v", got, want)
	}
	b, _ := c.RetrieveBatch(ctx, ids[0])
	data, err := s.FileContent(b.InputFileID)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
	}
	if n != 1 {
		t.Errorf("input file holds %d lines", n)
	}
	if _, err := c.FileContent(ctx, "file-nope"); err == nil {
		t.Error("content of a missing file")
	}
	if _, err := c.UploadBatchData(ctx, "in.txt", []byte("{}\n")); err == nil {
		t.Error("a batch file that is not .jsonl was accepted")
	}
	if _, err := c.CreateBatch(ctx, "file-nope", nil); err == nil {
		t.Error("a batch over a missing file was created")
	}
}
