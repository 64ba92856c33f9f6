package pace

import (
	"math"
	"time"

	"golang.org/x/time/rate"
)

// bucket paces one quantity, requests or tokens, to a limit per window
// with a token bucket from golang.org/x/time/rate. Its methods need the
// Pacer's lock.
//
// A bucket holding burst units and refilling at rate r lets through at
// most burst + r·t units in any span t. The burst is a sixtieth of the
// limit and the rate (limit - burst) per window, so that no window ever
// sees more than the limit, whichever way the endpoint counts it.
//
// When the endpoint announces what remains of its limit, that much is
// granted at once as an allowance, and the bucket refills only after the
// announced reset (see observe).
type bucket struct {
	window  time.Duration
	hand    int64 // limit set by hand, zero if none
	learned int64 // limit announced by the endpoint, zero if none
	lim     *rate.Limiter
	allow   float64   // units the endpoint said are free, usable at once
	version int       // announcements taken, each setting the level anew
	closed  time.Time // with no limit known: none left until then
}

func newBucket(window time.Duration, hand int64) bucket {
	b := bucket{window: window, hand: hand}
	if hand > 0 {
		b.lim = rate.NewLimiter(rateFor(hand, window), burstFor(hand))
	}
	return b
}

// burstFor returns the burst allowed under a limit.
func burstFor(limit int64) int {
	return int(min(max(limit/60, 1), math.MaxInt32))
}

// rateFor returns the refill rate under a limit, per second.
func rateFor(limit int64, window time.Duration) rate.Limit {
	per := max(float64(limit-int64(burstFor(limit))), float64(limit)/2)
	return rate.Limit(per / window.Seconds())
}

// limit returns the limit in force, zero if none.
func (b *bucket) limit() int64 {
	if b.hand > 0 {
		return b.hand
	}
	return b.learned
}

// limited reports whether a limit is in force.
func (b *bucket) limited() bool { return b.lim != nil }

// learn takes a limit announced by the endpoint; a limit set by hand
// stays in force.
func (b *bucket) learn(now time.Time, limit int64) {
	if limit <= 0 || limit == b.learned {
		return
	}
	b.learned = limit
	if b.hand > 0 {
		return
	}
	if b.lim == nil {
		b.lim = rate.NewLimiter(rateFor(limit, b.window), burstFor(limit))
		return
	}
	b.lim.SetLimitAt(now, rateFor(limit, b.window))
	b.lim.SetBurstAt(now, burstFor(limit))
}

// reserve takes n units and returns how long to wait before using them:
// what the allowance holds at once, the rest from the bucket.
func (b *bucket) reserve(now time.Time, n int64) time.Duration {
	if b.lim == nil || n <= 0 {
		return 0
	}
	if n = b.fromAllowance(n); n == 0 {
		return 0
	}
	return b.take(now, n)
}

// charge takes n units owed for what was sent under a reservation of the
// given version, without waiting, so that later reservations wait for
// them. An announcement since then already counted them.
func (b *bucket) charge(now time.Time, n int64, version int) {
	if b.lim == nil || n <= 0 || version != b.version {
		return
	}
	if n = b.fromAllowance(n); n > 0 {
		b.take(now, n)
	}
}

// fromAllowance takes what it can of n units from the allowance and
// returns the rest.
func (b *bucket) fromAllowance(n int64) int64 {
	use := min(int64(b.allow), n)
	b.allow -= float64(use)
	return n - use
}

// refund gives back n units reserved under the given version but not
// spent, up to a full bucket. An announcement since then set the level
// without them.
func (b *bucket) refund(now time.Time, n int64, version int) {
	if b.lim != nil && n > 0 && version == b.version {
		b.setLevel(now, min(b.lim.TokensAt(now)+float64(n), float64(b.lim.Burst())))
	}
}

// take reserves n units, in debt if need be, and returns the wait until
// they are covered.
func (b *bucket) take(now time.Time, n int64) time.Duration {
	burst := b.lim.Burst()
	if n <= int64(burst) {
		return b.lim.ReserveN(now, int(n)).DelayFrom(now)
	}
	// A reservation may not pass the burst: lift it for this one.
	b.lim.SetBurstAt(now, int(min(n, math.MaxInt32)))
	r := b.lim.ReserveN(now, int(min(n, math.MaxInt32)))
	b.lim.SetBurstAt(now, burst)
	return r.DelayFrom(now)
}

// setLevel puts x units in the bucket (at most its burst; negative for
// a debt). The bucket only drains, so a higher level starts a full one.
func (b *bucket) setLevel(now time.Time, x float64) {
	cur := b.lim.TokensAt(now)
	if x > cur {
		b.lim = rate.NewLimiter(b.lim.Limit(), b.lim.Burst())
		cur = float64(b.lim.Burst())
	}
	if d := int64(math.Ceil(cur - x)); d > 0 {
		b.take(now, d)
	}
}

// full takes a 429 at now: nothing is left of the allowance, and the
// bucket refills only from now+d.
func (b *bucket) full(now time.Time, d time.Duration) {
	b.allow = 0
	if b.lim == nil {
		return
	}
	b.version++
	if x := -float64(b.lim.Limit()) * d.Seconds(); x < b.lim.TokensAt(now) {
		b.setLevel(now, x)
	}
}

// closedFor returns how long the endpoint said nothing is left, when no
// limit is known to pace by.
func (b *bucket) closedFor(now time.Time) time.Duration {
	return max(b.closed.Sub(now), 0)
}
