package openai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/steadytest"
)

// The conformance test runs the client against Steady, the OpenAPI mock
// server the official OpenAI SDKs are tested against, loaded with the
// official specification. Steady rejects any request that does not match
// the specification with HTTP 400 and answers valid ones with random but
// schema-valid bodies.
//
// It uses the server at $JURU_STEADY_URL if set, else starts the Steady
// binary named by $JURU_STEADY with shared/openai-openapi/openapi.yaml
// found in a folder above this one; otherwise it skips.

func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("conformance test skipped with -short")
	}
	base := steadytest.URL(t)
	seeds := 50
	if s, err := strconv.Atoi(os.Getenv("JURU_STEADY_SEEDS")); err == nil && s > 0 {
		seeds = s
	}
	v := &validity{}
	probeValidity(t, base)
	tally := map[string]int{}
	for seed := 1; seed <= seeds; seed++ {
		c, err := New(Config{
			BaseURL:    base,
			APIKey:     fakeKey,
			Model:      "gpt-4o-mini",
			MaxRetries: NoRetries,
			Timeout:    30 * time.Second,
			Headers: map[string]string{
				"X-Steady-Seed":               strconv.Itoa(seed),
				"X-Steady-Reject-On-Error":    "true",
				"X-Steady-Stream-Interval-Ms": "1",
			},
			HTTPClient: &http.Client{Transport: v},
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range conformanceCases() {
			name := fmt.Sprintf("seed %d %s", seed, tc.name)
			var deltas strings.Builder
			req := tc.req
			if tc.stream {
				req.Stream = func(d string) { deltas.WriteString(d) }
			}
			resp, err := c.Complete(context.Background(), req)
			kind := judge(t, name, resp, err)
			if tc.stream && resp.Content != deltas.String() {
				t.Errorf("%s: content %q but deltas %q", name, resp.Content, deltas.String())
			}
			tally[kind]++
		}
		if seed <= 5 {
			if _, err := c.Models(context.Background()); err != nil {
				t.Errorf("GET /models: %v", err)
			}
			batchConformance(t, c)
		}
	}
	v.check(t)
	kinds := make([]string, 0, len(tally))
	for k := range tally {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%4d × %s", tally[k], k)
	}
}

type conformanceCase struct {
	name   string
	req    llm.Request
	stream bool
}

func conformanceCases() []conformanceCase {
	turns := []llm.Message{
		{Role: llm.System, Content: "Translate the text between the markers into Thai."},
		{Role: llm.User, Content: "<<<doc>>>The China-ASEAN Expo opened in Nanning.<<<doc>>>"},
		{Role: llm.Assistant, Content: "งานแสดงสินค้าจีน-อาเซียนเปิดที่หนานหนิง"},
		{Role: llm.User, Content: "Use the glossary form for \"China-ASEAN Expo\": งานมหกรรมจีน-อาเซียน"},
	}
	zero, warm := float32(0), float32(0.3)
	seed := 7
	return []conformanceCase{
		{name: "plain", req: llm.Request{Messages: turns[:2]}},
		{name: "temperature 0", req: llm.Request{Messages: turns[:2], Temperature: &zero}},
		{name: "seed, temperature, max_tokens", req: llm.Request{Messages: turns[:2], Temperature: &warm, Seed: &seed, MaxTokens: 512}},
		{name: "all turns", req: llm.Request{Messages: turns, Temperature: &zero}},
		{name: "empty turn", req: llm.Request{Messages: []llm.Message{turns[0], {Role: llm.User}}}},
		{name: "reasoning model cap", req: llm.Request{Model: "o3-mini", Messages: turns[:2], MaxTokens: 1000}},
		{name: "stream", req: llm.Request{Messages: turns[:2], Temperature: &zero}, stream: true},
		{name: "stream, all turns, cap", req: llm.Request{Messages: turns, Seed: &seed, MaxTokens: 256}, stream: true},
	}
}

// judge checks that one result is an answer or a typed error that the
// request itself did not cause, and names its kind.
func judge(t *testing.T, name string, resp llm.Response, err error) string {
	t.Helper()
	var (
		api *llm.APIError
		ae  *llm.AnswerError
	)
	switch {
	case err == nil:
		if strings.TrimSpace(resp.Content) == "" {
			t.Errorf("%s: empty content accepted", name)
		}
		return "answer, finish_reason " + strconv.Quote(resp.FinishReason)
	case errors.As(err, &api):
		t.Errorf("%s: endpoint refused the request: %v", name, err)
		return "HTTP error"
	case errors.As(err, &ae):
		if ae.Err == llm.ErrMalformed {
			return "malformed: " + ae.Detail
		}
		return ae.Err.Error()
	}
	t.Errorf("%s: untyped error %T: %v", name, err, err)
	return "untyped error"
}

// batchConformance sends each batch call once. Steady's answers are
// random, so only the requests and the error types are checked.
func batchConformance(t *testing.T, c *Client) {
	ctx := context.Background()
	var reqs []BatchRequest
	for i, tc := range conformanceCases() {
		reqs = append(reqs, BatchRequest{CustomID: "item-" + strconv.Itoa(i), Request: tc.req})
	}
	typed := func(what string, err error) {
		t.Helper()
		var ae *llm.AnswerError
		if err != nil && !errors.As(err, &ae) {
			t.Errorf("%s: %T %v", what, err, err)
		}
	}
	_, err := c.UploadBatchFile(ctx, "juru-batch.jsonl", reqs)
	typed("upload", err)
	_, err = c.CreateBatch(ctx, "file-abc", map[string]string{"juru_run": "r1"})
	typed("create", err)
	_, err = c.CreateBatch(ctx, "file-abc", nil)
	typed("create without metadata", err)
	_, err = c.RetrieveBatch(ctx, "batch_abc")
	typed("retrieve", err)
	_, err = c.CancelBatch(ctx, "batch_abc")
	typed("cancel", err)
	_, _, err = c.ListBatches(ctx, "batch_abc", 20)
	typed("list", err)
	rc, err := c.FileContent(ctx, "file-abc")
	typed("content", err)
	if err == nil {
		err = c.ReadBatchOutput(rc, func(BatchResult) error { return nil })
		rc.Close()
		typed("read output", err)
	}
}

// probeValidity shows that Steady and the validity check catch a bad
// request: a string temperature.
func probeValidity(t *testing.T, base string) {
	v := &validity{}
	body := `{"model":"m","messages":[{"role":"user","content":"x"}],"temperature":"warm"}`
	req, _ := http.NewRequest("POST", base+"/chat/completions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Steady-Reject-On-Error", "true")
	resp, err := v.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(v.invalid) != 1 || resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("Steady accepted an invalid request (HTTP %d); the test cannot see bad requests", resp.StatusCode)
	}
}

// validity records Steady's verdict on every request it was sent.
type validity struct {
	mu      sync.Mutex
	count   int
	invalid []string
}

func (v *validity) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.count++
	if resp.StatusCode == http.StatusBadRequest || resp.Header.Get("X-Steady-Request-Valid") != "true" {
		var why []string
		for k, vals := range resp.Header {
			if strings.HasPrefix(strings.ToLower(k), "x-steady-error-") {
				why = append(why, k+": "+strings.Join(vals, ", "))
			}
		}
		sort.Strings(why)
		v.invalid = append(v.invalid, fmt.Sprintf("%s %s → %d %s", req.Method, req.URL.Path, resp.StatusCode, strings.Join(why, "; ")))
	}
	return resp, nil
}

func (v *validity) check(t *testing.T) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.count == 0 {
		t.Fatal("no request reached Steady")
	}
	for _, s := range v.invalid {
		t.Errorf("Steady found a request invalid: %s", s)
	}
	t.Logf("Steady judged %d requests, %d invalid", v.count, len(v.invalid))
}
