package pace

import (
	"errors"
	"net/http"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// Quota is one rate limit as an endpoint announced it in its
// x-ratelimit-* headers. A value the endpoint did not send is -1. Its
// fields match those of the endpoint client's own quota type, so that one
// converts to the other.
type Quota struct {
	// Limit is the most allowed in the window.
	Limit int64
	// Remaining is what is left of it.
	Remaining int64
	// Reset is how long until the quota is whole again.
	Reset time.Duration
}

// NoQuota is a quota the endpoint did not announce.
var NoQuota = Quota{Limit: -1, Remaining: -1, Reset: -1}

// ObserveLimits takes the request and token quotas announced by one
// response. A limit learned this way paces later requests unless one was
// set by hand; a remaining count too low for the time left until its
// reset slows them down. Pass NoQuota for a quota not announced.
func (p *Pacer) ObserveLimits(requests, tokens Quota) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	// Requests sent while this answer was on its way may not be counted
	// in what it announces. The request answered is among those since,
	// and counted.
	lagging, laggingTokens := p.fly.lagging()
	since, sinceTokens := p.fly.since(now)
	if p.sent > 0 {
		since--
	}
	p.req.observe(now, requests.Limit, requests.Remaining, requests.Reset, lagging, since)
	p.tok.observe(now, tokens.Limit, tokens.Remaining, tokens.Reset, laggingTokens, sinceTokens)
	p.wake()
}

// wake makes the requests waiting for the rate limits reserve again, as
// the buckets were set anew. The caller holds p.mu.
func (p *Pacer) wake() {
	if p.stats.waiting > 0 {
		close(p.room)
		p.room = make(chan struct{})
	}
}

// Observe429 records a 429 answer that the endpoint client is about to
// retry by itself, with the wait before that retry (zero if unknown): the
// concurrency limit is halved and new requests wait as long.
func (p *Pacer) Observe429(retryAfter time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rateLimited(time.Now(), retryAfter)
}

// rateLimited records a 429: the endpoint is full until retryAfter, so
// nothing remains of what it announced before, and the request bucket
// starts again empty when the pause ends. The caller holds p.mu.
func (p *Pacer) rateLimited(now time.Time, retryAfter time.Duration) {
	p.stats.rateLimited++
	if retryAfter <= 0 {
		retryAfter = p.opts.Pause
	}
	if p.gate.rateLimited(now, retryAfter, p.srtt) {
		p.stats.backoffs++
	}
	p.req.full(now, retryAfter)
	p.tok.full(now, 0)
	p.wake()
}

// refused reports whether err is a 429 answer that waiting cures (not an
// exhausted quota).
func refused(err error) bool {
	if err == nil {
		return false
	}
	var api *llm.APIError
	return errors.As(err, &api) && api.StatusCode == http.StatusTooManyRequests && !api.Fatal()
}

// finish gives back the slot of an answered request and learns from the
// answer: a 429 backs off; a good answer may raise the concurrency
// limit; the reserved tokens are corrected with the usage reported, and
// retries made inside the client are charged as further requests.
func (p *Pacer) finish(t ticket, req llm.Request, resp llm.Response, err error, took time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	p.land(t)
	p.gate.release()
	if p.srtt == 0 {
		p.srtt = took
	} else {
		p.srtt += (took - p.srtt) / 8
	}

	if refused(err) {
		// Not counted against the limits; the buckets start again
		// from the pause.
		var api *llm.APIError
		errors.As(err, &api)
		p.rateLimited(now, api.RetryAfter)
		return
	}
	usage, attempts, answered := spent(resp, err)
	if answered {
		p.gate.succeeded(t.epoch)
	}
	p.req.charge(now, int64(attempts-1), t.reqVer)
	if usage.Total() > 0 && p.tok.limited() {
		counted := int64(usage.PromptTokens) + int64(max(usage.CompletionTokens, req.MaxTokens))
		if d := counted - t.tokens; d > 0 {
			p.tok.charge(now, d, t.tokVer)
		} else {
			p.tok.refund(now, -d, t.tokVer)
		}
	}
}

// spent reads what an answer cost: its usage, the HTTP attempts made and
// whether the endpoint answered with HTTP 200 (a usable answer or not).
func spent(resp llm.Response, err error) (usage llm.Usage, attempts int, answered bool) {
	usage, attempts = resp.Usage, resp.Attempts
	if err == nil {
		return usage, attempts, true
	}
	var ae *llm.AnswerError
	if errors.As(err, &ae) {
		answered = true
		if usage == (llm.Usage{}) {
			usage = ae.Response.Usage
		}
		attempts = max(attempts, ae.Response.Attempts)
	}
	var api *llm.APIError
	if errors.As(err, &api) {
		attempts = max(attempts, api.Attempts)
	}
	var un *llm.UnreachableError
	if errors.As(err, &un) {
		attempts = max(attempts, un.Attempts)
	}
	return usage, attempts, answered
}
