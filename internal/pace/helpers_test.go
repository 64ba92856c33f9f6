package pace

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/openai"
)

// fake is a Completer that answers after a latency, recording when each
// request arrived and how many were in flight at most.
type fake struct {
	latency time.Duration
	answer  func(n int, req llm.Request) (llm.Response, error) // nil: a good answer

	mu       sync.Mutex
	calls    int
	inFlight int
	peak     int
	sends    []send
}

// send is one request as the endpoint saw it.
type send struct {
	at    time.Time
	units int64
}

func (f *fake) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	f.mu.Lock()
	f.calls++
	n := f.calls
	f.inFlight++
	f.peak = max(f.peak, f.inFlight)
	f.sends = append(f.sends, send{at: time.Now(), units: int64(req.MaxTokens) + int64(roughTokens(req))})
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	if err := sleep(ctx, f.latency); err != nil {
		return llm.Response{}, err
	}
	if f.answer != nil {
		return f.answer(n, req)
	}
	return llm.Response{Content: "ok", FinishReason: llm.FinishStop, Attempts: 1}, nil
}

func (f *fake) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fake) recorded() []send {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]send(nil), f.sends...)
}

// maxInWindow is the slow, obvious check of a rate limit: the most units
// sent within any span [t, t+window) that starts at a send.
func maxInWindow(sends []send, window time.Duration) int64 {
	s := append([]send(nil), sends...)
	sort.Slice(s, func(i, j int) bool { return s[i].at.Before(s[j].at) })
	var most int64
	for i := range s {
		var sum int64
		for j := i; j < len(s) && s[j].at.Sub(s[i].at) < window; j++ {
			sum += s[j].units
		}
		most = max(most, sum)
	}
	return most
}

// ones returns the sends counted as one unit each.
func ones(sends []send) []send {
	out := make([]send, len(sends))
	for i, s := range sends {
		out[i] = send{at: s.at, units: 1}
	}
	return out
}

// request returns a small valid chat request.
func request(i int) llm.Request {
	return llm.Request{Model: "gpt-4o-mini", Messages: []llm.Message{
		{Role: llm.User, Content: fmt.Sprintf("Say hello to reader %d.", i)},
	}}
}

// runAll sends n requests through c from jobs goroutines and returns the
// errors, in request order.
func runAll(ctx context.Context, c llm.Completer, n, jobs int, req func(int) llm.Request) []error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				_, errs[i] = c.Complete(ctx, req(i))
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errs
}

// firstError returns the first non-nil error and how many there were.
func firstError(errs []error) (error, int) {
	var first error
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
			if first == nil {
				first = err
			}
		}
	}
	return first, n
}

// handlerTransport serves HTTP requests with a handler in memory, so
// that the mock endpoint runs inside a synctest bubble.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	resp := rec.Result()
	resp.Request = r
	return resp, nil
}

// wire builds an endpoint client for base (with an optional in-memory
// transport) whose hooks feed p, the way the command wires them.
func wire(t testing.TB, base string, rt http.RoundTripper, p **Pacer) *openai.Client {
	t.Helper()
	cfg := openai.Config{
		BaseURL: base,
		APIKey:  "sk-test",
		Model:   "gpt-4o-mini",
		OnRetry: func(ri openai.RetryInfo) {
			if ri.StatusCode == http.StatusTooManyRequests {
				(*p).Observe429(ri.Delay)
			}
		},
		OnRateLimit: func(l openai.Limits) {
			(*p).ObserveLimits(Quota(l.Requests), Quota(l.Tokens))
		},
	}
	if rt != nil {
		cfg.HTTPClient = &http.Client{Transport: rt}
	}
	c, err := openai.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// chatRecords returns the chat requests the mock answered and the number
// it refused with 429.
func chatRecords(s *mock.Server) (sends []send, limited int) {
	for _, r := range s.Requests() {
		if !strings.HasSuffix(r.Path, "/chat/completions") {
			continue
		}
		if r.Status == http.StatusTooManyRequests {
			limited++
			continue
		}
		sends = append(sends, send{at: r.Time, units: 1})
	}
	return sends, limited
}

// sleep waits for d or the end of ctx, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
