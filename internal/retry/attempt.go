package retry

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// ErrAttemptTimeout marks an attempt that ran past Policy.AttemptTimeout.
var ErrAttemptTimeout = errors.New("attempt timed out")

// errEmptyStream marks an event stream that ended before its first byte.
var errEmptyStream = errors.New("event stream closed before any data")

// attempt sends r once and reads the response body in as the doer's
// description says.
func (d *Doer) attempt(r *http.Request) (*http.Response, error) {
	parent := r.Context()
	w := startWatch(parent, d.Policy.AttemptTimeout)
	if w != nil {
		r = r.WithContext(w.ctx)
	}
	client := d.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(r)
	if err != nil {
		return nil, w.fail(parent, err)
	}
	if d.OnResponse != nil {
		d.OnResponse(resp)
	}
	if isEventStream(resp.Header) && resp.StatusCode < 300 {
		br := bufio.NewReader(resp.Body)
		if _, err := br.Peek(1); err != nil {
			resp.Body.Close()
			if err == io.EOF {
				err = errEmptyStream
			}
			return nil, w.fail(parent, err)
		}
		w.touch()
		resp.Body = &watchedBody{r: br, c: resp.Body, w: w}
		return resp, nil
	}
	limit := d.MaxBuffer
	if limit <= 0 {
		limit = DefaultMaxBuffer
	}
	buf, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		resp.Body.Close()
		return nil, w.fail(parent, fmt.Errorf("read response body: %w", err))
	}
	if int64(len(buf)) > limit {
		w.touch()
		rest := io.MultiReader(bytes.NewReader(buf), resp.Body)
		resp.Body = &watchedBody{r: rest, c: resp.Body, w: w}
		return resp, nil
	}
	resp.Body.Close()
	w.stop()
	resp.Body = &bufferedBody{Reader: bytes.NewReader(buf), b: buf}
	return resp, nil
}

// bufferedBody is a response body read in whole within the attempt.
type bufferedBody struct {
	*bytes.Reader
	b []byte
}

func (*bufferedBody) Close() error { return nil }

// bodyBytes returns the whole body of a response the doer read in, or nil.
func bodyBytes(resp *http.Response) []byte {
	if b, ok := resp.Body.(*bufferedBody); ok {
		return b.b
	}
	return nil
}

func isEventStream(h http.Header) bool {
	mt, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	return err == nil && mt == "text/event-stream"
}

// retryableError reports whether a transport error may go away on a new
// attempt. Everything is retried but a name that does not resolve, a
// certificate that does not verify and a URL the client cannot use.
func retryableError(err error) bool {
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false
	}
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	if errors.As(err, &verify) || errors.As(err, &unknown) ||
		errors.As(err, &hostname) || errors.As(err, &invalid) {
		return false
	}
	return !strings.Contains(err.Error(), "unsupported protocol scheme")
}

// watch bounds one attempt. Until the body is handed over it is a plain
// timeout; afterwards each read restarts it, so that it bounds the wait
// for more data.
type watch struct {
	ctx     context.Context
	cancel  context.CancelCauseFunc
	timeout time.Duration
	timer   *time.Timer
	mu      sync.Mutex
	fired   bool
}

func startWatch(parent context.Context, timeout time.Duration) *watch {
	if timeout <= 0 {
		return nil
	}
	ctx, cancel := context.WithCancelCause(parent)
	w := &watch{ctx: ctx, cancel: cancel, timeout: timeout}
	w.timer = time.AfterFunc(timeout, func() {
		w.mu.Lock()
		w.fired = true
		w.mu.Unlock()
		cancel(ErrAttemptTimeout)
	})
	return w
}

// touch restarts the timeout, unless it already fired.
func (w *watch) touch() {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.fired {
		w.timer.Reset(w.timeout)
	}
}

func (w *watch) stop() {
	if w == nil {
		return
	}
	w.timer.Stop()
	w.cancel(context.Canceled)
}

func (w *watch) timedOut() bool {
	if w == nil {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fired
}

// fail ends the attempt and names its error: the caller's context error
// is kept as is, an expired attempt becomes ErrAttemptTimeout.
func (w *watch) fail(parent context.Context, err error) error {
	timedOut := w.timedOut()
	w.stop()
	if parent.Err() == nil && timedOut {
		return fmt.Errorf("%w after %v", ErrAttemptTimeout, w.timeout)
	}
	return err
}

// watchedBody is a response body whose reads restart the attempt timeout
// and whose Close releases it.
type watchedBody struct {
	r    io.Reader
	c    io.Closer
	w    *watch
	once sync.Once
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if n > 0 {
		b.w.touch()
	}
	if err != nil && err != io.EOF && b.w.timedOut() {
		err = fmt.Errorf("%w after %v: %w", ErrAttemptTimeout, b.w.timeout, err)
	}
	return n, err
}

func (b *watchedBody) Close() error {
	err := b.c.Close()
	b.once.Do(b.w.stop)
	return err
}
