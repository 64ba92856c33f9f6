package retry

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestAttemptTimeoutIsRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done() // hang until the client gives up
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	d := newTestDoer(&fakeTime{})
	d.Policy.AttemptTimeout = 50 * time.Millisecond
	var errs []error
	d.OnRetry = func(ri RetryInfo) { errs = append(errs, ri.Err) }
	req, _ := http.NewRequest("GET", srv.URL, nil)
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "fine" || calls.Load() != 2 {
		t.Errorf("body %q after %d calls", b, calls.Load())
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrAttemptTimeout) {
		t.Errorf("retried for %v, want ErrAttemptTimeout", errs)
	}
}

func sse(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(200)
	w.(http.Flusher).Flush()
}

func TestStreamRetriedOnlyBeforeFirstByte(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		sse(w)
		if n == 1 {
			return // headers, then the end: no first byte
		}
		io.WriteString(w, "data: one\n\n")
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close() // cut after the first event
	}))
	defer srv.Close()
	d := newTestDoer(&fakeTime{})
	req, _ := http.NewRequest("POST", srv.URL, strings.NewReader("{}"))
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(b), "data: one") {
		t.Errorf("stream body %q", b)
	}
	if err == nil {
		t.Error("a stream cut mid-way read without error")
	}
	if calls.Load() != 2 {
		t.Errorf("%d calls, want 2: one empty stream retried, one cut stream not", calls.Load())
	}
}

func TestStreamIdleTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sse(w)
		for range 3 {
			io.WriteString(w, "data: x\n\n")
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond)
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	d := newTestDoer(&fakeTime{})
	d.Policy.AttemptTimeout = 100 * time.Millisecond
	req, _ := http.NewRequest("GET", srv.URL, nil)
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if !errors.Is(err, ErrAttemptTimeout) {
		t.Errorf("read error %v, want ErrAttemptTimeout", err)
	}
	if strings.Count(string(b), "data: x") != 3 {
		t.Errorf("stream body %q, want three events before the stall", b)
	}
}

func TestLargeBodyStreamsPastBuffer(t *testing.T) {
	big := strings.Repeat("0123456789", 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, big)
	}))
	defer srv.Close()
	d := newTestDoer(&fakeTime{})
	d.MaxBuffer = 100
	d.Policy.AttemptTimeout = time.Minute
	req, _ := http.NewRequest("GET", srv.URL, nil)
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || string(b) != big {
		t.Errorf("read %d bytes, err %v; want %d", len(b), err, len(big))
	}
}

// failing answers every request with one error.
type failing struct {
	err   error
	calls atomic.Int32
}

func (f *failing) Do(*http.Request) (*http.Response, error) {
	f.calls.Add(1)
	return nil, f.err
}

func TestTransportErrorClasses(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		retry bool
	}{
		{"reset", &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}, true},
		{"refused", &net.OpError{Op: "dial", Err: errors.New("connection refused")}, true},
		{"eof", io.EOF, true},
		{"unexpected eof", io.ErrUnexpectedEOF, true},
		{"dns timeout", &net.DNSError{Err: "timeout", IsTimeout: true}, true},
		{"dns not found", &net.DNSError{Err: "no such host", IsNotFound: true}, false},
		{"certificate", x509.UnknownAuthorityError{}, false},
		{"scheme", fmt.Errorf("unsupported protocol scheme %q", "ftp"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &failing{err: tt.err}
			d := newTestDoer(&fakeTime{})
			d.Client = f
			req, _ := http.NewRequest("GET", "http://example.invalid/", nil)
			_, err := d.Do(req)
			if !errors.Is(err, tt.err) && err.Error() != tt.err.Error() {
				t.Errorf("err %v, want %v", err, tt.err)
			}
			want := int32(1)
			if tt.retry {
				want = 3
			}
			if f.calls.Load() != want {
				t.Errorf("%d calls, want %d", f.calls.Load(), want)
			}
		})
	}
}

func TestConcurrentRequests(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if calls.Add(1)%3 == 0 {
			w.WriteHeader(503)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	ft := &fakeTime{}
	d := newTestDoer(ft)
	d.Policy.MaxRetries = 10
	var seen atomic.Int32
	d.OnResponse = func(*http.Response) { seen.Add(1) }
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			want := fmt.Sprintf("request %d", i)
			var rec Record
			req, _ := http.NewRequestWithContext(WithRecord(context.Background(), &rec), "POST", srv.URL, strings.NewReader(want))
			resp, err := d.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(b) != want || resp.StatusCode != 200 {
				t.Errorf("got %d %q, want %q", resp.StatusCode, b, want)
			}
		})
	}
	wg.Wait()
	if seen.Load() != calls.Load() {
		t.Errorf("OnResponse saw %d responses of %d", seen.Load(), calls.Load())
	}
}
