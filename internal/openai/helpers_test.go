package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// fakeKey is recognisable in any output it leaks into.
const fakeKey = "sk-juru-TEST-KEY-do-not-leak-4242"

// seen is one request the fake endpoint received.
type seen struct {
	Method, Path, Query string
	Header              http.Header
	Body                map[string]any
	Raw                 []byte
}

// endpoint is a scripted fake: each request goes to the next handler, the
// last handler answering all further requests.
type endpoint struct {
	t        *testing.T
	mu       sync.Mutex
	handlers []http.HandlerFunc
	requests []seen
	srv      *httptest.Server
}

func newEndpoint(t *testing.T, handlers ...http.HandlerFunc) *endpoint {
	t.Helper()
	e := &endpoint{t: t, handlers: handlers}
	e.srv = httptest.NewServer(http.HandlerFunc(e.serve))
	t.Cleanup(e.srv.Close)
	return e
}

func (e *endpoint) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	json.Unmarshal(raw, &body)
	r.Body = io.NopCloser(bytes.NewReader(raw))
	e.mu.Lock()
	n := len(e.requests)
	e.requests = append(e.requests, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), body, raw})
	h := e.handlers[min(n, len(e.handlers)-1)]
	e.mu.Unlock()
	h(w, r)
}

func (e *endpoint) seen() []seen {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]seen(nil), e.requests...)
}

// client returns a client of the fake endpoint whose retries do not wait.
func (e *endpoint) client(mod func(*Config)) *Client {
	e.t.Helper()
	cfg := Config{BaseURL: e.srv.URL + "/v1", APIKey: fakeKey, Model: "test-model"}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		e.t.Fatalf("New: %v", err)
	}
	c.retry.Sleep = func(ctx context.Context, d time.Duration) error { return ctx.Err() }
	c.retry.Rand = func() float64 { return 0 }
	return c
}

func request(text string) llm.Request {
	return llm.Request{Messages: []llm.Message{
		{Role: llm.System, Content: "Translate into Indonesian."},
		{Role: llm.User, Content: text},
	}}
}

// completion answers with a chat completion holding content.
func completion(content, finish string) http.HandlerFunc {
	return jsonAnswer(200, completionBody(content, finish))
}

func completionBody(content, finish string) string {
	c, _ := json.Marshal(content)
	return fmt.Sprintf(`{"id":"c1","object":"chat.completion","created":1,"model":"test-model-2026",
		"choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":%q}],
		"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}`, c, finish)
}

func jsonAnswer(status int, body string, header ...string) http.HandlerFunc {
	return answerWith(status, "application/json", body, header...)
}

func answerWith(status int, contentType, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// events answers with an event stream of the given lines, each followed
// by a blank line, flushing as it goes.
func events(lines ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(200)
		for _, l := range lines {
			io.WriteString(w, l)
			w.(http.Flusher).Flush()
		}
	}
}

func delta(content string) string {
	c, _ := json.Marshal(content)
	return fmt.Sprintf("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"test-model-2026\",\"choices\":[{\"index\":0,\"delta\":{\"content\":%s},\"finish_reason\":null}]}\n\n", c)
}

func finish(reason string) string {
	return fmt.Sprintf("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":%q}]}\n\n", reason)
}

const (
	usageEvent = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}\n\n"
	doneEvent  = "data: [DONE]\n\n"
)

// hangUp closes the connection without answering.
func hangUp(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	conn.Close()
}

// cutAfter writes the start of an event stream and then closes the
// connection in the middle of what follows.
func cutAfter(lines ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
		buf.WriteString(strings.Join(lines, ""))
		buf.Flush()
	}
}
