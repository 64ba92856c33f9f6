package pace

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
)

// The mock endpoint, served in memory so that a minute-long limit runs in
// a synctest bubble's fake time, reached through the real endpoint
// client with its retries and hooks wired to the pacer.
func TestMockAnnouncedLimits(t *testing.T) {
	tests := []struct {
		name    string
		limit   mock.RateLimit
		n, jobs int
		latency time.Duration
		words   int // words in each request, which the answer echoes
		cap     int // the answer's token cap
		// slack is how much longer than the best the run may take. The
		// pacer learns what the window frees only from answers, so it
		// loses about a round trip per window, and a rare 429 holds
		// every request for its Retry-After; evenly spaced requests
		// would take 1.23 times the best in the first case.
		slack float64
	}{
		{name: "600 requests per minute", limit: mock.RateLimit{Requests: 600}, n: 1500, jobs: 16, latency: 200 * time.Millisecond, slack: 1.1},
		{name: "600 requests per minute, slow answers", limit: mock.RateLimit{Requests: 600}, n: 1500, jobs: 64, latency: 3 * time.Second, slack: 1.3},
		{name: "tokens per minute", limit: mock.RateLimit{Tokens: 20000}, n: 280, jobs: 16, latency: 500 * time.Millisecond, words: 200, cap: 400, slack: 1.25},
		{name: "both", limit: mock.RateLimit{Requests: 60, Tokens: 30000}, n: 270, jobs: 32, latency: time.Second, words: 100, cap: 200, slack: 1.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := mock.New(mock.Options{Latency: tt.latency, RateLimit: tt.limit})
				var p *Pacer
				client := wire(t, "http://mock.test/v1", handlerTransport{s}, &p)
				p = New(client, Options{MaxConcurrency: tt.jobs})
				body := strings.Repeat("word ", tt.words)
				start := time.Now()
				errs := runAll(t.Context(), p, tt.n, tt.jobs, func(i int) llm.Request {
					r := request(i)
					r.Messages[0].Content += body
					r.MaxTokens = tt.cap
					return r
				})
				if err, n := firstError(errs); err != nil {
					t.Fatalf("%d of %d requests failed, first: %v", n, tt.n, err)
				}
				took := time.Since(start)
				sends, limited := chatRecords(s)
				if len(sends) != tt.n {
					t.Errorf("%d requests answered, want %d", len(sends), tt.n)
				}
				if limited*50 >= tt.n {
					t.Errorf("%d answers of 429 for %d requests, want under 2%%", limited, tt.n)
				}
				st := p.Stats()
				if int(st.RPM) != tt.limit.Requests || int(st.TPM) != tt.limit.Tokens ||
					st.RPMLearned != (tt.limit.Requests > 0) || st.TPMLearned != (tt.limit.Tokens > 0) {
					t.Errorf("stats %+v: want the announced limits learned", st)
				}
				// Close to the limit: under a sliding window the best is
				// a window's worth at once, as fast as the concurrency
				// allows, then the next when the first expires.
				perWindow := tt.n
				if tt.limit.Requests > 0 {
					perWindow = tt.limit.Requests
				}
				if tt.limit.Tokens > 0 {
					each := (len(request(0).Messages[0].Content)+len(body)+3)/4 + tt.cap
					perWindow = min(perWindow, tt.limit.Tokens/each)
				}
				windows := (tt.n - 1) / perWindow
				last := tt.n - windows*perWindow
				best := time.Duration(windows)*time.Minute + time.Duration(last/tt.jobs+1)*tt.latency
				if float64(took) > float64(best)*tt.slack {
					t.Errorf("took %v, the limit allows %v", took, best)
				}
				t.Logf("%d requests in %v (best %v): %d answers of 429; %+v", tt.n, took, best, limited, st)
			})
		})
	}
}

// Without announced limits and none set by hand, the pacer adds nothing
// to the concurrency bound, through the real client as well.
func TestMockWithoutLimits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := mock.New(mock.Options{Latency: 200 * time.Millisecond})
		var p *Pacer
		client := wire(t, "http://mock.test/v1", handlerTransport{s}, &p)
		p = New(client, Options{MaxConcurrency: 16})
		start := time.Now()
		errs := runAll(t.Context(), p, 400, 16, request)
		if err, n := firstError(errs); err != nil {
			t.Fatalf("%d requests failed, first: %v", n, err)
		}
		if took, ideal := time.Since(start), 5*time.Second; took != ideal {
			t.Errorf("400 requests took %v, want %v", took, ideal)
		}
		if st := p.Stats(); st.Throttled != 0 || st.RPM != 0 || st.TPM != 0 || st.Limit != 16 {
			t.Errorf("stats %+v: want no throttling and no limits", st)
		}
	})
}

// Over real HTTP with the mock's limit scaled to a short window, as a
// check that nothing depends on the fake clock.
func TestMockOverHTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a few seconds of real time")
	}
	const window = 500 * time.Millisecond
	s := mock.New(mock.Options{Latency: 20 * time.Millisecond, RateLimit: mock.RateLimit{Requests: 60, Window: window}})
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var p *Pacer
	client := wire(t, s.URL(), nil, &p)
	p = New(client, Options{MaxConcurrency: 16, Window: window})
	const n = 400
	errs := runAll(t.Context(), p, n, 16, request)
	if err, failed := firstError(errs); err != nil {
		t.Fatalf("%d requests failed, first: %v", failed, err)
	}
	sends, limited := chatRecords(s)
	if len(sends) != n {
		t.Errorf("%d requests answered, want %d", len(sends), n)
	}
	if limited*50 >= n {
		t.Errorf("%d answers of 429 for %d requests, want under 2%%", limited, n)
	}
	if st := p.Stats(); st.RPM != 60 || !st.RPMLearned || st.Throttled == 0 {
		t.Errorf("stats %+v: want the limit learned and requests paced", st)
	}
}
