package mock

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimit is a sliding-window limit: at most Requests requests and
// Tokens tokens (prompt estimate plus the requested answer cap) within
// any Window. Zero limits are not enforced. Chat answers carry OpenAI's
// x-ratelimit-{limit,remaining,reset}-{requests,tokens} headers; a
// request over the limit is answered 429 with Retry-After and
// retry-after-ms, and does not count.
type RateLimit struct {
	Requests int
	Tokens   int
	// Window is one minute when zero.
	Window time.Duration
}

// limiter enforces a RateLimit with a log of the admitted requests.
type limiter struct {
	lim RateLimit

	mu   sync.Mutex
	log  []use // admitted requests within the window, oldest first
	used int   // tokens in log
}

type use struct {
	at     time.Time
	tokens int
}

func newLimiter(l RateLimit) *limiter {
	if l.Window <= 0 {
		l.Window = time.Minute
	}
	return &limiter{lim: l}
}

// verdict is the outcome of asking the limiter.
type verdict struct {
	ok     bool
	which  string // "requests" or "tokens", the limit that refused
	used   int    // requests or tokens within the window, for the message
	retry  time.Duration
	header http.Header
}

// admit decides on a request costing tokens arriving at now.
func (l *limiter) admit(now time.Time, tokens int) verdict {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.log) > 0 && !l.log[0].at.Add(l.lim.Window).After(now) {
		l.used -= l.log[0].tokens
		l.log = l.log[1:]
	}
	v := verdict{ok: true}
	if l.lim.Requests > 0 && len(l.log) >= l.lim.Requests {
		// The request fits once enough of the oldest entries expire.
		oldest := l.log[len(l.log)-l.lim.Requests]
		v = verdict{which: "requests", used: len(l.log), retry: oldest.at.Add(l.lim.Window).Sub(now)}
	}
	if l.lim.Tokens > 0 && l.used+tokens > l.lim.Tokens {
		retry, freed := l.lim.Window, 0
		for _, u := range l.log {
			freed += u.tokens
			if l.used-freed+tokens <= l.lim.Tokens {
				retry = u.at.Add(l.lim.Window).Sub(now)
				break
			}
		}
		if v.ok || retry > v.retry {
			v = verdict{which: "tokens", used: l.used, retry: retry}
		}
	}
	if v.ok {
		l.log = append(l.log, use{at: now, tokens: tokens})
		l.used += tokens
	}
	v.header = l.headers(now)
	return v
}

// headers announces the limits as OpenAI does.
func (l *limiter) headers(now time.Time) http.Header {
	h := http.Header{}
	reset := time.Duration(0)
	if len(l.log) > 0 {
		reset = l.log[0].at.Add(l.lim.Window).Sub(now)
	}
	if l.lim.Requests > 0 {
		h.Set("x-ratelimit-limit-requests", strconv.Itoa(l.lim.Requests))
		h.Set("x-ratelimit-remaining-requests", strconv.Itoa(max(l.lim.Requests-len(l.log), 0)))
		h.Set("x-ratelimit-reset-requests", formatReset(reset))
	}
	if l.lim.Tokens > 0 {
		h.Set("x-ratelimit-limit-tokens", strconv.Itoa(l.lim.Tokens))
		h.Set("x-ratelimit-remaining-tokens", strconv.Itoa(max(l.lim.Tokens-l.used, 0)))
		h.Set("x-ratelimit-reset-tokens", formatReset(reset))
	}
	return h
}

// formatReset writes a duration as OpenAI's reset headers do: "0s",
// "120ms", "1.5s", "6m0s".
func formatReset(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	return d.Round(time.Millisecond).String()
}

// rateLimited is the 429 answer for a refused request.
func (v verdict) rateLimited(l RateLimit, tokens int) *apiError {
	limit, unit := l.Requests, "requests"
	if v.which == "tokens" {
		limit, unit = l.Tokens, "tokens"
	} else {
		tokens = 1
	}
	return newAPIError(429, v.which, "", "rate_limit_exceeded", fmt.Sprintf(
		"Rate limit reached for %s: Limit %d, Used %d, Requested %d. Please try again in %s.",
		unit, limit, v.used, tokens, formatReset(v.retry)))
}

// retryHeaders sets Retry-After (whole seconds, rounded up) and
// retry-after-ms.
func retryHeaders(h http.Header, d time.Duration) {
	if d <= 0 {
		d = time.Millisecond
	}
	h.Set("Retry-After", strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10))
	h.Set("retry-after-ms", strconv.FormatInt(d.Milliseconds(), 10))
}
