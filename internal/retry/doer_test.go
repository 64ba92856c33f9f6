package retry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// step is one scripted answer of the test server.
type step struct {
	status int
	header map[string]string
	body   string
	// reset closes the connection without any answer.
	reset bool
	// partialHeaders writes the start of a status line, then closes.
	partialHeaders bool
	// shortBody announces a longer body than it sends, then closes.
	shortBody bool
}

// script serves its steps in order, repeating the last one, and records
// the bodies it was sent.
type script struct {
	mu     sync.Mutex
	steps  []step
	n      int
	bodies []string
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	st := s.steps[min(s.n, len(s.steps)-1)]
	s.n++
	s.bodies = append(s.bodies, string(b))
	s.mu.Unlock()
	switch {
	case st.reset, st.partialHeaders:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		if st.partialHeaders {
			io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-")
		}
		conn.Close()
		return
	case st.shortBody:
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(200)
		io.WriteString(w, `{"partial":`)
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return
	}
	for k, v := range st.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(st.status)
	io.WriteString(w, st.body)
}

func (s *script) calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// fakeTime records the waits asked of it without waiting.
type fakeTime struct {
	mu     sync.Mutex
	now    time.Time
	delays []time.Duration
}

func (f *fakeTime) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delays = append(f.delays, d)
	f.now = f.now.Add(d)
	return ctx.Err()
}

func (f *fakeTime) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func newTestDoer(ft *fakeTime) *Doer {
	d := New(http.DefaultClient, DefaultPolicy())
	d.Sleep, d.Now = ft.Sleep, ft.Now
	d.Rand = func() float64 { return 0 }
	return d
}

func ok200() step { return step{status: 200, body: `{"ok":true}`} }

func TestDoRetries(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s := time.Second
	tests := []struct {
		name       string
		steps      []step
		wantStatus int // 0: a transport error
		wantCalls  int
		wantDelays []time.Duration
	}{
		{"success", []step{ok200()}, 200, 1, nil},
		{"500 then success", []step{{status: 500}, {status: 502}, ok200()}, 200, 3, []time.Duration{s / 2, s}},
		{"500 until spent", []step{{status: 500}}, 500, 3, []time.Duration{s / 2, s}},
		{"408", []step{{status: 408}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"409", []step{{status: 409}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"400 not retried", []step{{status: 400}}, 400, 1, nil},
		{"401 not retried", []step{{status: 401}}, 401, 1, nil},
		{"404 not retried", []step{{status: 404}}, 404, 1, nil},
		{"429 Retry-After", []step{{status: 429, header: map[string]string{"Retry-After": "3"}}, ok200()}, 200, 2, []time.Duration{3 * s}},
		{"retry-after-ms first", []step{{status: 429, header: map[string]string{"retry-after-ms": "1500", "Retry-After": "9"}}, ok200()}, 200, 2, []time.Duration{1500 * time.Millisecond}},
		{"Retry-After date", []step{{status: 503, header: map[string]string{"Retry-After": t0.Add(4 * s).Format(http.TimeFormat)}}, ok200()}, 200, 2, []time.Duration{4 * s}},
		{"Retry-After zero uses backoff", []step{{status: 429, header: map[string]string{"Retry-After": "0"}}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"Retry-After too long", []step{{status: 429, header: map[string]string{"Retry-After": "120"}}}, 429, 1, nil},
		{"x-should-retry true", []step{{status: 400, header: map[string]string{"x-should-retry": "true"}}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"x-should-retry false", []step{{status: 503, header: map[string]string{"x-should-retry": "false"}}}, 503, 1, nil},
		{"x-should-retry ignored on success", []step{{status: 200, header: map[string]string{"x-should-retry": "true"}}}, 200, 1, nil},
		{"connection reset", []step{{reset: true}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"EOF in headers", []step{{partialHeaders: true}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"truncated body", []step{{shortBody: true}, ok200()}, 200, 2, []time.Duration{s / 2}},
		{"reset until spent", []step{{reset: true}}, 0, 3, []time.Duration{s / 2, s}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := &script{steps: tt.steps}
			srv := httptest.NewServer(sc)
			defer srv.Close()
			ft := &fakeTime{now: t0}
			d := newTestDoer(ft)
			var infos []RetryInfo
			d.OnRetry = func(ri RetryInfo) { infos = append(infos, ri) }
			var rec Record
			req, _ := http.NewRequestWithContext(WithRecord(context.Background(), &rec), "POST", srv.URL+"/v1/x?api-version=1", strings.NewReader(`{"a":1}`))
			resp, err := d.Do(req)
			if tt.wantStatus == 0 {
				if err == nil {
					t.Fatalf("got HTTP %d, want a transport error", resp.StatusCode)
				}
				if rec.Err == nil || rec.StatusCode != 0 {
					t.Errorf("record %+v, want the transport error", rec)
				}
			} else {
				if err != nil {
					t.Fatalf("Do: %v", err)
				}
				io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != tt.wantStatus || rec.StatusCode != tt.wantStatus {
					t.Errorf("status %d, record %d; want %d", resp.StatusCode, rec.StatusCode, tt.wantStatus)
				}
			}
			if got := sc.calls(); got != tt.wantCalls || rec.Attempts != tt.wantCalls {
				t.Errorf("server saw %d calls, record %d attempts; want %d", got, rec.Attempts, tt.wantCalls)
			}
			if fmt.Sprint(ft.delays) != fmt.Sprint(tt.wantDelays) {
				t.Errorf("waits %v, want %v", ft.delays, tt.wantDelays)
			}
			if len(infos) != len(tt.wantDelays) {
				t.Fatalf("OnRetry called %d times, want %d", len(infos), len(tt.wantDelays))
			}
			for i, ri := range infos {
				if ri.Attempt != i+1 || ri.Delay != tt.wantDelays[i] || strings.Contains(ri.URL, "api-version") {
					t.Errorf("retry info %d: %+v", i, ri)
				}
			}
			for i, b := range sc.bodies {
				if b != `{"a":1}` {
					t.Errorf("attempt %d sent body %q", i+1, b)
				}
			}
		})
	}
}

// onlyReader hides every method but Read, so that http.NewRequest cannot
// set GetBody.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestDoReplaysBodyWithoutGetBody(t *testing.T) {
	sc := &script{steps: []step{{status: 500}, {status: 500}, ok200()}}
	srv := httptest.NewServer(sc)
	defer srv.Close()
	d := newTestDoer(&fakeTime{})
	req, _ := http.NewRequest("POST", srv.URL, onlyReader{strings.NewReader("payload")})
	if req.GetBody != nil {
		t.Fatal("test needs a request without GetBody")
	}
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if fmt.Sprint(sc.bodies) != "[payload payload payload]" {
		t.Errorf("bodies %q", sc.bodies)
	}
}

func TestDoGivesUpBeforeDeadline(t *testing.T) {
	sc := &script{steps: []step{{status: 429, header: map[string]string{"Retry-After": "30", "x-ratelimit-remaining-requests": "0"}, body: `{"error":{}}`}}}
	srv := httptest.NewServer(sc)
	defer srv.Close()
	d := New(http.DefaultClient, DefaultPolicy())
	d.Sleep = func(ctx context.Context, d time.Duration) error {
		t.Errorf("waited %v although the deadline comes first", d)
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var rec Record
	req, _ := http.NewRequestWithContext(WithRecord(ctx, &rec), "GET", srv.URL, nil)
	resp, err := d.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 429 || string(body) != `{"error":{}}` {
		t.Errorf("got %d %q, want the 429 answer itself", resp.StatusCode, body)
	}
	if rec.Attempts != 1 || rec.RetryAfter != 30*time.Second || rec.Header.Get("x-ratelimit-remaining-requests") != "0" {
		t.Errorf("record %+v", rec)
	}
}

func TestDoStopsWhenContextEndsDuringWait(t *testing.T) {
	sc := &script{steps: []step{{status: 503}}}
	srv := httptest.NewServer(sc)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	d := New(http.DefaultClient, Policy{MaxRetries: 5, BaseDelay: time.Hour})
	d.Sleep = func(c context.Context, delay time.Duration) error {
		cancel()
		return Sleep(c, delay)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	_, err := d.Do(req)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if sc.calls() != 1 {
		t.Errorf("%d calls after cancel, want 1", sc.calls())
	}
}

func TestSleepEndsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, 24*time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep = %v, want context.Canceled", err)
	}
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatalf("Sleep = %v", err)
	}
}

func TestDoMaxRetriesFromContext(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 4} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			sc := &script{steps: []step{{status: 500}}}
			srv := httptest.NewServer(sc)
			defer srv.Close()
			d := newTestDoer(&fakeTime{})
			req, _ := http.NewRequestWithContext(WithMaxRetries(context.Background(), n), "GET", srv.URL, nil)
			resp, err := d.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if want := max(n, 0) + 1; sc.calls() != want {
				t.Errorf("%d calls, want %d", sc.calls(), want)
			}
		})
	}
}

func TestDoRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	ft := &fakeTime{}
	d := newTestDoer(ft)
	var rec Record
	req, _ := http.NewRequestWithContext(WithRecord(context.Background(), &rec), "GET", url, nil)
	if _, err := d.Do(req); err == nil {
		t.Fatal("no error from a closed server")
	}
	if rec.Attempts != 3 || rec.Err == nil || len(ft.delays) != 2 {
		t.Errorf("record %+v, waits %v", rec, ft.delays)
	}
}

func TestPermanentVeto(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		calls int
	}{
		{"quota", `{"error":{"code":"insufficient_quota"}}`, 1},
		{"rate", `{"error":{"code":"rate_limit_exceeded"}}`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := &script{steps: []step{{status: 429, body: tt.body}}}
			srv := httptest.NewServer(sc)
			defer srv.Close()
			d := newTestDoer(&fakeTime{})
			d.Permanent = func(resp *http.Response, body []byte) bool {
				return strings.Contains(string(body), "insufficient_quota")
			}
			req, _ := http.NewRequest("GET", srv.URL, nil)
			resp, err := d.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(b) != tt.body || sc.calls() != tt.calls {
				t.Errorf("body %q after %d calls, want %d", b, sc.calls(), tt.calls)
			}
		})
	}
}
