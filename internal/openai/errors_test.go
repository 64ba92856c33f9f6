package openai

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

func TestAPIErrors(t *testing.T) {
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		status   int
		typ      string
		code     string
		message  string
		after    time.Duration
		attempts int
		fatal    bool
	}{
		{"401 bad key", jsonAnswer(401, `{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`),
			401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", 0, 1, true},
		{"403 region", jsonAnswer(403, `{"error":{"message":"Country, region, or territory not supported","type":"request_forbidden","code":"unsupported_country_region_territory"}}`),
			403, "request_forbidden", "unsupported_country_region_territory", "Country, region, or territory not supported", 0, 1, true},
		{"404 model", jsonAnswer(404, `{"error":{"message":"The model 'nope' does not exist","type":"invalid_request_error","code":"model_not_found"}}`),
			404, "invalid_request_error", "model_not_found", "The model 'nope' does not exist", 0, 1, true},
		{"429 quota", jsonAnswer(429, `{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}}`),
			429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota.", 0, 1, true},
		{"429 rate", jsonAnswer(429, `{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}`, "Retry-After", "2"),
			429, "requests", "rate_limit_exceeded", "Rate limit reached", 2 * time.Second, 3, false},
		{"500", jsonAnswer(500, `{"error":{"message":"The server had an error","type":"server_error","code":null}}`),
			500, "server_error", "", "The server had an error", 0, 3, false},
		{"numeric code", jsonAnswer(500, `{"error":{"message":"boom","type":"server_error","code":500}}`),
			500, "server_error", "500", "boom", 0, 3, false},
		{"HTML 502 from a proxy", answerWith(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"),
			502, "", "", `HTML page "502 Bad Gateway"`, 0, 3, false},
		{"vLLM shape", jsonAnswer(404, `{"object":"error","message":"The model does not exist.","type":"NotFoundError","param":null,"code":404}`),
			404, "NotFoundError", "404", "The model does not exist.", 0, 1, true},
		{"error string", jsonAnswer(400, `{"error":"Unexpected endpoint or method."}`),
			400, "", "", "Unexpected endpoint or method.", 0, 1, false},
		{"FastAPI detail", jsonAnswer(422, `{"detail":"field required"}`),
			422, "", "", "field required", 0, 1, false},
		{"empty 503", answerWith(503, "", ""),
			503, "", "", "Service Unavailable", 0, 3, false},
		{"plain text 400", answerWith(400, "text/plain", "bad request\nsecond line"),
			400, "", "", `answer begins "bad request second line"`, 0, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, tt.handler)
			resp, err := e.client(nil).Complete(context.Background(), request("x"))
			var api *llm.APIError
			if !errors.As(err, &api) {
				t.Fatalf("err %T %v, want *llm.APIError", err, err)
			}
			want := llm.APIError{StatusCode: tt.status, Type: tt.typ, Code: tt.code, Message: tt.message, RetryAfter: tt.after, Attempts: tt.attempts}
			if *api != want {
				t.Errorf("got  %+v\nwant %+v", *api, want)
			}
			if llm.IsFatal(err) != tt.fatal {
				t.Errorf("IsFatal = %v", !tt.fatal)
			}
			if len(e.seen()) != tt.attempts || resp.Attempts != tt.attempts {
				t.Errorf("server saw %d requests, response says %d; want %d", len(e.seen()), resp.Attempts, tt.attempts)
			}
		})
	}
}

func TestAnswerErrors(t *testing.T) {
	tests := []struct {
		name     string
		handlers []http.HandlerFunc
		want     error
		detail   string
		attempts int
	}{
		{"truncated", []http.HandlerFunc{completion("Halo", "length")}, llm.ErrTruncated, "", 1},
		{"content filter", []http.HandlerFunc{completion("", "content_filter")}, llm.ErrContentFilter, "", 1},
		{"empty", []http.HandlerFunc{completion("  \n", "stop")}, llm.ErrEmpty, "", 1},
		{"refusal", []http.HandlerFunc{jsonAnswer(200, `{"choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help"},"finish_reason":"stop"}]}`)}, llm.ErrRefused, "I can't help", 1},
		{"no choices", []http.HandlerFunc{jsonAnswer(200, `{"id":"x","choices":[]}`)}, llm.ErrMalformed, "no choices", 1},
		{"null body", []http.HandlerFunc{jsonAnswer(200, `null`)}, llm.ErrMalformed, "no choices", 1},
		{"invalid JSON", []http.HandlerFunc{jsonAnswer(200, `{"choices":[{"index":0,`)}, llm.ErrMalformed, "", 1},
		{"not JSON", []http.HandlerFunc{jsonAnswer(200, `Internal error`)}, llm.ErrMalformed, "invalid JSON", 1},
		{"HTML page with 200", []http.HandlerFunc{answerWith(200, "text/html", "<!DOCTYPE html><title>Sign in to Wi-Fi</title>")}, llm.ErrMalformed, `HTML page "Sign in to Wi-Fi"`, 1},
		{"wrong content type", []http.HandlerFunc{answerWith(200, "text/plain", completionBody("Halo", "stop"))}, llm.ErrMalformed, "content type text/plain", 1},
		{"empty body", []http.HandlerFunc{answerWith(200, "application/json", "")}, llm.ErrMalformed, "empty answer body", 1},
		{"odd choice index", []http.HandlerFunc{jsonAnswer(200, `{"choices":[{"index":3,"message":{"role":"assistant","content":"Halo"},"finish_reason":"stop"}]}`)}, nil, "", 1},
		{"odd finish reason", []http.HandlerFunc{completion("Halo", "tool_calls")}, nil, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, tt.handlers...)
			resp, err := e.client(nil).Complete(context.Background(), request("x"))
			if tt.want == nil {
				if err != nil || resp.Content != "Halo" {
					t.Fatalf("got %q, %v; want the answer", resp.Content, err)
				}
				return
			}
			var ae *llm.AnswerError
			if !errors.As(err, &ae) || !errors.Is(err, tt.want) {
				t.Fatalf("err %T %v, want *llm.AnswerError wrapping %v", err, err, tt.want)
			}
			if !strings.Contains(ae.Detail, tt.detail) {
				t.Errorf("detail %q, want it to mention %q", ae.Detail, tt.detail)
			}
			if resp.Attempts != tt.attempts || ae.Response.Attempts != tt.attempts {
				t.Errorf("attempts %d / %d, want %d", resp.Attempts, ae.Response.Attempts, tt.attempts)
			}
		})
	}
}

func TestTruncatedBodyRetried(t *testing.T) {
	short := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "500")
		w.WriteHeader(200)
		w.Write([]byte(completionBody("Halo", "stop"))[:40])
		w.(http.Flusher).Flush()
		hangUp(w, r)
	}
	t.Run("then whole", func(t *testing.T) {
		e := newEndpoint(t, short, completion("Halo", "stop"))
		resp, err := e.client(nil).Complete(context.Background(), request("x"))
		if err != nil || resp.Content != "Halo" || resp.Attempts != 2 {
			t.Fatalf("got %+v, %v", resp, err)
		}
	})
	t.Run("always", func(t *testing.T) {
		e := newEndpoint(t, short)
		_, err := e.client(nil).Complete(context.Background(), request("x"))
		var un *llm.UnreachableError
		if !errors.As(err, &un) || un.Attempts != 3 {
			t.Fatalf("err %T %v, want *llm.UnreachableError after 3 attempts", err, err)
		}
	})
}

func TestUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.Listener.Addr().String()
	srv.Close()
	// A refused connection means the endpoint is down: a batch stops. A
	// connection dropped after it was made means this request failed: a
	// batch goes on with the other items.
	tests := []struct {
		name    string
		base    string
		handler http.HandlerFunc
		fatal   bool
	}{
		{"refused", "http://user:secret-pass@" + addr + "/v1?key=" + fakeKey, nil, true},
		{"reset every time", "", hangUp, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *Client
			if tt.handler != nil {
				c = newEndpoint(t, tt.handler).client(nil)
			} else {
				c = (&endpoint{t: t}).clientAt(tt.base)
			}
			_, err := c.Complete(context.Background(), request("x"))
			var un *llm.UnreachableError
			if !errors.As(err, &un) {
				t.Fatalf("err %T %v, want *llm.UnreachableError", err, err)
			}
			if un.Attempts != 3 || llm.IsFatal(err) != tt.fatal {
				t.Errorf("attempts %d, fatal %v, want 3 attempts, fatal %v", un.Attempts, llm.IsFatal(err), tt.fatal)
			}
			for _, secret := range []string{"secret-pass", fakeKey, "user:", "key="} {
				if strings.Contains(err.Error(), secret) || strings.Contains(un.URL, secret) {
					t.Errorf("error %q (URL %q) shows %q", err, un.URL, secret)
				}
			}
		})
	}
}

// clientAt returns a client of base whose retries do not wait.
func (e *endpoint) clientAt(base string) *Client {
	c, err := New(Config{BaseURL: base, APIKey: fakeKey, Model: "m"})
	if err != nil {
		e.t.Fatal(err)
	}
	c.retry.Sleep = func(ctx context.Context, d time.Duration) error { return ctx.Err() }
	return c
}

func TestDeadlineAndCancel(t *testing.T) {
	hang := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	t.Run("deadline", func(t *testing.T) {
		e := newEndpoint(t, hang)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := e.client(nil).Complete(ctx, request("x"))
		var un *llm.UnreachableError
		if !errors.As(err, &un) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err %T %v, want *llm.UnreachableError for the deadline", err, err)
		}
	})
	t.Run("attempt timeout", func(t *testing.T) {
		e := newEndpoint(t, hang)
		c := e.client(func(c *Config) { c.Timeout = 20 * time.Millisecond; c.MaxRetries = 1 })
		_, err := c.Complete(context.Background(), request("x"))
		var un *llm.UnreachableError
		if !errors.As(err, &un) || un.Attempts != 2 {
			t.Fatalf("err %T %v, want *llm.UnreachableError after 2 attempts", err, err)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		e := newEndpoint(t, hang)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(20*time.Millisecond, cancel)
		_, err := e.client(nil).Complete(ctx, request("x"))
		if !errors.Is(err, context.Canceled) || llm.IsFatal(err) {
			t.Fatalf("err %T %v, want context.Canceled", err, err)
		}
	})
	t.Run("no wait past the deadline", func(t *testing.T) {
		e := newEndpoint(t, jsonAnswer(429, `{"error":{"message":"slow down","type":"requests"}}`, "Retry-After", "30"))
		c := e.client(nil)
		c.retry.Sleep = func(ctx context.Context, d time.Duration) error {
			t.Errorf("waited %v past the deadline", d)
			return nil
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, err := c.Complete(ctx, request("x"))
		var api *llm.APIError
		if !errors.As(err, &api) || api.StatusCode != 429 || api.RetryAfter != 30*time.Second || api.Attempts != 1 {
			t.Fatalf("err %v, want the 429 at once", err)
		}
	})
}

func TestRetryHook(t *testing.T) {
	e := newEndpoint(t,
		jsonAnswer(429, `{"error":{"message":"slow"}}`, "retry-after-ms", "250"),
		jsonAnswer(503, `{"error":{"message":"busy"}}`),
		completion("Halo", "stop"))
	var infos []RetryInfo
	c := e.client(func(c *Config) { c.OnRetry = func(ri RetryInfo) { infos = append(infos, ri) } })
	resp, err := c.Complete(context.Background(), request("x"))
	if err != nil || resp.Attempts != 3 {
		t.Fatalf("got %+v, %v", resp, err)
	}
	if len(infos) != 2 || infos[0].StatusCode != 429 || infos[0].Delay != 250*time.Millisecond || !infos[0].ServerDelay ||
		infos[1].StatusCode != 503 || infos[1].Delay != time.Second || infos[1].ServerDelay {
		t.Errorf("retries %+v", infos)
	}
}

func TestNoRetries(t *testing.T) {
	e := newEndpoint(t, jsonAnswer(500, `{"error":{"message":"boom"}}`))
	c := e.client(func(c *Config) { c.MaxRetries = NoRetries })
	_, err := c.Complete(context.Background(), request("x"))
	var api *llm.APIError
	if !errors.As(err, &api) || api.Attempts != 1 || len(e.seen()) != 1 {
		t.Fatalf("err %v after %d requests, want one attempt", err, len(e.seen()))
	}
}
