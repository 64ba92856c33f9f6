// Package retry provides an HTTP doer that retries failed requests the way
// the official OpenAI SDKs do: a few retries with capped exponential
// backoff and jitter, the server's retry-after-ms, Retry-After and
// x-should-retry headers honoured, the request body replayed, and every
// wait cut short by the request's context.
//
// The doer records what happened to each request (attempts, final status,
// headers, server wait) in a Record that the caller places in the request
// context, because clients built on top of it often discard the headers
// of error responses.
package retry

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Defaults follow the conventions of the official OpenAI SDKs.
const (
	DefaultMaxRetries    = 2
	DefaultBaseDelay     = 500 * time.Millisecond
	DefaultMaxDelay      = 8 * time.Second
	DefaultJitter        = 0.25
	DefaultMaxRetryAfter = 60 * time.Second
)

// Policy decides how often and how long to wait between attempts.
type Policy struct {
	// MaxRetries is the number of attempts after the first; zero means
	// none.
	MaxRetries int
	// BaseDelay is the wait before the first retry; it doubles on each
	// further retry up to MaxDelay. Zero means the default.
	BaseDelay time.Duration
	// MaxDelay caps the computed backoff. Zero means the default.
	MaxDelay time.Duration
	// Jitter is the largest fraction (0 to 1) taken off a computed
	// backoff at random, so that clients do not retry in step.
	Jitter float64
	// MaxRetryAfter is the longest server-requested wait the doer sits
	// out; a response asking for longer is returned at once so that the
	// caller can decide. Zero means the default.
	MaxRetryAfter time.Duration
	// AttemptTimeout bounds one attempt: connecting, sending, and reading
	// a whole response, or for an event stream, each wait for more data.
	// Zero means no bound beyond the request context.
	AttemptTimeout time.Duration
}

// DefaultPolicy returns the policy of the official OpenAI SDKs.
func DefaultPolicy() Policy {
	return Policy{
		MaxRetries:    DefaultMaxRetries,
		BaseDelay:     DefaultBaseDelay,
		MaxDelay:      DefaultMaxDelay,
		Jitter:        DefaultJitter,
		MaxRetryAfter: DefaultMaxRetryAfter,
	}
}

// Backoff is the wait before retry number n (0 for the first retry):
// BaseDelay × 2^n capped at MaxDelay, reduced by up to Jitter of itself
// according to r, a number in [0, 1).
func (p Policy) Backoff(n int, r float64) time.Duration {
	base, limit := p.BaseDelay, p.MaxDelay
	if base <= 0 {
		base = DefaultBaseDelay
	}
	if limit <= 0 {
		limit = DefaultMaxDelay
	}
	d := base
	for i := 0; i < n && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	j := min(max(p.Jitter, 0), 1)
	r = min(max(r, 0), 1)
	return d - time.Duration(float64(d)*j*r)
}

func (p Policy) maxRetryAfter() time.Duration {
	if p.MaxRetryAfter <= 0 {
		return DefaultMaxRetryAfter
	}
	return p.MaxRetryAfter
}

// RetryableStatus reports whether an HTTP status is worth retrying when
// the server gives no x-should-retry advice: 408, 409, 429 and 5xx.
func RetryableStatus(code int) bool {
	switch {
	case code == http.StatusRequestTimeout, code == http.StatusConflict,
		code == http.StatusTooManyRequests:
		return true
	}
	return code >= 500 && code <= 599
}

// ShouldRetry reports whether an error response should be retried: the server's
// x-should-retry header decides when it says true or false, the status
// otherwise.
func ShouldRetry(resp *http.Response) bool {
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("x-should-retry"))) {
	case "true":
		return true
	case "false":
		return false
	}
	return RetryableStatus(resp.StatusCode)
}

// RetryAfter reads the wait a response asks for: retry-after-ms
// (milliseconds) first, then Retry-After as seconds or as an HTTP date
// relative to now. It reports false when neither header holds a usable
// value. A date in the past gives zero.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("retry-after-ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && validSpan(ms/1000) {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if !validSpan(s) {
			return 0, false
		}
		return time.Duration(s * float64(time.Second)), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// validSpan reports whether s seconds is a finite, non-negative wait that
// fits in a time.Duration with room to spare (under about 290 years).
func validSpan(s float64) bool {
	return s >= 0 && s < 9e9
}
