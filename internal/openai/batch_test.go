package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

const batchJSON = `{"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","errors":null,
	"input_file_id":"file-in","completion_window":"24h","status":"completed","output_file_id":"file-out",
	"error_file_id":null,"created_at":1714508499,"expires_at":1714594899,"completed_at":1714508600,
	"request_counts":{"total":3,"completed":2,"failed":1},"metadata":{"run":"r42"}}`

// uploaded returns the named part of a multipart request body.
func uploaded(t *testing.T, r seen, part string) string {
	t.Helper()
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Raw), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("no part %q: %v", part, err)
		}
		if p.FormName() == part {
			b, _ := io.ReadAll(p)
			return string(b)
		}
	}
}

func TestUploadBatchFile(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(200, `{"id":"file-in","object":"file","bytes":512,"created_at":1714508499,"filename":"run.jsonl","purpose":"batch","status":"processed"}`))
	zero := float32(0)
	reqs := []BatchRequest{
		{CustomID: "a1.id", Request: llm.Request{Messages: request("Hello").Messages, Temperature: &zero, MaxTokens: 100}},
		{CustomID: "a1.th", Request: llm.Request{Model: "o4-mini", Messages: request("Hi").Messages, Stream: func(string) {}}},
	}
	f, err := e.client(nil).UploadBatchFile(context.Background(), "run.jsonl", reqs)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "file-in" || f.Bytes != 512 || f.CreatedAt.Unix() != 1714508499 {
		t.Errorf("file %+v", f)
	}
	r := e.seen()[0]
	if r.Method != "POST" || r.Path != "/v1/files" || uploaded(t, r, "purpose") != "batch" {
		t.Fatalf("sent %s %s", r.Method, r.Path)
	}
	lines := strings.Split(strings.TrimSpace(uploaded(t, r, "file")), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	var first, second struct {
		CustomID    string `json:"custom_id"`
		Method, URL string
		Body        map[string]any
	}
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	if first.CustomID != "a1.id" || first.Method != "POST" || first.URL != "/v1/chat/completions" {
		t.Errorf("line 1 %+v", first)
	}
	if first.Body["temperature"] != 0.0 || first.Body["max_tokens"] != 100.0 || first.Body["model"] != "test-model" {
		t.Errorf("line 1 body %v", first.Body)
	}
	if _, ok := second.Body["temperature"]; ok || second.Body["model"] != "o4-mini" || second.Body["stream"] == true {
		t.Errorf("line 2 body %v", second.Body)
	}
}

func TestBatchCalls(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(200, batchJSON))
	c := e.client(nil)
	ctx := context.Background()
	want := func(b Batch, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if b.ID != "batch_1" || b.Status != "completed" || b.OutputFileID != "file-out" || b.ErrorFileID != "" ||
			b.Total != 3 || b.Failed != 1 || b.CompletedAt.Unix() != 1714508600 || b.Metadata["run"] != "r42" {
			t.Errorf("batch %+v", b)
		}
	}
	want(c.CreateBatch(ctx, "file-in", map[string]string{"run": "r42"}))
	want(c.RetrieveBatch(ctx, "batch_1"))
	want(c.CancelBatch(ctx, "batch_1"))
	reqs := e.seen()
	if reqs[0].Path != "/v1/batches" || reqs[0].Body["input_file_id"] != "file-in" || reqs[0].Body["completion_window"] != "24h" ||
		reqs[0].Body["endpoint"] != "/v1/chat/completions" {
		t.Errorf("create sent %s %v", reqs[0].Path, reqs[0].Body)
	}
	if reqs[1].Method != "GET" || reqs[1].Path != "/v1/batches/batch_1" || reqs[2].Method != "POST" || reqs[2].Path != "/v1/batches/batch_1/cancel" {
		t.Errorf("sent %s %s, %s %s", reqs[1].Method, reqs[1].Path, reqs[2].Method, reqs[2].Path)
	}
}

func TestListBatches(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(200, `{"object":"list","data":[`+batchJSON+`],"first_id":"batch_1","last_id":"batch_1","has_more":true}`))
	list, more, err := e.client(nil).ListBatches(context.Background(), "batch_0", 10)
	if err != nil || len(list) != 1 || !more || list[0].ID != "batch_1" {
		t.Fatalf("got %+v, %v, %v", list, more, err)
	}
	if q := e.seen()[0].Query; q != "after=batch_0&limit=10" {
		t.Errorf("query %q", q)
	}
}

func TestCreateBatchNotRetried(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(500, `{"error":{"message":"busy"}}`))
	_, err := e.client(nil).CreateBatch(context.Background(), "file-in", nil)
	var api *llm.APIError
	if !errors.As(err, &api) || len(e.seen()) != 1 {
		t.Fatalf("err %v after %d requests, want one", err, len(e.seen()))
	}
}

func TestFileContent(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("testdata", "batch", "output.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	e := newEndpoint(t, answerWith(200, "application/octet-stream", string(out)), jsonAnswer(404, `{"error":{"message":"No such File object: nope","type":"invalid_request_error"}}`))
	c := e.client(nil)
	rc, err := c.FileContent(context.Background(), "file-out")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, out) || e.seen()[0].Path != "/v1/files/file-out/content" {
		t.Errorf("content of %d bytes from %s", len(got), e.seen()[0].Path)
	}
	_, err = c.FileContent(context.Background(), "nope")
	var api *llm.APIError
	if !errors.As(err, &api) || api.StatusCode != 404 {
		t.Errorf("err %v, want HTTP 404", err)
	}
}

func TestReadBatchOutput(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "batch", "output.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, _ := New(Config{})
	var got []BatchResult
	if err := c.ReadBatchOutput(f, func(r BatchResult) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	type want struct {
		id      string
		line    int
		content string
		err     error
		status  int
		code    string
	}
	wants := []want{
		{"a1.id", 1, "Inisiatif Sabuk dan Jalan", nil, 0, ""},
		{"a1.th", 2, "ข้อริเริ่ม", llm.ErrTruncated, 0, ""},
		{"a1.vi", 3, "", nil, 400, "invalid_value"},
		{"a1.km", 5, "", nil, 0, "batch_expired"},
		{"", 6, "", llm.ErrMalformed, 0, ""},
		{"a1.lo", 7, "", llm.ErrMalformed, 0, ""},
	}
	if len(got) != len(wants) {
		t.Fatalf("%d results, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		r := got[i]
		if r.CustomID != w.id || r.Line != w.line || r.Response.Content != w.content {
			t.Errorf("result %d: %+v, want %+v", i, r, w)
		}
		var api *llm.APIError
		switch {
		case w.code != "":
			if !errors.As(r.Err, &api) || api.StatusCode != w.status || api.Code != w.code {
				t.Errorf("result %d: err %v, want API error %d %s", i, r.Err, w.status, w.code)
			}
		case w.err != nil:
			if !errors.Is(r.Err, w.err) {
				t.Errorf("result %d: err %v, want %v", i, r.Err, w.err)
			}
		case r.Err != nil:
			t.Errorf("result %d: err %v", i, r.Err)
		}
	}
	if got[0].Response.Usage.CompletionTokens != 6 {
		t.Errorf("usage %+v", got[0].Response.Usage)
	}
	stop := errors.New("stop")
	if err := c.ReadBatchOutput(strings.NewReader("{}\n{}\n"), func(BatchResult) error { return stop }); err != stop {
		t.Errorf("callback error came back as %v", err)
	}
}

func FuzzReadBatchOutput(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "batch", "output.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f.Add(line)
	}
	c, _ := New(Config{})
	f.Fuzz(func(t *testing.T, data string) {
		n := 0
		err := c.ReadBatchOutput(strings.NewReader(data), func(r BatchResult) error {
			n++
			if r.Line < n {
				t.Fatalf("line %d for result %d", r.Line, n)
			}
			if r.Err == nil && strings.TrimSpace(r.Response.Content) == "" {
				t.Fatalf("empty answer accepted: %+v", r)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("reading from memory failed: %v", err)
		}
		if lines := strings.Count(data, "\n") + 1; n > lines {
			t.Fatalf("%d results from %d lines", n, lines)
		}
	})
}
