package openai

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Quota is one rate limit as an endpoint announced it. A value the
// endpoint did not send is -1.
type Quota struct {
	// Limit is the most allowed in the window.
	Limit int64
	// Remaining is what is left of it.
	Remaining int64
	// Reset is how long until the quota is whole again.
	Reset time.Duration
}

func (q Quota) known() bool { return q.Limit >= 0 || q.Remaining >= 0 || q.Reset >= 0 }

// Limits are the rate limits announced by one response.
type Limits struct {
	// Requests counts requests, Tokens counts tokens.
	Requests, Tokens Quota
	// At is when the response came.
	At time.Time
}

// ParseLimits reads the x-ratelimit-{limit,remaining,reset}-{requests,tokens}
// headers (OpenAI; Azure sends only the remaining counts), falling back to
// plain x-ratelimit-{limit,remaining,reset} for requests (OpenRouter). It
// reports false when the response carries none of them.
func ParseLimits(h http.Header, now time.Time) (Limits, bool) {
	l := Limits{
		Requests: parseQuota(h, "-requests", now),
		Tokens:   parseQuota(h, "-tokens", now),
		At:       now,
	}
	if !l.Requests.known() {
		l.Requests = parseQuota(h, "", now)
	}
	return l, l.Requests.known() || l.Tokens.known()
}

func parseQuota(h http.Header, suffix string, now time.Time) Quota {
	q := Quota{
		Limit:     parseCount(h.Get("x-ratelimit-limit" + suffix)),
		Remaining: parseCount(h.Get("x-ratelimit-remaining" + suffix)),
		Reset:     -1,
	}
	if d, ok := ParseReset(h.Get("x-ratelimit-reset"+suffix), now); ok {
		q.Reset = d
	}
	return q
}

// parseCount reads a non-negative count, or -1.
func parseCount(s string) int64 {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < math.MaxInt64/2 {
		return int64(f)
	}
	return -1
}

// ParseReset reads a rate-limit reset time in the forms endpoints send: a
// Go-style duration such as "6m0s", "1s" or "20ms" (OpenAI); a number of
// seconds; a Unix time in seconds or milliseconds (OpenRouter); or an HTTP
// date. It returns the wait from now, never negative.
func ParseReset(s string, now time.Time) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return 0, false
		}
		return d, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		switch {
		case math.IsNaN(f) || f < 0 || f >= 1e17:
			return 0, false
		case f >= 1e12: // Unix milliseconds
			return until(time.UnixMilli(int64(f)), now), true
		case f >= 1e9: // Unix seconds
			return until(time.Unix(int64(f), 0), now), true
		}
		return time.Duration(f * float64(time.Second)), true
	}
	if t, err := http.ParseTime(s); err == nil {
		return until(t, now), true
	}
	return 0, false
}

func until(t, now time.Time) time.Duration {
	return max(t.Sub(now), 0)
}

// observe passes the rate limits of a response to the OnRateLimit hook.
func (c *Client) observe(resp *http.Response) {
	if c.onRateLimit == nil {
		return
	}
	if l, ok := ParseLimits(resp.Header, time.Now()); ok {
		c.onRateLimit(l)
	}
}
