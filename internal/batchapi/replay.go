package batchapi

import (
	"context"
	"errors"
	"sync"

	"github.com/juru-cli/juru/internal/llm"
)

// PendingError is returned for a first request that has no answer in the
// batch results: it is waiting in a batch, failed there, or was never
// sent. It is not sent live; submit the batch again instead.
type PendingError struct {
	// Key is the request's key.
	Key string
	// Reason says why there is no answer.
	Reason string
}

func (e *PendingError) Error() string {
	if e.Reason == "" {
		return "no batch answer yet"
	}
	return "no batch answer: " + e.Reason
}

// ErrNoLive is returned for a request that needs the live endpoint when
// the Replay has none.
var ErrNoLive = errors.New("this request needs the live endpoint, and none is configured")

type firstKey struct{}

// WithFirstRequests returns a context that marks the keys of an item's
// first requests, so that Replay never sends them live.
func WithFirstRequests(ctx context.Context, keys []string) context.Context {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[ShortKey(k)] = true
	}
	return context.WithValue(ctx, firstKey{}, set)
}

func isFirst(ctx context.Context, key string) bool {
	set, _ := ctx.Value(firstKey{}).(map[string]bool)
	return set[ShortKey(key)]
}

// ReplayStats counts what a Replay answered.
type ReplayStats struct {
	// Replayed requests were answered from batch results, with
	// BatchUsage; Live ones went to the endpoint, with LiveUsage;
	// Pending ones were first requests without an answer.
	Replayed, Live, Pending int
	BatchUsage, LiveUsage   llm.Usage
}

// Replay is an llm.Completer that answers requests from batch results
// and sends the others (repairs, halves of cut-off chunks) to a live
// endpoint; first requests without a result fail with *PendingError.
// It is safe for concurrent use.
type Replay struct {
	answers *Answers
	live    llm.Completer

	mu    sync.Mutex
	stats ReplayStats
}

var _ llm.Completer = (*Replay)(nil)

// NewReplay answers from answers and sends other requests to live,
// which may be nil.
func NewReplay(answers *Answers, live llm.Completer) *Replay {
	return &Replay{answers: answers, live: live}
}

// Stats returns the counts so far.
func (r *Replay) Stats() ReplayStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// Complete answers req from the batch results when they hold its key.
func (r *Replay) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	key := Key(req)
	if res, ok := r.answers.Lookup(key); ok {
		r.mu.Lock()
		r.stats.Replayed++
		r.stats.BatchUsage = r.stats.BatchUsage.Add(res.Response.Usage)
		r.mu.Unlock()
		if req.Stream != nil && res.Err == nil {
			req.Stream(res.Response.Content)
		}
		return res.Response, res.Err
	}
	if isFirst(ctx, key) {
		r.mu.Lock()
		r.stats.Pending++
		r.mu.Unlock()
		why, _ := r.answers.Failure(key)
		return llm.Response{}, &PendingError{Key: key, Reason: why}
	}
	if r.live == nil {
		return llm.Response{}, ErrNoLive
	}
	resp, err := r.live.Complete(ctx, req)
	u := resp.Usage
	var ae *llm.AnswerError
	if errors.As(err, &ae) && u == (llm.Usage{}) {
		u = ae.Response.Usage
	}
	r.mu.Lock()
	r.stats.Live++
	r.stats.LiveUsage = r.stats.LiveUsage.Add(u)
	r.mu.Unlock()
	return resp, err
}
