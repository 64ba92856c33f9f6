package run

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/juru-cli/juru/internal/llm"
)

// Limiter is an llm.Completer that lets at most n requests be in flight
// at once, across every file, language and chunk that shares it, and
// counts what passes through. Put it outermost (around the response
// cache), so that each request is counted once and cache hits are seen
// as such; a hit holds a slot only while the cache reads its file.
//
// When a request's context carries an item meter (as the contexts Runner
// passes to Task.Do do), its usage is also added to that item.
type Limiter struct {
	next llm.Completer
	sem  chan struct{}

	inFlight, peak                        atomic.Int64
	requests, cached, failures, attempts  atomic.Int64
	promptTokens, completionTokens, calls atomic.Int64
}

var _ llm.Completer = (*Limiter)(nil)

// Limit returns a Limiter allowing n requests in flight (at least one).
func Limit(next llm.Completer, n int) *Limiter {
	return &Limiter{next: next, sem: make(chan struct{}, max(n, 1))}
}

// LimiterStats counts what went through a Limiter.
type LimiterStats struct {
	// InFlight is the number of requests running now, Peak the most at
	// once so far, Limit the bound.
	InFlight, Peak, Limit int
	// Calls is every call; Requests those answered by the endpoint (not
	// the cache), Cached those answered from the cache, Failures those
	// that returned an error.
	Calls, Requests, Cached, Failures int
	// Attempts is the HTTP attempts of the requests, retries included.
	Attempts int
	// Usage is the tokens paid for: endpoint answers, good or not.
	Usage llm.Usage
}

// Stats returns the counts so far.
func (l *Limiter) Stats() LimiterStats {
	return LimiterStats{
		InFlight: int(l.inFlight.Load()), Peak: int(l.peak.Load()), Limit: cap(l.sem),
		Calls: int(l.calls.Load()), Requests: int(l.requests.Load()), Cached: int(l.cached.Load()),
		Failures: int(l.failures.Load()), Attempts: int(l.attempts.Load()),
		Usage: llm.Usage{PromptTokens: int(l.promptTokens.Load()), CompletionTokens: int(l.completionTokens.Load())},
	}
}

// Complete waits for a free slot (or the context's end), then calls the
// next Completer.
func (l *Limiter) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return llm.Response{}, ctx.Err()
	}
	n := l.inFlight.Add(1)
	for {
		p := l.peak.Load()
		if n <= p || l.peak.CompareAndSwap(p, n) {
			break
		}
	}
	resp, err := l.next.Complete(ctx, req)
	l.inFlight.Add(-1)
	<-l.sem

	c := charge(resp, err)
	l.calls.Add(1)
	if c.cached {
		l.cached.Add(1)
	} else if c.reached {
		l.requests.Add(1)
	}
	if err != nil {
		l.failures.Add(1)
	}
	l.attempts.Add(int64(c.attempts))
	l.promptTokens.Add(int64(c.usage.PromptTokens))
	l.completionTokens.Add(int64(c.usage.CompletionTokens))
	if m := meterFrom(ctx); m != nil {
		m.add(req.Model, c)
	}
	return resp, err
}

// charged is what one call cost.
type charged struct {
	usage    llm.Usage
	attempts int
	cached   bool
	reached  bool // the endpoint answered or was tried
}

// charge works out what a call cost: nothing for a cache hit; otherwise
// the usage of the answer, including an unusable one (it was paid for).
func charge(resp llm.Response, err error) charged {
	if err == nil && resp.Cached {
		return charged{cached: true}
	}
	c := charged{usage: resp.Usage, attempts: resp.Attempts, reached: true}
	var ae *llm.AnswerError
	if errors.As(err, &ae) && c.usage == (llm.Usage{}) {
		c.usage = ae.Response.Usage
		c.attempts = max(c.attempts, ae.Response.Attempts)
	}
	var api *llm.APIError
	if errors.As(err, &api) {
		c.attempts = max(c.attempts, api.Attempts)
	}
	var un *llm.UnreachableError
	if errors.As(err, &un) {
		c.attempts = max(c.attempts, un.Attempts)
	}
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) && c.attempts == 0 {
		c.reached = false
	}
	return c
}
