package pace

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/run"
)

// Times in these tests are the fake clock of a synctest bubble.

func TestNoLimitsOnlyConcurrency(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := &fake{latency: 200 * time.Millisecond}
		p := New(f, Options{MaxConcurrency: 16})
		start := time.Now()
		errs := runAll(t.Context(), p, 400, 32, request)
		if err, n := firstError(errs); err != nil {
			t.Fatalf("%d requests failed, first: %v", n, err)
		}
		if took, ideal := time.Since(start), 400*200*time.Millisecond/16; took != ideal {
			t.Errorf("400 requests of 200ms, 16 at a time, took %v, want %v", took, ideal)
		}
		if f.peak != 16 {
			t.Errorf("at most %d requests in flight, want 16", f.peak)
		}
		s := p.Stats()
		if s.Throttled != 0 || s.RPM != 0 || s.TPM != 0 || s.Limit != 16 || s.InFlight != 0 {
			t.Errorf("stats %+v: want no throttling, no limits, limit 16, none in flight", s)
		}
	})
}

// In the command's chain the outer run.Limit bounds calls at --jobs and
// the pacer's own limit, at most that, bounds what reaches the endpoint.
func TestUnderRunLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := &fake{latency: 200 * time.Millisecond}
		p := New(f, Options{MaxConcurrency: 16, GrowAfter: 1000})
		lim := run.Limit(p, 16)
		start := time.Now()
		if err, n := firstError(runAll(t.Context(), lim, 400, 64, request)); err != nil {
			t.Fatalf("%d requests failed, first: %v", n, err)
		}
		if took := time.Since(start); took != 5*time.Second {
			t.Errorf("took %v, want 5s", took)
		}
		// A 429 halves the pacer's limit under the outer one.
		p.Observe429(time.Second)
		time.Sleep(time.Second)
		f.mu.Lock()
		f.peak = 0
		f.mu.Unlock()
		if err, n := firstError(runAll(t.Context(), lim, 64, 64, request)); err != nil {
			t.Fatalf("%d requests failed, first: %v", n, err)
		}
		if ls := lim.Stats(); f.peak > 8 || ls.Peak != 16 || ls.Requests != 464 {
			t.Errorf("%d in flight at the endpoint, want 8 at most; outer limiter %+v", f.peak, ls)
		}
	})
}

func TestLimitsSetByHand(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		n, jobs  int
		latency  time.Duration
		maxToken int // answer cap, so that token counts vary
	}{
		{name: "requests per minute", opts: Options{MaxConcurrency: 8, RPM: 120}, n: 400, jobs: 8, latency: 300 * time.Millisecond},
		{name: "requests per second", opts: Options{MaxConcurrency: 4, RPM: 10, Window: time.Second}, n: 60, jobs: 6, latency: 50 * time.Millisecond},
		{name: "tokens per minute", opts: Options{MaxConcurrency: 16, TPM: 60000}, n: 300, jobs: 16, latency: time.Second, maxToken: 300},
		{name: "both", opts: Options{MaxConcurrency: 16, RPM: 300, TPM: 40000}, n: 500, jobs: 20, latency: 2 * time.Second, maxToken: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				rng := rand.New(rand.NewPCG(7, uint64(tt.n)))
				caps := make([]int, tt.n)
				for i := range caps {
					if tt.maxToken > 0 {
						caps[i] = 1 + rng.IntN(tt.maxToken)
					}
				}
				f := &fake{latency: tt.latency}
				p := New(f, tt.opts)
				errs := runAll(t.Context(), p, tt.n, tt.jobs, func(i int) llm.Request {
					r := request(i)
					r.MaxTokens = caps[i]
					return r
				})
				if err, n := firstError(errs); err != nil {
					t.Fatalf("%d requests failed, first: %v", n, err)
				}
				window := p.opts.Window
				sends := f.recorded()
				if tt.opts.RPM > 0 {
					if got := maxInWindow(ones(sends), window); got > tt.opts.RPM {
						t.Errorf("%d requests within %v, limit %d", got, window, tt.opts.RPM)
					}
				}
				if tt.opts.TPM > 0 {
					// Every request is within the burst, so the limit holds.
					if got := maxInWindow(sends, window); got > tt.opts.TPM {
						t.Errorf("%d tokens within %v, limit %d", got, window, tt.opts.TPM)
					}
				}
				if f.peak > tt.opts.MaxConcurrency {
					t.Errorf("%d in flight, limit %d", f.peak, tt.opts.MaxConcurrency)
				}
				s := p.Stats()
				if s.Throttled == 0 || s.RPM != tt.opts.RPM || s.TPM != tt.opts.TPM || s.RPMLearned || s.TPMLearned {
					t.Errorf("stats %+v: want throttled requests and the limits set by hand", s)
				}
			})
		})
	}
}

func TestTokensCorrectedByUsage(t *testing.T) {
	// The estimate is a tenth of what the endpoint counts; the usage
	// it reports puts the difference on later requests.
	synctest.Test(t, func(t *testing.T) {
		const tpm = 30000
		var mu sync.Mutex
		var counted []send
		next := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
			mu.Lock()
			counted = append(counted, send{at: time.Now(), units: 400})
			mu.Unlock()
			return llm.Response{Content: "ok", Attempts: 1, Usage: llm.Usage{PromptTokens: 300, CompletionTokens: 100}}, nil
		})
		p := New(next, Options{MaxConcurrency: 1, TPM: tpm, PromptTokens: func(llm.Request) int { return 20 }, OutputRatio: 1})
		errs := runAll(t.Context(), p, 300, 1, request)
		if err, _ := firstError(errs); err != nil {
			t.Fatal(err)
		}
		// One request may pass before its usage is known.
		if got := maxInWindow(counted, time.Minute); got > tpm+400 {
			t.Errorf("%d tokens within a minute, limit %d", got, tpm)
		}
	})
}

func TestBackOffOn429(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const retryAfter = 3 * time.Second
		var mu sync.Mutex
		var refused time.Time
		var sends []time.Time
		f := &fake{latency: 100 * time.Millisecond, answer: func(n int, req llm.Request) (llm.Response, error) {
			if n == 40 {
				mu.Lock()
				refused = time.Now()
				mu.Unlock()
				return llm.Response{}, &llm.APIError{StatusCode: http.StatusTooManyRequests, RetryAfter: retryAfter, Attempts: 3}
			}
			mu.Lock()
			sends = append(sends, time.Now())
			mu.Unlock()
			return llm.Response{Content: "ok", Attempts: 1}, nil
		}}
		p := New(f, Options{MaxConcurrency: 8})
		done := make(chan []error)
		go func() { done <- runAll(t.Context(), p, 1000, 8, request) }()

		// Just after the 429: limit halved, new requests held.
		for {
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			r := refused
			mu.Unlock()
			if !r.IsZero() {
				break
			}
		}
		s := p.Stats()
		if s.Limit != 4 || s.RateLimited != 1 || s.Backoffs != 1 || s.Paused <= 0 {
			t.Errorf("after a 429: %+v; want limit 4, one 429, one backoff, a pause", s)
		}
		errs := <-done
		if err, n := firstError(errs); n != 0 {
			t.Errorf("%d requests failed, want the one refused queued again; first: %v", n, err)
		}
		if n := f.count(); n != 1001 {
			t.Errorf("%d calls, want 1000 and the one queued again", n)
		}
		for _, at := range f.recorded() {
			if at.at.After(refused) && at.at.Before(refused.Add(retryAfter)) {
				t.Fatalf("a request was sent %v after the 429, within its Retry-After", at.at.Sub(refused))
			}
		}
		s = p.Stats()
		if s.Limit != 8 || s.Requeued != 1 {
			t.Errorf("after 960 good answers: %+v; want the limit grown back to 8, one request queued again", s)
		}
	})
}

func TestObserve429FromTheRetryHook(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var p *Pacer
		var calls int
		next := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
			calls++
			if calls == 1 {
				// The client saw a 429 and will retry after 2s itself.
				p.Observe429(2 * time.Second)
				if err := sleep(ctx, 2*time.Second); err != nil {
					return llm.Response{}, err
				}
			}
			return llm.Response{Content: "ok", Attempts: 1}, nil
		})
		p = New(next, Options{MaxConcurrency: 4})
		start := time.Now()
		if _, err := p.Complete(t.Context(), request(1)); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Complete(t.Context(), request(2)); err != nil {
			t.Fatal(err)
		}
		s := p.Stats()
		if s.Limit != 2 || s.RateLimited != 1 || s.Throttled != 0 {
			t.Errorf("stats %+v: want limit 2, one 429, no wait after the pause", s)
		}
		// A 429 without a wait holds new requests for Options.Pause.
		p.Observe429(0)
		if _, err := p.Complete(t.Context(), request(3)); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took != 2*time.Second+DefaultPause {
			t.Errorf("took %v, want the 2s retry, then the default pause", took)
		}
	})
}

func TestRequeue(t *testing.T) {
	tests := []struct {
		name    string
		requeue int
		calls   int
	}{
		{name: "default", requeue: 0, calls: 1 + DefaultRequeue},
		{name: "five times", requeue: 5, calls: 6},
		{name: "never", requeue: -1, calls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				refusal := &llm.APIError{StatusCode: http.StatusTooManyRequests, RetryAfter: 10 * time.Second, Attempts: 3}
				f := &fake{answer: func(int, llm.Request) (llm.Response, error) { return llm.Response{}, refusal }}
				p := New(f, Options{MaxConcurrency: 2, Requeue: tt.requeue})
				start := time.Now()
				if _, err := p.Complete(t.Context(), request(1)); !errors.Is(err, refusal) {
					t.Fatalf("error %v, want the refusal", err)
				}
				if n := f.count(); n != tt.calls {
					t.Errorf("%d calls, want %d", n, tt.calls)
				}
				if took, want := time.Since(start), time.Duration(tt.calls-1)*10*time.Second; took != want {
					t.Errorf("took %v, want %v: each requeued call waits for the pause", took, want)
				}
			})
		})
	}
}

func TestQuotaExhaustedIsNotPaced(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		quota := &llm.APIError{StatusCode: http.StatusTooManyRequests, Code: "insufficient_quota", Attempts: 1}
		p := New(llm.CompleterFunc(func(context.Context, llm.Request) (llm.Response, error) {
			return llm.Response{}, quota
		}), Options{MaxConcurrency: 4})
		if _, err := p.Complete(t.Context(), request(1)); !errors.Is(err, quota) {
			t.Fatalf("error %v, want the endpoint's", err)
		}
		if s := p.Stats(); s.RateLimited != 0 || s.Limit != 4 || s.Paused != 0 {
			t.Errorf("an exhausted quota was taken for a rate limit: %+v", s)
		}
	})
}

func TestCancelWhileWaiting(t *testing.T) {
	tests := []struct {
		name  string
		setup func(p *Pacer)
		opts  Options
	}{
		{name: "for a slot", opts: Options{MaxConcurrency: 1}, setup: func(p *Pacer) {
			go p.Complete(context.Background(), request(0)) // holds the only slot for an hour
			time.Sleep(time.Millisecond)
		}},
		{name: "for a pause", opts: Options{MaxConcurrency: 4}, setup: func(p *Pacer) {
			p.Observe429(time.Hour)
		}},
		{name: "for the rate", opts: Options{MaxConcurrency: 4, RPM: 1, Window: time.Hour}, setup: func(p *Pacer) {
			go p.Complete(context.Background(), request(0))
			time.Sleep(time.Millisecond)
		}},
		{name: "for an exhausted window", opts: Options{MaxConcurrency: 4}, setup: func(p *Pacer) {
			p.ObserveLimits(Quota{Limit: -1, Remaining: 0, Reset: time.Hour}, NoQuota)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				f := &fake{latency: time.Hour}
				p := New(f, tt.opts)
				tt.setup(p)
				ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
				defer cancel()
				start := time.Now()
				_, err := p.Complete(ctx, request(1))
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("error %v, want the context's", err)
				}
				if took := time.Since(start); took != 5*time.Second {
					t.Errorf("returned after %v, want when the context ended", took)
				}
				s := p.Stats()
				if s.Waiting != 0 || s.InFlight > 1 {
					t.Errorf("after giving up: %+v", s)
				}
				if n := f.count(); n > 1 {
					t.Errorf("the endpoint got %d calls, want the cancelled one not sent", n)
				}
				// The slot given up is free again.
				time.Sleep(2 * time.Hour)
				if s := p.Stats(); s.InFlight != 0 || s.Waiting != 0 {
					t.Errorf("later: %+v", s)
				}
			})
		})
	}
}

func TestRoughTokens(t *testing.T) {
	short := roughTokens(llm.Request{Messages: []llm.Message{{Role: llm.User, Content: "hi"}}})
	long := roughTokens(llm.Request{Messages: []llm.Message{{Role: llm.User, Content: strings.Repeat("word ", 400)}}})
	if short < 1 || long < 400 || long > 700 {
		t.Errorf("rough estimates %d and %d tokens; want about a token per four bytes", short, long)
	}
}
