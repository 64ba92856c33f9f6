package pace

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)

// simulate sends requests of the given sizes through a bucket, each
// arriving gap after the previous one was sent (so that a sender with
// gap zero keeps the bucket saturated), and returns the sends.
func simulate(b *bucket, start time.Time, sizes []int64, gap func(int) time.Duration) []send {
	var out []send
	now := start
	for i, n := range sizes {
		now = now.Add(gap(i))
		at := now.Add(b.reserve(now, n))
		out = append(out, send{at: at, units: n})
		now = at
	}
	return out
}

func TestBucketKeepsToLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for c := range 100 {
		limit := 1 + rng.Int64N(3000)
		window := time.Duration(1+rng.IntN(120)) * time.Second
		big := c%2 == 1 // requests larger than the burst
		t.Run(fmt.Sprintf("%d/limit=%d/window=%v/big=%v", c, limit, window, big), func(t *testing.T) {
			b := newBucket(window, limit)
			burst := int64(burstFor(limit))
			largest := burst
			if big {
				largest = max(limit/4, 1)
			}
			sizes := make([]int64, 50+rng.IntN(400))
			for i := range sizes {
				sizes[i] = 1 + rng.Int64N(largest)
			}
			gaps := make([]time.Duration, len(sizes))
			for i := range gaps {
				if rng.IntN(3) > 0 {
					gaps[i] = time.Duration(rng.Int64N(int64(2 * window / time.Duration(max(limit, 1)))))
				}
			}
			sends := simulate(&b, t0, sizes, func(i int) time.Duration { return gaps[i] })
			// A request of n units waits for all of them but is counted
			// at once, so it can pass the limit by what it holds over
			// the burst.
			allowed := limit + max(largest-burst, 0)
			if got := maxInWindow(sends, window); got > allowed {
				t.Errorf("%d units within one window, limit %d (largest request %d, burst %d)", got, limit, largest, burst)
			}
		})
	}
}

func TestBucketRunsCloseToTheLimit(t *testing.T) {
	tests := []struct {
		limit  int64
		window time.Duration
		units  int64
		size   int64 // units per request
	}{
		{600, time.Minute, 1500, 1},
		{60, time.Minute, 200, 1},
		{3, time.Second, 30, 1},
		{30000, time.Minute, 150000, 500},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d per %v", tt.limit, tt.window), func(t *testing.T) {
			b := newBucket(tt.window, tt.limit)
			sizes := make([]int64, tt.units/tt.size)
			for i := range sizes {
				sizes[i] = tt.size
			}
			sends := simulate(&b, t0, sizes, func(int) time.Duration { return 0 })
			took := sends[len(sends)-1].at.Sub(t0)
			// The burst at once, then the limit less the burst per
			// window; a per-minute limit of 60 or more loses at most 2%.
			burst := int64(burstFor(tt.limit))
			ideal := time.Duration(float64(tt.units-burst) / float64(tt.limit-burst) * float64(tt.window))
			if d := took - ideal; d > time.Millisecond || d < -time.Millisecond {
				t.Errorf("%d units took %v, want %v", tt.units, took, ideal)
			}
			if tt.limit >= 60 && float64(tt.limit-burst) < 0.98*float64(tt.limit) {
				t.Errorf("paced at %d per window, under 98%% of the limit %d", tt.limit-burst, tt.limit)
			}
			if got := maxInWindow(sends, tt.window); got > tt.limit {
				t.Errorf("%d units within one window, limit %d", got, tt.limit)
			}
		})
	}
}

func TestBucketObserve(t *testing.T) {
	const window = time.Minute
	tests := []struct {
		name      string
		limit     int64 // set by hand; zero for none
		announced Quota
		lagging   float64
		since     float64
		want      int64 // what may still be sent before the reset
	}{
		{name: "plenty left", limit: 600, announced: Quota{Limit: 600, Remaining: 500, Reset: 10 * time.Second}, want: 500},
		{name: "little left", limit: 600, announced: Quota{Limit: 600, Remaining: 20, Reset: 6 * time.Second}, want: 20},
		{name: "none left", limit: 600, announced: Quota{Limit: 600, Remaining: 0, Reset: 3 * time.Second}, want: 0},
		{name: "requests in flight count", limit: 600, announced: Quota{Limit: 600, Remaining: 30, Reset: 6 * time.Second}, lagging: 12, since: 12, want: 18},
		{name: "requests sent since count", limit: 600, announced: Quota{Limit: 600, Remaining: 30, Reset: 6 * time.Second}, lagging: 4, since: 12, want: 26},
		{name: "more in flight than left", limit: 600, announced: Quota{Limit: 600, Remaining: 3, Reset: 2 * time.Second}, lagging: 12, since: 12, want: 0},
		{name: "learned", announced: Quota{Limit: 600, Remaining: 20, Reset: 6 * time.Second}, want: 20},
		{name: "learned, whole window left", announced: Quota{Limit: 600, Remaining: 584, Reset: 59 * time.Second}, since: 15, lagging: 15, want: 569},
		{name: "tokens", limit: 90000, announced: Quota{Limit: 90000, Remaining: 4000, Reset: 5 * time.Second}, want: 4000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBucket(window, tt.limit)
			a := tt.announced
			b.observe(t0, a.Limit, a.Remaining, a.Reset, tt.lagging, tt.since)
			if !b.limited() {
				t.Fatal("no limit in force")
			}
			// A saturating sender after the announcement.
			var sent int64
			unit := max(b.limit()/600, 1)
			now := t0
			for {
				now = now.Add(b.reserve(now, unit))
				if !now.Before(t0.Add(a.Reset)) {
					break
				}
				sent += unit
			}
			if sent > tt.want || sent < tt.want-unit {
				t.Errorf("sent %d before the reset, want %d", sent, tt.want)
			}
			// After the reset the bucket's rate holds again, less what
			// the requests in flight took beyond what was left.
			var after int64
			end := t0.Add(a.Reset + window)
			for ; now.Before(end); now = now.Add(b.reserve(now, unit)) {
				after += unit
			}
			owed := max(int64(tt.lagging)-a.Remaining, 0)
			if want := b.limit() - int64(burstFor(b.limit())) - owed; after > want+2*unit || after < want-2*unit {
				t.Errorf("sent %d in the window after the reset, want about %d", after, want)
			}
		})
	}
}

func TestBucketObserveWithoutLimit(t *testing.T) {
	tests := []struct {
		name      string
		announced Quota
		pending   float64
		closed    time.Duration
	}{
		{name: "remaining only, some left", announced: Quota{Limit: -1, Remaining: 5, Reset: -1}},
		{name: "remaining only, none left", announced: Quota{Limit: -1, Remaining: 0, Reset: -1}, closed: time.Second},
		{name: "none left until reset", announced: Quota{Limit: -1, Remaining: 0, Reset: 7 * time.Second}, closed: 7 * time.Second},
		{name: "pending use the rest", announced: Quota{Limit: -1, Remaining: 2, Reset: 4 * time.Second}, pending: 2, closed: 4 * time.Second},
		{name: "daily quota exhausted", announced: Quota{Limit: 1000, Remaining: 0, Reset: 3 * time.Hour}, closed: 3 * time.Hour},
		{name: "daily quota left", announced: Quota{Limit: 1000, Remaining: 10, Reset: 3 * time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBucket(time.Minute, 0)
			a := tt.announced
			b.observe(t0, a.Limit, a.Remaining, a.Reset, tt.pending, tt.pending)
			if got := b.closedFor(t0); got != tt.closed {
				t.Errorf("closed for %v, want %v", got, tt.closed)
			}
		})
	}
}

func TestBucketLearnAndHand(t *testing.T) {
	b := newBucket(time.Minute, 100)
	b.learn(t0, 600)
	if b.limit() != 100 {
		t.Errorf("limit set by hand replaced by the announced one: %d", b.limit())
	}
	if float64(b.lim.Limit()) != float64(rateFor(100, time.Minute)) {
		t.Errorf("rate %v, want that of the limit set by hand", b.lim.Limit())
	}
	l := newBucket(time.Minute, 0)
	if l.limited() {
		t.Fatal("limited before any announcement")
	}
	l.learn(t0, 600)
	l.learn(t0, 1200)
	if l.limit() != 1200 || float64(l.lim.Limit()) != float64(rateFor(1200, time.Minute)) || l.lim.Burst() != burstFor(1200) {
		t.Errorf("after a new announcement: limit %d, rate %v, burst %d", l.limit(), l.lim.Limit(), l.lim.Burst())
	}
}

func TestBucketRefundAndCharge(t *testing.T) {
	// 60 per minute: burst 1, one unit per 60/59 s.
	b := newBucket(time.Minute, 60)
	if d := b.reserve(t0, 1); d != 0 {
		t.Fatalf("first unit waited %v", d)
	}
	second := b.reserve(t0, 1)
	if second <= 0 {
		t.Fatal("second unit did not wait")
	}
	b.refund(t0, 1, b.version)
	if d := b.reserve(t0, 1); d != second {
		t.Errorf("after a refund the next unit waits %v, want %v as the refunded one", d, second)
	}
	b.refund(t0, 5, b.version)
	if d := b.reserve(t0.Add(time.Hour), 2); d != time.Minute/59 {
		t.Errorf("an hour after a refund of 5 two units wait %v, want %v: a refund never fills the bucket past its burst", d, time.Minute/59)
	}
	c := newBucket(time.Minute, 60)
	c.charge(t0, 3, c.version)
	if d, want := c.reserve(t0, 1), 3*time.Minute/59; d < want-time.Millisecond || d > want+time.Millisecond {
		t.Errorf("after a charge of 3 the next unit waits %v, want %v", d, want)
	}
	var none bucket
	none.charge(t0, 5, 0)
	none.refund(t0, 5, 0)
	if d := none.reserve(t0, 5); d != 0 {
		t.Errorf("a bucket without a limit waited %v", d)
	}
}
