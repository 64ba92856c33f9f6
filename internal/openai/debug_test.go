package openai

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

// echo answers with everything it was sent, headers included, the way a
// careless proxy or server might.
func echo(status int, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s\n", r.Method, r.URL)
		for k, v := range r.Header {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(v, ","))
		}
		body, _ := io.ReadAll(r.Body)
		b.Write(body)
		text := b.String()
		w.Header().Set("X-Echo-Auth", r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		if contentType == "application/json" {
			fmt.Fprintf(w, `{"error":{"message":%q,"type":%q,"code":%q}}`, text, r.Header.Get("Authorization"), r.Header.Get("api-key"))
			return
		}
		io.WriteString(w, text)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestKeyNeverShown(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		azure   bool
		stream  bool
	}{
		{"401 echoing headers", echo(401, "application/json"), false, false},
		{"500 echoing headers, retried", echo(500, "application/json"), false, false},
		{"plain text 400", echo(400, "text/plain"), false, false},
		{"HTML 200", echo(200, "text/html"), false, false},
		{"not JSON 200", echo(200, "application/json; charset=utf-8"), false, true},
		{"Azure 403", echo(403, "application/json"), true, false},
		{"stream as text", echo(200, "text/plain"), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, tt.handler)
			var dump syncBuffer
			var retries []RetryInfo
			c := e.client(func(c *Config) {
				c.Debug = &dump
				c.Azure = tt.azure
				c.Headers = map[string]string{"X-Api-Key": fakeKey, "X-Title": "juru"}
				c.OnRetry = func(ri RetryInfo) { retries = append(retries, ri) }
			})
			req := request("Hello " + fakeKey)
			if tt.stream {
				req.Stream = func(string) {}
			}
			resp, err := c.Complete(context.Background(), req)
			if err == nil {
				t.Fatal("no error")
			}
			texts := map[string]string{
				"error":    err.Error(),
				"%+v":      fmt.Sprintf("%+v", err),
				"%#v":      fmt.Sprintf("%#v", err),
				"response": fmt.Sprintf("%+v", resp),
				"retries":  fmt.Sprintf("%+v", retries),
				"dump":     dump.String(),
				"config":   fmt.Sprintf("%v %+v %#v %s", Config{APIKey: fakeKey}, Config{APIKey: fakeKey}, Config{APIKey: fakeKey}, c),
			}
			for what, text := range texts {
				if strings.Contains(text, fakeKey) {
					t.Errorf("%s shows the key:\n%s", what, text)
				}
			}
			if !strings.Contains(dump.String(), redacted) || !strings.Contains(dump.String(), "X-Title: juru") {
				t.Errorf("dump lacks redacted headers:\n%s", dump.String())
			}
			if strings.Contains(dump.String(), strings.Repeat("x", 100)) {
				t.Error("dump not cut")
			}
		})
	}
}

func TestDumpShowsExchange(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(500, `{"error":{"message":"busy"}}`), completion("Halo", "stop"))
	var dump syncBuffer
	c := e.client(func(c *Config) { c.Debug = &dump })
	long := strings.Repeat("y", 3*dumpLimit)
	if _, err := c.Complete(context.Background(), request(long)); err != nil {
		t.Fatal(err)
	}
	d := dump.String()
	for _, want := range []string{
		"> POST " + e.srv.URL + "/v1/chat/completions",
		"> Authorization: " + redacted,
		"< 500 Internal Server Error",
		`< {"error":{"message":"busy"}}`,
		"< 200 OK",
		"Halo",
		"[body cut]",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("dump lacks %q:\n%s", want, d)
		}
	}
	if strings.Count(d, "> POST") != 2 {
		t.Errorf("dump shows %d attempts, want 2", strings.Count(d, "> POST"))
	}
	if len(d) > 4*dumpLimit {
		t.Errorf("dump of %d bytes for a %d-byte request", len(d), len(long))
	}
}

func TestRedactor(t *testing.T) {
	r := newRedactor("sk-abcdef", map[string]string{"Authorization": "Bearer tok-12345", "X-Title": "public-title"})
	tests := []struct{ in, want string }{
		{"key sk-abcdef here", "key [redacted] here"},
		{"Bearer tok-12345", "[redacted]"},
		{"tok-12345 alone", "[redacted] alone"},
		{"public-title stays", "public-title stays"},
		{"sk-abcdefsk-abcdef", "[redacted][redacted]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := r.clean(tt.in); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if short := newRedactor("ab", nil); short.clean("abc") != "abc" {
		t.Error("a two-letter key was redacted everywhere")
	}
}

func TestEchoedKeyLeavesAnswer(t *testing.T) {
	body := `{"choices":[{"index":0,"message":{"role":"assistant","content":"key ` + fakeKey + `","refusal":"no ` + fakeKey + `"},"finish_reason":"stop"}]}`
	e := newEndpoint(t, jsonAnswer(200, body))
	resp, err := e.client(nil).Complete(context.Background(), request("x"))
	if !errors.Is(err, llm.ErrRefused) {
		t.Fatalf("err %v, want a refusal", err)
	}
	if text := fmt.Sprintf("%v %+v", err, resp); strings.Contains(text, fakeKey) {
		t.Errorf("answer shows the key: %s", text)
	}
}

func TestBaseURLPasswordHidden(t *testing.T) {
	const pass = "pw-secret-77"
	e := newEndpoint(t, hangUp, completion("Halo", "stop"))
	var dump syncBuffer
	var retries []RetryInfo
	c := e.client(func(c *Config) {
		c.BaseURL = strings.Replace(e.srv.URL, "http://", "http://editor:"+pass+"@", 1) + "/v1"
		c.APIKey = ""
		c.Debug = &dump
		c.OnRetry = func(ri RetryInfo) { retries = append(retries, ri) }
	})
	if _, err := c.Complete(context.Background(), request("x")); err != nil {
		t.Fatal(err)
	}
	if len(retries) != 1 {
		t.Fatalf("%d retries, want 1", len(retries))
	}
	for what, text := range map[string]string{"dump": dump.String(), "retries": fmt.Sprintf("%+v %v", retries, retries[0].Err), "client": c.String()} {
		if strings.Contains(text, pass) {
			t.Errorf("%s shows the password:\n%s", what, text)
		}
	}
	if u, p, ok := (&http.Request{Header: e.seen()[1].Header}).BasicAuth(); !ok || u != "editor" || p != pass {
		t.Errorf("server saw no basic auth")
	}
}
