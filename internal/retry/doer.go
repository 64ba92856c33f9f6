package retry

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"time"
)

// HTTPDoer sends one HTTP request; *http.Client is one.
type HTTPDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

// DefaultMaxBuffer is how much of a response body the doer reads in
// before handing the response back (see Doer.MaxBuffer).
const DefaultMaxBuffer = 32 << 20

// Doer sends requests through Client and retries them according to
// Policy. It is safe for concurrent use once configured; do not change
// its fields while requests are in flight.
//
// Except for successful event streams (Content-Type text/event-stream),
// the doer reads the response body within the attempt, so that a
// connection reset or timeout while reading is retried like any other.
// For an event stream it waits for the first byte of the body: a stream
// that fails before it is retried, a stream that fails later is not.
type Doer struct {
	// Client sends each attempt; nil means http.DefaultClient.
	Client HTTPDoer
	// Policy says when and how long to wait.
	Policy Policy
	// OnRetry, if set, is called before each wait for a retry.
	OnRetry func(RetryInfo)
	// OnResponse, if set, is called with every response received, retried
	// or not, before its body is read; it must not read or close the body.
	OnResponse func(*http.Response)
	// Permanent, if set, sees each error response the policy would retry,
	// with its body (nil for a stream or a body past MaxBuffer), and may
	// declare it final, such as an exhausted quota behind a 429. It must
	// not read or close the response body.
	Permanent func(resp *http.Response, body []byte) bool
	// Sleep waits for d or until ctx is done, returning ctx's error in
	// that case; nil means a timer and a select on ctx.Done().
	Sleep func(ctx context.Context, d time.Duration) error
	// Now tells the time, for Retry-After dates and context deadlines;
	// nil means time.Now.
	Now func() time.Time
	// Rand returns a number in [0, 1) for the jitter; nil means
	// math/rand/v2's Float64.
	Rand func() float64
	// MaxBuffer is the most of a body read within the attempt; the rest,
	// if any, streams afterwards. Zero means DefaultMaxBuffer.
	MaxBuffer int64
}

// New returns a doer with client and policy and the default hooks.
func New(client HTTPDoer, p Policy) *Doer {
	return &Doer{Client: client, Policy: p}
}

// Do sends req, retrying as the policy says. It returns the last response
// or the last transport error. A response is returned, unread, when it
// should not be retried, when the retries are spent, or when the next
// wait would pass the deadline of the request context. When the context
// ends during a wait, Do returns the context's error.
func (d *Doer) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	rec := RecordFrom(ctx)
	if rec == nil {
		rec = &Record{}
	}
	getBody, err := replayable(req)
	if err != nil {
		return nil, err
	}
	retries := maxRetriesFrom(ctx, d.Policy.MaxRetries)
	for n := 0; ; n++ {
		r := req.Clone(ctx)
		if n > 0 || req.GetBody == nil {
			if r.Body, err = getBody(); err != nil {
				return nil, fmt.Errorf("replay request body: %w", err)
			}
		}
		r.GetBody = getBody
		resp, err := d.attempt(r)
		rec.Attempts++
		rec.Err = err
		rec.StatusCode, rec.Header, rec.RetryAfter = 0, nil, 0
		if resp != nil {
			rec.StatusCode, rec.Header = resp.StatusCode, resp.Header
			rec.RetryAfter, _ = RetryAfter(resp.Header, d.now())
		}
		if ctx.Err() != nil {
			closeBody(resp)
			if err == nil {
				err = ctx.Err()
			}
			rec.Err = err
			return nil, err
		}
		again, delay, server := d.decide(resp, err, n)
		if !again || n >= retries || d.pastDeadline(ctx, delay) {
			return resp, err
		}
		if d.OnRetry != nil {
			d.OnRetry(RetryInfo{
				Method: req.Method, URL: safeURL(req.URL), Attempt: n + 1,
				StatusCode: rec.StatusCode, Err: err, Delay: delay, ServerDelay: server,
			})
		}
		closeBody(resp)
		if err := d.sleep(ctx, delay); err != nil {
			rec.Err = err
			return nil, err
		}
	}
}

// decide says whether the outcome of retry number n (0 for the first
// attempt) deserves another attempt, after what wait, and whether that
// wait came from the server.
func (d *Doer) decide(resp *http.Response, err error, n int) (bool, time.Duration, bool) {
	if err != nil {
		return retryableError(err), d.backoff(n), false
	}
	if resp.StatusCode < 400 || !ShouldRetry(resp) {
		return false, 0, false
	}
	if d.Permanent != nil && d.Permanent(resp, bodyBytes(resp)) {
		return false, 0, false
	}
	if wait, ok := RetryAfter(resp.Header, d.now()); ok && wait > 0 {
		if wait > d.Policy.maxRetryAfter() {
			return false, 0, false
		}
		return true, wait, true
	}
	return true, d.backoff(n), false
}

func (d *Doer) backoff(n int) time.Duration {
	r := rand.Float64
	if d.Rand != nil {
		r = d.Rand
	}
	return d.Policy.Backoff(n, r())
}

// pastDeadline reports whether waiting delay would reach the deadline of
// ctx, so that the next attempt could not even start.
func (d *Doer) pastDeadline(ctx context.Context, delay time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && !d.now().Add(delay).Before(dl)
}

func (d *Doer) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Doer) sleep(ctx context.Context, delay time.Duration) error {
	if d.Sleep != nil {
		return d.Sleep(ctx, delay)
	}
	return Sleep(ctx, delay)
}

// Sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx's error in the second case.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// replayable returns a function that yields the request body afresh for
// each attempt, reading the body into memory when the request has no
// GetBody. It does not change req.
func replayable(req *http.Request) (func() (io.ReadCloser, error), error) {
	if req.Body == nil || req.Body == http.NoBody {
		return func() (io.ReadCloser, error) { return http.NoBody, nil }, nil
	}
	if req.GetBody != nil {
		return req.GetBody, nil
	}
	b, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	return func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	}, nil
}

func closeBody(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}
}

// safeURL renders u without user information, query or fragment.
func safeURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	v := *u
	v.User, v.RawQuery, v.ForceQuery, v.Fragment, v.RawFragment = nil, "", false, "", ""
	return v.String()
}
