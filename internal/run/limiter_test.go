package run

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

func TestLimiterCounts(t *testing.T) {
	answers := map[string]func() (llm.Response, error){
		"good": func() (llm.Response, error) {
			return llm.Response{Content: "x", Usage: llm.Usage{PromptTokens: 10, CompletionTokens: 5}, Attempts: 2}, nil
		},
		"cached": func() (llm.Response, error) {
			return llm.Response{Content: "x", Usage: llm.Usage{PromptTokens: 10, CompletionTokens: 5}, Cached: true}, nil
		},
		"truncated": func() (llm.Response, error) {
			r := llm.Response{Content: "x", FinishReason: llm.FinishLength, Usage: llm.Usage{PromptTokens: 7, CompletionTokens: 100}, Attempts: 1}
			return llm.Response{}, &llm.AnswerError{Err: llm.ErrTruncated, Response: r}
		},
		"http error": func() (llm.Response, error) { return llm.Response{}, &llm.APIError{StatusCode: 503, Attempts: 3} },
	}
	lim := Limit(llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		return answers[req.Model]()
	}), 2)
	r := New(Options{Cost: func(model string, u llm.Usage) float64 { return float64(u.Total()) }})
	m := &meter{r: r}
	ctx := withMeter(context.Background(), m)
	for _, model := range []string{"good", "cached", "truncated", "http error"} {
		lim.Complete(ctx, llm.Request{Model: model})
	}
	st := lim.Stats()
	want := LimiterStats{Limit: 2, Peak: 1, Calls: 4, Requests: 3, Cached: 1, Failures: 2, Attempts: 6,
		Usage: llm.Usage{PromptTokens: 17, CompletionTokens: 105}}
	if st != want {
		t.Fatalf("stats %+v\nwant  %+v", st, want)
	}
	var res Result
	m.fill(&res)
	if res.Requests != 3 || res.Cached != 1 || res.Attempts != 6 || res.Usage != want.Usage || res.Cost != 122 {
		t.Fatalf("item %+v", res)
	}
	if r.cost != 122 || r.requests != 3 {
		t.Fatalf("run totals cost %v requests %d", r.cost, r.requests)
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	hold := make(chan struct{})
	lim := Limit(llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		<-hold
		return llm.Response{Content: "x"}, nil
	}), 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		lim.Complete(context.Background(), llm.Request{})
	}()
	for lim.Stats().InFlight == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := lim.Complete(ctx, llm.Request{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	close(hold)
	wg.Wait()
	if st := lim.Stats(); st.Calls != 1 || st.InFlight != 0 {
		t.Fatalf("stats %+v", st)
	}
}

func TestSnapshotETA(t *testing.T) {
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	r := New(Options{Now: func() time.Time { return now }})
	r.results = make([]Result, 10)
	r.started, r.firstWork = now, now
	now = now.Add(20 * time.Second)
	r.done, r.worked = 4, 4
	for i := 0; i < 4; i++ {
		r.results[i].Status = StatusOK
	}
	s := r.Snapshot()
	if s.ETA != 30*time.Second || s.OK != 4 || s.Elapsed != 20*time.Second {
		t.Fatalf("snapshot %+v", s)
	}
}
