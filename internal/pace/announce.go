package pace

import "time"

// observe takes what the endpoint announced at now: limit, remaining and
// reset (-1 when not sent).
//
// Requests sent after the one answered may not be counted in remaining
// yet. lagging is a likely measure of those, since bounds them from
// above (see Pacer.ObserveLimits).
//
// Whatever the endpoint counts over, what remains may be used at once
// but no more before the reset, and after it the bucket's rate holds
// again. So the allowance becomes what remains less since, and the
// bucket is set to refill from the reset: lowered if what remains less
// lagging says so, raised only if what remains less since does, so that
// a stale announcement never lets more through.
func (b *bucket) observe(now time.Time, limit, remaining int64, reset time.Duration, lagging, since float64) {
	b.learn(now, limit)
	if remaining < 0 {
		return
	}
	left := float64(remaining) - lagging
	if b.lim == nil || reset > b.window {
		// No rate to refill at, or a quota over a longer period
		// (requests per day): only hold when none is left.
		if left <= 0 {
			hold := reset
			if hold <= 0 {
				hold = b.window / 60
			}
			if until := now.Add(hold); until.After(b.closed) {
				b.closed = until
			}
		}
		return
	}
	b.version++
	safe := float64(remaining) - since
	b.allow = max(safe, 0)
	refill := float64(b.lim.Limit()) * max(reset, 0).Seconds()
	have := b.lim.TokensAt(now)
	switch low, high := left-b.allow-refill, safe-b.allow-refill; {
	case low < have:
		b.setLevel(now, low)
	case high > have:
		b.setLevel(now, min(high, float64(b.lim.Burst())))
	}
}
