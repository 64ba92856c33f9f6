package retry

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		n    int
		r    float64
		want time.Duration
	}{
		{0, 0, 500 * time.Millisecond},
		{1, 0, time.Second},
		{2, 0, 2 * time.Second},
		{3, 0, 4 * time.Second},
		{4, 0, 8 * time.Second},
		{5, 0, 8 * time.Second},
		{60, 0, 8 * time.Second},
		{0, 1, 375 * time.Millisecond},
		{4, 0.5, 7 * time.Second},
		{1, -3, time.Second},
		{1, 7, 750 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.n)+"/"+strconv.FormatFloat(tt.r, 'g', -1, 64), func(t *testing.T) {
			if got := p.Backoff(tt.n, tt.r); got != tt.want {
				t.Errorf("Backoff(%d, %v) = %v, want %v", tt.n, tt.r, got, tt.want)
			}
		})
	}
}

// TestBackoffRandom checks the backoff against its definition written the
// slow way, for random policies and inputs.
func TestBackoffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		p := Policy{
			BaseDelay: time.Duration(rng.IntN(2000)+1) * time.Millisecond,
			MaxDelay:  time.Duration(rng.IntN(20000)+1) * time.Millisecond,
			Jitter:    rng.Float64(),
		}
		n, r := rng.IntN(40), rng.Float64()
		want := float64(p.BaseDelay)
		for range n {
			want *= 2
		}
		if want > float64(p.MaxDelay) {
			want = float64(p.MaxDelay)
		}
		want -= want * p.Jitter * r
		got := p.Backoff(n, r)
		if diff := float64(got) - want; diff > 2 || diff < -2 {
			t.Fatalf("%+v Backoff(%d, %v) = %v, want %v", p, n, r, got, time.Duration(want))
		}
		if got > p.MaxDelay || got < 0 {
			t.Fatalf("%+v Backoff(%d, %v) = %v out of range", p, n, r, got)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
		ok     bool
	}{
		{"none", nil, 0, false},
		{"seconds", map[string]string{"Retry-After": "3"}, 3 * time.Second, true},
		{"fraction", map[string]string{"Retry-After": "0.25"}, 250 * time.Millisecond, true},
		{"ms first", map[string]string{"retry-after-ms": "1500", "Retry-After": "9"}, 1500 * time.Millisecond, true},
		{"bad ms falls back", map[string]string{"retry-after-ms": "soon", "Retry-After": "2"}, 2 * time.Second, true},
		{"date", map[string]string{"Retry-After": now.Add(4 * time.Second).Format(http.TimeFormat)}, 4 * time.Second, true},
		{"past date", map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, 0, true},
		{"negative", map[string]string{"Retry-After": "-5"}, 0, false},
		{"garbage", map[string]string{"Retry-After": "tomorrow"}, 0, false},
		{"huge", map[string]string{"Retry-After": "1e300"}, 0, false},
		{"nan", map[string]string{"retry-after-ms": "NaN"}, 0, false},
		{"spaces", map[string]string{"Retry-After": " 7 "}, 7 * time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got, ok := RetryAfter(h, now)
			if got != tt.want || ok != tt.ok {
				t.Errorf("RetryAfter(%v) = %v, %v; want %v, %v", tt.header, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestShouldRetry(t *testing.T) {
	tests := []struct {
		status int
		advice string
		want   bool
	}{
		{400, "", false}, {401, "", false}, {403, "", false}, {404, "", false},
		{408, "", true}, {409, "", true}, {429, "", true},
		{500, "", true}, {502, "", true}, {503, "", true}, {599, "", true},
		{400, "true", true}, {503, "false", false}, {429, "FALSE", false},
		{500, "maybe", true}, {422, "maybe", false},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status)+tt.advice, func(t *testing.T) {
			resp := &http.Response{StatusCode: tt.status, Header: http.Header{}}
			if tt.advice != "" {
				resp.Header.Set("X-Should-Retry", tt.advice)
			}
			if got := ShouldRetry(resp); got != tt.want {
				t.Errorf("ShouldRetry(%d, %q) = %v, want %v", tt.status, tt.advice, got, tt.want)
			}
		})
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"3", "0.5", "-1", "NaN", "Inf", "1e300", "Wed, 21 Oct 2015 07:28:00 GMT", "", "  12 ", "0x10"} {
		f.Add(s, s)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, ms, after string) {
		h := http.Header{}
		h.Set("retry-after-ms", ms)
		h.Set("Retry-After", after)
		got, ok := RetryAfter(h, now)
		if got < 0 {
			t.Fatalf("negative wait %v for %q, %q", got, ms, after)
		}
		if !ok && got != 0 {
			t.Fatalf("wait %v reported as absent", got)
		}
		// Whole seconds must come back exactly.
		if n, err := strconv.Atoi(after); err == nil && n >= 0 && n < 1e6 {
			h.Del("retry-after-ms")
			got, ok := RetryAfter(h, now)
			if !ok || got != time.Duration(n)*time.Second {
				t.Fatalf("Retry-After %q = %v, %v", after, got, ok)
			}
		}
	})
}
