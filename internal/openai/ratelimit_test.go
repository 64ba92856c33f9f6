package openai

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

func TestParseReset(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"6m0s", 6 * time.Minute, true},
		{"1s", time.Second, true},
		{"20ms", 20 * time.Millisecond, true},
		{"1h2m3.5s", time.Hour + 2*time.Minute + 3500*time.Millisecond, true},
		{"0s", 0, true},
		{"30", 30 * time.Second, true},
		{"0.5", 500 * time.Millisecond, true},
		{strconv.FormatInt(now.Add(90*time.Second).Unix(), 10), 90 * time.Second, true},
		{strconv.FormatInt(now.Add(1500*time.Millisecond).UnixMilli(), 10), 1500 * time.Millisecond, true},
		{strconv.FormatInt(now.Add(-time.Hour).Unix(), 10), 0, true},
		{now.Add(time.Minute).Format(http.TimeFormat), time.Minute, true},
		{"", 0, false},
		{"-1s", 0, false},
		{"-3", 0, false},
		{"soon", 0, false},
		{"NaN", 0, false},
		{"1e300", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseReset(tt.in, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseReset(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzParseReset(f *testing.F) {
	for _, s := range []string{"6m0s", "1s", "20ms", "30", "1700000000", "1700000000000", "Wed, 21 Oct 2015 07:28:00 GMT", "-1", "1e20", "9223372036854775807ns"} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseReset(s, now)
		if d < 0 || !ok && d != 0 {
			t.Fatalf("ParseReset(%q) = %v, %v", s, d, ok)
		}
		// A Go duration that parses must come back as itself.
		if want, err := time.ParseDuration(s); err == nil && want >= 0 && d != want {
			t.Fatalf("ParseReset(%q) = %v, want %v", s, d, want)
		}
	})
}

func TestParseLimits(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   Limits
		ok     bool
	}{
		{"none", nil, Limits{Requests: Quota{-1, -1, -1}, Tokens: Quota{-1, -1, -1}, At: now}, false},
		{"OpenAI", map[string]string{
			"x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499", "x-ratelimit-reset-requests": "120ms",
			"x-ratelimit-limit-tokens": "30000", "x-ratelimit-remaining-tokens": "29500", "x-ratelimit-reset-tokens": "6m0s",
		}, Limits{Requests: Quota{500, 499, 120 * time.Millisecond}, Tokens: Quota{30000, 29500, 6 * time.Minute}, At: now}, true},
		{"Azure", map[string]string{"x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "1000"},
			Limits{Requests: Quota{-1, 0, -1}, Tokens: Quota{-1, 1000, -1}, At: now}, true},
		{"OpenRouter", map[string]string{"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "19", "X-RateLimit-Reset": strconv.FormatInt(now.Add(time.Minute).UnixMilli(), 10)},
			Limits{Requests: Quota{20, 19, time.Minute}, Tokens: Quota{-1, -1, -1}, At: now}, true},
		{"garbage", map[string]string{"x-ratelimit-limit-requests": "many"}, Limits{Requests: Quota{-1, -1, -1}, Tokens: Quota{-1, -1, -1}, At: now}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got, ok := ParseLimits(h, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %+v, %v\nwant %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestOnRateLimit(t *testing.T) {
	limited := jsonAnswer(429, `{"error":{"message":"slow down","type":"tokens","code":"rate_limit_exceeded"}}`,
		"x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1s", "retry-after-ms", "10")
	ok := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-remaining-tokens", "900")
		completion("Halo", "stop")(w, r)
	}
	e := newEndpoint(t, limited, ok)
	var got []Limits
	c := e.client(func(c *Config) { c.OnRateLimit = func(l Limits) { got = append(got, l) } })
	if _, err := c.Complete(context.Background(), request("x")); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Tokens.Remaining != 0 || got[0].Tokens.Reset != time.Second || got[1].Tokens.Remaining != 900 {
		t.Errorf("limits %+v", got)
	}
}

func TestPing(t *testing.T) {
	models := jsonAnswer(200, `{"object":"list","data":[{"id":"llama3.2","object":"model"},{"id":"qwen2.5","object":"model"}]}`)
	t.Run("answers", func(t *testing.T) {
		e := newEndpoint(t, models)
		c := e.client(func(c *Config) { c.APIKey = "" })
		names, err := c.Models(context.Background())
		if err != nil || len(names) != 2 || names[0] != "llama3.2" {
			t.Fatalf("Models = %v, %v", names, err)
		}
		if err := c.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
		r := e.seen()[0]
		if r.Method != "GET" || r.Path != "/v1/models" || r.Header.Get("Authorization") != "" {
			t.Errorf("sent %s %s %v", r.Method, r.Path, r.Header)
		}
	})
	t.Run("not retried", func(t *testing.T) {
		e := newEndpoint(t, jsonAnswer(503, `{"error":{"message":"loading"}}`))
		err := e.client(nil).Ping(context.Background())
		var api *llm.APIError
		if !errors.As(err, &api) || api.StatusCode != 503 || len(e.seen()) != 1 {
			t.Fatalf("err %v after %d requests", err, len(e.seen()))
		}
	})
	t.Run("nothing listening", func(t *testing.T) {
		e := newEndpoint(t, models)
		e.srv.Close()
		err := e.client(nil).Ping(context.Background())
		var un *llm.UnreachableError
		if !errors.As(err, &un) || un.Attempts != 1 {
			t.Fatalf("err %T %v, want *llm.UnreachableError after one attempt", err, err)
		}
	})
}
