package pace

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/run"
)

// BenchmarkOverhead measures what the pacer adds to a request that never
// has to wait: an answer at once from a Completer that does nothing.
func BenchmarkOverhead(b *testing.B) {
	answer := llm.CompleterFunc(func(context.Context, llm.Request) (llm.Response, error) {
		return llm.Response{Content: "ok", Attempts: 1, Usage: llm.Usage{PromptTokens: 20, CompletionTokens: 20}}, nil
	})
	req := request(1)
	tests := []struct {
		name    string
		opts    Options
		observe bool // announce limits after every answer
	}{
		{name: "no limits", opts: Options{MaxConcurrency: 64}},
		{name: "limits set by hand", opts: Options{MaxConcurrency: 64, RPM: 1 << 40, TPM: 1 << 50}},
		{name: "limits announced", opts: Options{MaxConcurrency: 64}, observe: true},
	}
	for _, tt := range tests {
		for _, parallel := range []bool{false, true} {
			name := tt.name
			if parallel {
				name += "/parallel"
			}
			b.Run(name, func(b *testing.B) {
				var p *Pacer
				next := answer
				if tt.observe {
					next = func(ctx context.Context, r llm.Request) (llm.Response, error) {
						p.ObserveLimits(Quota{Limit: 1 << 40, Remaining: 1 << 39, Reset: time.Millisecond},
							Quota{Limit: 1 << 50, Remaining: 1 << 49, Reset: time.Millisecond})
						return answer(ctx, r)
					}
				}
				p = New(next, tt.opts)
				ctx := context.Background()
				b.ReportAllocs()
				if !parallel {
					for b.Loop() {
						if _, err := p.Complete(ctx, req); err != nil {
							b.Fatal(err)
						}
					}
					return
				}
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if _, err := p.Complete(ctx, req); err != nil {
							b.Error(err)
							return
						}
					}
				})
			})
		}
	}
}

// BenchmarkThroughput runs 400 requests through the command's chain
// (run.Limit, the pacer, the endpoint client) against the mock endpoint
// over HTTP, answering after 200ms, 16 at a time, with and without
// announced limits (far above what the run needs), and without the pacer
// for comparison. The ideal is 400 × 0.2 s / 16 = 5 s; ratio reports the
// run's time over it.
func BenchmarkThroughput(b *testing.B) {
	const (
		n       = 400
		jobs    = 16
		latency = 200 * time.Millisecond
		ideal   = n * latency / jobs
	)
	for _, c := range []struct {
		paced, announced bool
	}{{false, false}, {true, false}, {true, true}} {
		b.Run(fmt.Sprintf("paced=%v/announced=%v", c.paced, c.announced), func(b *testing.B) {
			opts := mock.Options{Latency: latency}
			if c.announced {
				// Far above what the run needs: pacing adds no wait.
				opts.RateLimit = mock.RateLimit{Requests: 100000, Tokens: 100000000}
			}
			s := mock.New(opts)
			if err := s.Start(); err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var p *Pacer
			client := wire(b, s.URL(), &http.Transport{MaxIdleConnsPerHost: jobs}, &p)
			p = New(client, Options{MaxConcurrency: jobs})
			lim := run.Limit(p, jobs)
			if !c.paced {
				// The hooks still feed p, which stays unused.
				lim = run.Limit(client, jobs)
			}
			var total time.Duration
			for b.Loop() {
				start := time.Now()
				if err, failed := firstError(runAll(context.Background(), lim, n, jobs, request)); err != nil {
					b.Fatalf("%d requests failed, first: %v", failed, err)
				}
				total += time.Since(start)
			}
			if c.paced {
				b.Logf("%+v", p.Stats())
			}
			run := total / time.Duration(b.N)
			b.ReportMetric(run.Seconds(), "s/run")
			b.ReportMetric(float64(run)/float64(ideal), "ratio")
		})
	}
}
