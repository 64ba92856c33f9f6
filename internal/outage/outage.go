// Package outage lets a long run ride out a short outage of its endpoint:
// a server restarting, a proxy redeploying, a laptop's network coming
// back. A request that finds the endpoint unreachable once the client's
// own retries are spent is tried again, with growing waits, for up to a
// grace period, but only once the endpoint has answered in this run: an
// endpoint that was never reached (a wrong address, a server not
// started) still fails at once, so that a misconfiguration is reported
// without delay.
package outage

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/retry"
)

// Defaults of Options.
const (
	DefaultGrace     = 2 * time.Minute
	DefaultFirstWait = time.Second
	DefaultMaxWait   = 15 * time.Second
)

// Options tune a Rider; zero values mean the defaults.
type Options struct {
	// Grace is how long after a request first found the endpoint
	// unreachable it is tried again; a negative value turns riding out
	// off.
	Grace time.Duration
	// FirstWait is the wait before the first new try; it doubles up to
	// MaxWait.
	FirstWait, MaxWait time.Duration
	// OnWait, when set, is told of each wait (for --verbose).
	OnWait func(wait time.Duration, err error)
}

// Rider is an llm.Completer that rides out short outages of the next one.
type Rider struct {
	next     llm.Completer
	opts     Options
	answered atomic.Bool
	// sleep waits for d or the context's end; it reports whether the
	// whole wait passed. Tests replace it.
	sleep func(ctx context.Context, d time.Duration) bool
	now   func() time.Time
}

var _ llm.Completer = (*Rider)(nil)

// New returns a Rider in front of next.
func New(next llm.Completer, opts Options) *Rider {
	if opts.Grace == 0 {
		opts.Grace = DefaultGrace
	}
	if opts.FirstWait <= 0 {
		opts.FirstWait = DefaultFirstWait
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = DefaultMaxWait
	}
	return &Rider{next: next, opts: opts, sleep: sleep, now: time.Now}
}

// Complete calls the next Completer, and again after waits while the
// endpoint, which answered before, is unreachable and the grace period
// lasts.
func (r *Rider) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	var until time.Time
	wait := r.opts.FirstWait
	for {
		resp, err := r.next.Complete(ctx, req)
		if !unreachable(err) {
			if reached(err) {
				r.answered.Store(true)
			}
			return resp, err
		}
		if r.opts.Grace < 0 || !r.answered.Load() || ctx.Err() != nil {
			return resp, err
		}
		now := r.now()
		if until.IsZero() {
			until = now.Add(r.opts.Grace)
		}
		if now.Add(wait).After(until) {
			return resp, err
		}
		if r.opts.OnWait != nil {
			r.opts.OnWait(wait, err)
		}
		if !r.sleep(ctx, wait) {
			return resp, err
		}
		wait = min(2*wait, r.opts.MaxWait)
	}
}

// unreachable reports an endpoint that could not be reached at all, the
// client's retries spent: no connection, or none that answered in time.
func unreachable(err error) bool {
	var un *llm.UnreachableError
	return errors.As(err, &un) && llm.IsFatal(err)
}

// reached reports whether the endpoint answered a call that ended with
// err: success, or an error the endpoint itself gave.
func reached(err error) bool {
	if err == nil {
		return true
	}
	var api *llm.APIError
	var ans *llm.AnswerError
	return errors.As(err, &api) || errors.As(err, &ans)
}

// sleep waits for d or the context's end, and reports whether the whole
// wait passed.
func sleep(ctx context.Context, d time.Duration) bool { return retry.Sleep(ctx, d) == nil }
