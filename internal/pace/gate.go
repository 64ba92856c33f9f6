package pace

import "time"

// gate bounds the requests holding a slot by a limit that adapts to the
// endpoint (additive increase, multiplicative decrease), and holds new
// requests during a pause after a 429. Its methods need the Pacer's lock.
type gate struct {
	max       int // ceiling of limit
	limit     int // slots allowed now, from 1 to max
	held      int // slots held
	queue     []*waiter
	growAfter int // successes per step up; zero means limit
	successes int // since the last step up or down
	epoch     int // number of cuts so far

	pausedUntil time.Time // no request is sent before this
	cutAllowed  time.Time // the limit is not halved again before this
}

// waiter is a request queued for a slot.
type waiter struct {
	ready   chan struct{} // closed when a slot is granted
	granted bool
}

func newGate(maxSlots, growAfter int) gate {
	return gate{max: maxSlots, limit: maxSlots, growAfter: max(growAfter, 0)}
}

// tryAcquire takes a slot if one is free and nobody is queued.
func (g *gate) tryAcquire() bool {
	if len(g.queue) == 0 && g.held < g.limit {
		g.held++
		return true
	}
	return false
}

// enqueue queues a request for the next free slot.
func (g *gate) enqueue() *waiter {
	w := &waiter{ready: make(chan struct{})}
	g.queue = append(g.queue, w)
	return w
}

// abandon withdraws a queued request, giving its slot back if it was
// granted meanwhile.
func (g *gate) abandon(w *waiter) {
	if w.granted {
		g.release()
		return
	}
	for i, q := range g.queue {
		if q == w {
			g.queue = append(g.queue[:i], g.queue[i+1:]...)
			return
		}
	}
}

// release gives a slot back and grants free slots to queued requests.
func (g *gate) release() {
	g.held--
	g.dispatch()
}

// dispatch grants free slots to queued requests, oldest first.
func (g *gate) dispatch() {
	for len(g.queue) > 0 && g.held < g.limit {
		w := g.queue[0]
		g.queue[0] = nil
		g.queue = g.queue[1:]
		w.granted = true
		g.held++
		close(w.ready)
	}
}

// pausedFor returns how long new requests must still wait after a 429.
func (g *gate) pausedFor(now time.Time) time.Duration {
	return max(g.pausedUntil.Sub(now), 0)
}

// rateLimited records a 429 at now: new requests wait for pause, and the
// limit is halved unless it was halved within the last round trip or
// pause, so that one burst of 429s halves it once. It reports whether
// the limit was halved.
func (g *gate) rateLimited(now time.Time, pause, roundTrip time.Duration) bool {
	if until := now.Add(pause); until.After(g.pausedUntil) {
		g.pausedUntil = until
	}
	if now.Before(g.cutAllowed) {
		return false
	}
	g.limit = max(g.limit/2, 1)
	g.successes = 0
	g.epoch++
	g.cutAllowed = now.Add(max(pause, roundTrip))
	return true
}

// succeeded records a good answer to a request sent in the given epoch
// and raises the limit by one after enough of them. Answers to requests
// sent before the last cut do not count: they tell nothing of the new
// limit.
func (g *gate) succeeded(epoch int) {
	if g.limit >= g.max || epoch != g.epoch {
		return
	}
	g.successes++
	need := g.growAfter
	if need == 0 {
		need = g.limit
	}
	if g.successes >= need {
		g.limit++
		g.successes = 0
		g.dispatch()
	}
}
