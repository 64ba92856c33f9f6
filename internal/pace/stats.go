package pace

import "time"

// counters are the running totals behind Stats.
type counters struct {
	waiting     int // waiting for a pause or the rate limits now
	queued      int // requests that waited for a slot
	throttled   int // requests that waited for a pause or the rate limits
	throttle    time.Duration
	rateLimited int
	backoffs    int
	requeued    int
}

// Stats describes a Pacer's state, for a progress line.
type Stats struct {
	// Limit is the concurrency limit now; Max is its ceiling.
	Limit, Max int
	// InFlight is the requests sent and not yet answered; Waiting those
	// holding a slot while they wait for a pause or the rate limits.
	InFlight, Waiting int
	// Queued counts the requests that waited for a slot.
	Queued int
	// Throttled counts the requests that waited for a pause or the rate
	// limits, and Throttle adds up how long they waited.
	Throttled int
	Throttle  time.Duration
	// RateLimited counts the 429 answers seen; Backoffs the times they
	// halved the concurrency limit; Requeued the requests queued again
	// after one.
	RateLimited, Backoffs, Requeued int
	// Paused is how long new requests will still wait after a 429.
	Paused time.Duration
	// RPM and TPM are the request and token limits per window in force,
	// zero when none; RPMLearned and TPMLearned report that they were
	// announced by the endpoint rather than set by hand.
	RPM, TPM               int64
	RPMLearned, TPMLearned bool
}

// Stats returns the pacer's state now.
func (p *Pacer) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Stats{
		Limit:       p.gate.limit,
		Max:         p.gate.max,
		InFlight:    p.sent,
		Waiting:     p.stats.waiting,
		Queued:      p.stats.queued,
		Throttled:   p.stats.throttled,
		Throttle:    p.stats.throttle,
		RateLimited: p.stats.rateLimited,
		Backoffs:    p.stats.backoffs,
		Requeued:    p.stats.requeued,
		Paused:      p.gate.pausedFor(time.Now()),
		RPM:         p.req.limit(),
		TPM:         p.tok.limit(),
		RPMLearned:  p.req.hand == 0 && p.req.learned > 0,
		TPMLearned:  p.tok.hand == 0 && p.tok.learned > 0,
	}
}
