package retry

import (
	"context"
	"net/http"
	"time"
)

// Record is what the doer saw while serving one request. Place it in the
// request context with WithRecord before the request is sent; read it
// after Do returns. The doer writes it only from inside Do.
type Record struct {
	// Attempts is the number of attempts made.
	Attempts int
	// StatusCode is the HTTP status of the last response, zero when the
	// last attempt got none.
	StatusCode int
	// Header holds the headers of the last response, nil when the last
	// attempt got none.
	Header http.Header
	// RetryAfter is the wait the last response asked for, zero if none.
	RetryAfter time.Duration
	// Err is the transport error of the last attempt, nil when it got a
	// response.
	Err error
}

type recordKey struct{}

// WithRecord returns a context that makes the doer fill rec.
func WithRecord(ctx context.Context, rec *Record) context.Context {
	return context.WithValue(ctx, recordKey{}, rec)
}

// RecordFrom returns the record placed in ctx by WithRecord, or nil.
func RecordFrom(ctx context.Context) *Record {
	rec, _ := ctx.Value(recordKey{}).(*Record)
	return rec
}

type maxRetriesKey struct{}

// WithMaxRetries returns a context that makes the doer retry a request at
// most n times, whatever its policy says; n <= 0 means no retry. Use it
// for probes that should fail fast.
func WithMaxRetries(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, maxRetriesKey{}, max(n, 0))
}

func maxRetriesFrom(ctx context.Context, def int) int {
	if n, ok := ctx.Value(maxRetriesKey{}).(int); ok {
		return n
	}
	return max(def, 0)
}

// RetryInfo describes one failed attempt that is about to be retried.
type RetryInfo struct {
	// Method and URL name the request; the URL carries no user
	// information and no query.
	Method, URL string
	// Attempt is the number of the attempt that failed, from 1.
	Attempt int
	// StatusCode is the HTTP status of the failed attempt, zero if it got
	// no response.
	StatusCode int
	// Err is the transport error of the failed attempt, if any.
	Err error
	// Delay is the wait before the next attempt.
	Delay time.Duration
	// ServerDelay reports that the delay came from the server's
	// retry-after-ms or Retry-After header.
	ServerDelay bool
}
