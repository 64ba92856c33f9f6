package openai

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

// TestBatchLineBodyIsWhatCompleteSends checks that the body of a batch
// line is byte for byte the body Complete sends for the same request.
func TestBatchLineBodyIsWhatCompleteSends(t *testing.T) {
	zero := float32(0)
	seed := 7
	cases := []struct {
		name  string
		azure bool
		req   llm.Request
	}{
		{"zero temperature", false, llm.Request{Messages: request("Hello").Messages, Temperature: &zero}},
		{"seed and cap", false, llm.Request{Model: "gpt-4o-mini", Messages: request("Hi").Messages, Temperature: &zero, Seed: &seed, MaxTokens: 50}},
		{"reasoning model", false, llm.Request{Model: "o4-mini", Messages: request("Hi").Messages, MaxTokens: 50}},
		{"empty turn", false, llm.Request{Messages: []llm.Message{{Role: llm.User, Content: ""}}}},
		{"azure", true, llm.Request{Messages: request("Hello").Messages, Temperature: &zero}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEndpoint(t, completion("ok", "stop"))
			c := e.client(func(cfg *Config) { cfg.Azure = tc.azure })
			if _, err := c.Complete(context.Background(), tc.req); err != nil {
				t.Fatal(err)
			}
			sent := e.seen()[0].Raw
			line, err := c.BatchLine(BatchRequest{CustomID: "x-1", Request: tc.req})
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				CustomID string          `json:"custom_id"`
				Method   string          `json:"method"`
				URL      string          `json:"url"`
				Body     json.RawMessage `json:"body"`
			}
			if err := json.Unmarshal(line, &got); err != nil {
				t.Fatal(err)
			}
			if string(got.Body) != string(sent) {
				t.Errorf("batch body\n%s\ninteractive body\n%s", got.Body, sent)
			}
			wantURL := "/v1/chat/completions"
			if tc.azure {
				wantURL = "/chat/completions"
			}
			if got.CustomID != "x-1" || got.Method != "POST" || got.URL != wantURL {
				t.Errorf("line %s", line)
			}
		})
	}
}

func TestBatchLineNeedsModel(t *testing.T) {
	c, err := New(Config{BaseURL: "http://127.0.0.1:1/v1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.BatchLine(BatchRequest{CustomID: "a", Request: request("x")}); err == nil {
		t.Fatal("a request without a model made a line")
	}
}
