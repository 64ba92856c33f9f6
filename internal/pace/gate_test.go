package pace

import (
	"testing"
	"time"
)

func TestGateAIMD(t *testing.T) {
	// Each step is a 429 at an offset (with its pause) or n successes.
	type step struct {
		at        time.Duration
		pause     time.Duration // a 429 when positive
		successes int
		limit     int // limit afterwards
		cut       bool
	}
	tests := []struct {
		name      string
		max       int
		growAfter int
		rtt       time.Duration
		steps     []step
	}{
		{
			name: "halves down to one", max: 16, rtt: 100 * time.Millisecond,
			steps: []step{
				{at: 0, pause: time.Second, limit: 8, cut: true},
				{at: 2 * time.Second, pause: time.Second, limit: 4, cut: true},
				{at: 4 * time.Second, pause: time.Second, limit: 2, cut: true},
				{at: 6 * time.Second, pause: time.Second, limit: 1, cut: true},
				{at: 8 * time.Second, pause: time.Second, limit: 1, cut: true},
			},
		},
		{
			name: "one burst of 429s halves once", max: 16, rtt: 3 * time.Second,
			steps: []step{
				{at: 0, pause: time.Second, limit: 8, cut: true},
				{at: 500 * time.Millisecond, pause: time.Second, limit: 8},
				{at: 2 * time.Second, pause: 10 * time.Millisecond, limit: 8},
				{at: 3 * time.Second, pause: 10 * time.Millisecond, limit: 4, cut: true},
			},
		},
		{
			name: "grows by one per window of successes", max: 8, rtt: time.Millisecond,
			steps: []step{
				{at: 0, pause: time.Millisecond, limit: 4, cut: true},
				{successes: 3, limit: 4},
				{successes: 1, limit: 5},
				{successes: 5, limit: 6},
				{successes: 6 + 7, limit: 8},
				{successes: 100, limit: 8},
			},
		},
		{
			name: "grows by one per GrowAfter successes", max: 10, growAfter: 2, rtt: time.Millisecond,
			steps: []step{
				{at: 0, pause: time.Millisecond, limit: 5, cut: true},
				{successes: 1, limit: 5},
				{successes: 1, limit: 6},
				{successes: 4, limit: 8},
				{successes: 50, limit: 10},
			},
		},
		{
			name: "a cut forgets successes toward the next step", max: 8, rtt: time.Millisecond,
			steps: []step{
				{at: 0, pause: time.Millisecond, limit: 4, cut: true},
				{successes: 3, limit: 4},
				{at: time.Second, pause: time.Millisecond, limit: 2, cut: true},
				{successes: 1, limit: 2},
				{successes: 1, limit: 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGate(tt.max, tt.growAfter)
			for i, s := range tt.steps {
				cut := false
				if s.pause > 0 {
					now := t0.Add(s.at)
					cut = g.rateLimited(now, s.pause, tt.rtt)
					if got := g.pausedFor(now); got < s.pause {
						t.Errorf("step %d: paused for %v, want at least %v", i, got, s.pause)
					}
				}
				for range s.successes {
					g.succeeded(g.epoch)
				}
				if g.limit != s.limit || cut != s.cut {
					t.Errorf("step %d: limit %d, cut %v; want %d, %v", i, g.limit, cut, s.limit, s.cut)
				}
			}
		})
	}
}

func TestGateIgnoresAnswersSentBeforeACut(t *testing.T) {
	g := newGate(8, 1)
	before := g.epoch
	g.rateLimited(t0, time.Second, 0)
	for range 10 {
		g.succeeded(before)
	}
	if g.limit != 4 {
		t.Errorf("limit %d after answers to requests sent before the cut, want 4", g.limit)
	}
	g.succeeded(g.epoch)
	if g.limit != 5 {
		t.Errorf("limit %d after an answer to a request sent since, want 5", g.limit)
	}
}

func TestGatePauseIsTheLongest(t *testing.T) {
	g := newGate(4, 0)
	g.rateLimited(t0, 5*time.Second, 0)
	g.rateLimited(t0.Add(time.Second), time.Second, 0)
	if got := g.pausedFor(t0.Add(time.Second)); got != 4*time.Second {
		t.Errorf("a shorter later pause shortened the first: %v left, want 4s", got)
	}
	if got := g.pausedFor(t0.Add(6 * time.Second)); got != 0 {
		t.Errorf("paused %v after the pause ended", got)
	}
}

func TestGateQueue(t *testing.T) {
	g := newGate(2, 0)
	if !g.tryAcquire() || !g.tryAcquire() {
		t.Fatal("two free slots not granted")
	}
	if g.tryAcquire() {
		t.Fatal("a third slot granted under a limit of two")
	}
	a, b, c := g.enqueue(), g.enqueue(), g.enqueue()
	g.abandon(b)
	g.release()
	if !a.granted || c.granted {
		t.Fatalf("after one release: first granted %v, third %v; want the oldest first", a.granted, c.granted)
	}
	select {
	case <-a.ready:
	default:
		t.Fatal("granted waiter not woken")
	}
	if g.tryAcquire() {
		t.Fatal("a newcomer passed a queued request")
	}
	g.release()
	if !c.granted || b.granted {
		t.Fatalf("abandoned waiter granted %v, third %v", b.granted, c.granted)
	}
	// A waiter granted just as it gives up hands its slot on.
	d := g.enqueue()
	g.release()
	if !d.granted {
		t.Fatal("fourth not granted")
	}
	g.abandon(d)
	if g.held != 1 {
		t.Fatalf("held %d slots, want 1", g.held)
	}
}

func TestGateLowerLimitHoldsNewRequests(t *testing.T) {
	g := newGate(4, 0)
	for range 4 {
		g.tryAcquire()
	}
	g.rateLimited(time.Now(), time.Millisecond, 0) // limit 2
	w := g.enqueue()
	g.release()
	g.release()
	if w.granted {
		t.Fatal("granted with 2 of 2 slots held")
	}
	g.release()
	if !w.granted {
		t.Fatal("not granted with 1 of 2 slots held")
	}
}
