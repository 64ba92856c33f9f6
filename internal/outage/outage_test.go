package outage

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// script answers each call with the next of its errors (nil: success),
// the last one for ever after.
type script struct {
	errs  []error
	calls int
}

func (s *script) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	err := s.errs[min(s.calls, len(s.errs)-1)]
	s.calls++
	if err != nil {
		return llm.Response{}, err
	}
	return llm.Response{Content: "ok"}, nil
}

var (
	refused = &llm.UnreachableError{URL: "http://127.0.0.1:1/v1", Attempts: 3, Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}
	reset   = &llm.UnreachableError{URL: "http://127.0.0.1:1/v1", Attempts: 3, Err: &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}}
	denied  = &llm.APIError{StatusCode: 401, Message: "bad key"}
)

// fakeTime makes a Rider's waits instant, on a clock they move on.
func fakeTime(r *Rider) *[]time.Duration {
	var waits []time.Duration
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	r.now = func() time.Time { return now }
	r.sleep = func(ctx context.Context, d time.Duration) bool {
		if ctx.Err() != nil {
			return false
		}
		waits = append(waits, d)
		now = now.Add(d)
		return true
	}
	return &waits
}

func TestNeverAnsweredFailsAtOnce(t *testing.T) {
	s := &script{errs: []error{refused}}
	r := New(s, Options{})
	waits := fakeTime(r)
	if _, err := r.Complete(context.Background(), llm.Request{}); !errors.Is(err, refused) {
		t.Fatalf("error %v", err)
	}
	if s.calls != 1 || len(*waits) != 0 {
		t.Errorf("%d calls, waits %v: a never-reached endpoint must fail at once", s.calls, *waits)
	}
}

func TestShortOutageRiddenOut(t *testing.T) {
	s := &script{errs: []error{nil, refused, refused, refused, nil}}
	r := New(s, Options{})
	waits := fakeTime(r)
	ctx := context.Background()
	if _, err := r.Complete(ctx, llm.Request{}); err != nil {
		t.Fatal(err)
	}
	resp, err := r.Complete(ctx, llm.Request{})
	if err != nil || resp.Content != "ok" {
		t.Fatalf("after the outage: %v %+v", err, resp)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}
	if len(*waits) != len(want) {
		t.Fatalf("waits %v, want %v", *waits, want)
	}
	for i := range want {
		if (*waits)[i] != want[i] {
			t.Fatalf("waits %v, want %v", *waits, want)
		}
	}
}

func TestLongOutageGivesUpAfterGrace(t *testing.T) {
	s := &script{errs: []error{nil, refused}}
	r := New(s, Options{Grace: time.Minute})
	waits := fakeTime(r)
	ctx := context.Background()
	if _, err := r.Complete(ctx, llm.Request{}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Complete(ctx, llm.Request{}); !errors.Is(err, refused) {
		t.Fatalf("error %v", err)
	}
	var total time.Duration
	for _, w := range *waits {
		total += w
		if w > DefaultMaxWait {
			t.Errorf("a wait of %v, over the cap of %v", w, DefaultMaxWait)
		}
	}
	if total > time.Minute || total < 45*time.Second {
		t.Errorf("waited %v in all (%v) for a grace of 1m", total, *waits)
	}
}

func TestOtherErrorsPassAtOnce(t *testing.T) {
	for _, e := range []error{reset, denied} {
		s := &script{errs: []error{nil, e}}
		r := New(s, Options{})
		waits := fakeTime(r)
		r.Complete(context.Background(), llm.Request{})
		if _, err := r.Complete(context.Background(), llm.Request{}); !errors.Is(err, e) {
			t.Fatalf("error %v, want %v", err, e)
		}
		if s.calls != 2 || len(*waits) != 0 {
			t.Errorf("%v: %d calls, waits %v", e, s.calls, *waits)
		}
	}
}

func TestAnAPIErrorCountsAsAnswered(t *testing.T) {
	s := &script{errs: []error{denied, refused, nil}}
	r := New(s, Options{})
	fakeTime(r)
	r.Complete(context.Background(), llm.Request{})
	if _, err := r.Complete(context.Background(), llm.Request{}); err != nil {
		t.Fatalf("an endpoint that answered with an error was reached: %v", err)
	}
}

func TestCancelStopsTheWait(t *testing.T) {
	s := &script{errs: []error{nil, refused}}
	r := New(s, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	waits := 0
	r.sleep = func(ctx context.Context, d time.Duration) bool {
		waits++
		cancel()
		return sleep(ctx, d)
	}
	r.Complete(ctx, llm.Request{})
	if _, err := r.Complete(ctx, llm.Request{}); !errors.Is(err, refused) {
		t.Fatalf("error %v", err)
	}
	if waits != 1 || s.calls != 2 {
		t.Errorf("%d waits and %d calls; a cancelled wait must end the tries", waits, s.calls)
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	// an hour's wait that ignored the context would hang the test
	if sleep(ctx, time.Hour) {
		t.Error("sleep reports a whole hour waited")
	}
	if !sleep(context.Background(), time.Millisecond) {
		t.Error("a short wait did not pass")
	}
}

func TestNegativeGraceTurnsItOff(t *testing.T) {
	s := &script{errs: []error{nil, refused, nil}}
	r := New(s, Options{Grace: -1})
	fakeTime(r)
	r.Complete(context.Background(), llm.Request{})
	if _, err := r.Complete(context.Background(), llm.Request{}); !errors.Is(err, refused) {
		t.Fatalf("error %v", err)
	}
}
