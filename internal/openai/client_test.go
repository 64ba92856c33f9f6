package openai

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

func TestCompleteSuccess(t *testing.T) {
	e := newEndpoint(t, completion("Halo dunia", "stop"))
	c := e.client(nil)
	resp, err := c.Complete(context.Background(), request("Hello world"))
	if err != nil {
		t.Fatal(err)
	}
	want := llm.Response{Content: "Halo dunia", FinishReason: "stop", Model: "test-model-2026",
		Usage: llm.Usage{PromptTokens: 11, CompletionTokens: 7}, Attempts: 1}
	if resp != want {
		t.Errorf("got %+v\nwant %+v", resp, want)
	}
	reqs := e.seen()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.Method != "POST" || r.Path != "/v1/chat/completions" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+fakeKey {
		t.Errorf("Authorization %q", got)
	}
	if r.Body["model"] != "test-model" || r.Body["stream"] == true {
		t.Errorf("body %v", r.Body)
	}
	msgs, _ := json.Marshal(r.Body["messages"])
	if string(msgs) != `[{"content":"Translate into Indonesian.","role":"system"},{"content":"Hello world","role":"user"}]` {
		t.Errorf("messages %s", msgs)
	}
}

func ptr[T any](v T) *T { return &v }

func TestRequestFields(t *testing.T) {
	tests := []struct {
		name   string
		model  string
		temp   *float32
		seed   *int
		max    int
		msgs   []llm.Message
		want   map[string]any // field: value; nil value means absent
		config string
	}{
		{name: "no temperature", want: map[string]any{"temperature": nil, "max_tokens": nil, "seed": nil}},
		{name: "temperature zero", temp: ptr[float32](0), want: map[string]any{"temperature": 0.0}},
		{name: "temperature 0.7", temp: ptr[float32](0.7), want: map[string]any{"temperature": 0.7}},
		{name: "seed and cap", seed: ptr(42), max: 300, want: map[string]any{"seed": 42.0, "max_tokens": 300.0, "max_completion_tokens": nil}},
		{name: "reasoning cap", model: "o3-mini", max: 300, want: map[string]any{"max_completion_tokens": 300.0, "max_tokens": nil, "model": "o3-mini"}},
		{name: "request model wins", model: "other", want: map[string]any{"model": "other"}},
		{name: "config model", want: map[string]any{"model": "test-model"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, completion("ok", "stop"))
			req := request("x")
			req.Model, req.Temperature, req.Seed, req.MaxTokens = tt.model, tt.temp, tt.seed, tt.max
			if _, err := e.client(nil).Complete(context.Background(), req); err != nil {
				t.Fatal(err)
			}
			body := e.seen()[0].Body
			for k, want := range tt.want {
				got, ok := body[k]
				if want == nil && ok {
					t.Errorf("%s sent as %v, want absent", k, got)
				}
				if want != nil && (!ok || got != want) {
					t.Errorf("%s = %v (present %v), want %v", k, got, ok, want)
				}
			}
		})
	}
}

func TestEmptyTurnKeepsContent(t *testing.T) {
	e := newEndpoint(t, completion("ok", "stop"))
	req := request("")
	if _, err := e.client(nil).Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	msgs := e.seen()[0].Body["messages"].([]any)
	if _, ok := msgs[1].(map[string]any)["content"]; !ok {
		t.Errorf("empty user turn sent without content: %v", msgs[1])
	}
}

func TestNoModel(t *testing.T) {
	e := newEndpoint(t, completion("ok", "stop"))
	c := e.client(func(c *Config) { c.Model = "" })
	if _, err := c.Complete(context.Background(), request("x")); !errors.Is(err, ErrNoModel) {
		t.Fatalf("err %v, want ErrNoModel", err)
	}
	if len(e.seen()) != 0 {
		t.Error("a request without a model was sent")
	}
}

func TestAzure(t *testing.T) {
	e := newEndpoint(t, completion("ok", "stop"))
	c := e.client(func(c *Config) {
		c.BaseURL, c.Azure, c.Model = e.srv.URL, true, "gpt-35.turbo-deploy"
	})
	if _, err := c.Complete(context.Background(), request("x")); err != nil {
		t.Fatal(err)
	}
	r := e.seen()[0]
	if r.Path != "/openai/deployments/gpt-35.turbo-deploy/chat/completions" || r.Query != "api-version="+DefaultAzureAPIVersion {
		t.Errorf("sent to %s?%s", r.Path, r.Query)
	}
	if r.Header.Get("api-key") != fakeKey || r.Header.Get("Authorization") != "" {
		t.Errorf("headers %v", r.Header)
	}
}

func TestConfiguredHeaders(t *testing.T) {
	e := newEndpoint(t, completion("ok", "stop"))
	c := e.client(func(c *Config) {
		c.APIKey = ""
		c.Headers = map[string]string{"http-referer": "https://example.org/juru", "X-Title": "juru"}
	})
	if _, err := c.Complete(context.Background(), request("x")); err != nil {
		t.Fatal(err)
	}
	h := e.seen()[0].Header
	if h.Get("HTTP-Referer") != "https://example.org/juru" || h.Get("X-Title") != "juru" || h.Get("Authorization") != "" {
		t.Errorf("headers %v", h)
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"scheme", Config{BaseURL: "ftp://example.org/v1"}},
		{"no host", Config{BaseURL: "http:///v1"}},
		{"not a URL", Config{BaseURL: "http://a b\x7f/"}},
		{"azure without key", Config{BaseURL: "https://x.openai.azure.com", Azure: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.APIKey += "" // keys are checked separately
			if _, err := New(tt.cfg); err == nil {
				t.Errorf("New(%v) accepted", tt.cfg)
			}
		})
	}
}

func TestConcurrentCompletes(t *testing.T) {
	var mu sync.Mutex
	n := 0
	e := newEndpoint(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		fail := n%4 == 0
		mu.Unlock()
		if fail {
			jsonAnswer(500, `{"error":{"message":"busy","type":"server_error"}}`)(w, r)
			return
		}
		var body struct{ Messages []llm.Message }
		json.NewDecoder(r.Body).Decode(&body)
		completion(strings.ToUpper(body.Messages[1].Content), "stop")(w, r)
	})
	c := e.client(func(c *Config) { c.MaxRetries = 5 })
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			text := strings.Repeat("ab", i+1)
			resp, err := c.Complete(context.Background(), request(text))
			if err != nil {
				t.Error(err)
				return
			}
			if resp.Content != strings.ToUpper(text) {
				t.Errorf("answer %q for %q", resp.Content, text)
			}
		})
	}
	wg.Wait()
}
