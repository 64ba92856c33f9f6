package pace

import (
	"context"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// ticket is what one admitted request holds.
type ticket struct {
	tokens int64 // reserved in the token bucket
	cost   int64 // estimated tokens, whether reserved or not
	epoch  int   // the gate's epoch when sent
	// reqVer and tokVer are the buckets' versions when reserved.
	reqVer, tokVer int
	// seq and seqCost are the requests and estimated tokens sent so
	// far, this one included.
	seq, seqCost int64
}

// admit waits out any pause, reserves the request's share of the rate
// limits and waits until it may be sent, then counts it as sent. A
// request waiting for the rate limits reserves again whenever the
// endpoint's announcements set the buckets anew, sooner or later.
func (p *Pacer) admit(ctx context.Context, req llm.Request) (ticket, error) {
	// Estimated even before any token limit is known, so that the
	// tokens of requests in flight count once one is announced.
	t := ticket{cost: p.cost(req)}
	var waited time.Duration
	reserved := false
	for {
		p.mu.Lock()
		now := time.Now()
		wait := p.gate.pausedFor(now)
		if wait > 0 && reserved {
			// A 429 since the reservation: the endpoint is full, so
			// reserve again once the pause is over.
			p.req.refund(now, 1, t.reqVer)
			p.tok.refund(now, t.tokens, t.tokVer)
			reserved = false
		}
		if wait <= 0 && !reserved {
			reserved = true
			wait = p.reserve(now, &t)
		}
		if wait <= 0 {
			p.depart(&t)
			if waited > 0 {
				p.stats.throttled++
				p.stats.throttle += waited
			}
			p.mu.Unlock()
			return t, nil
		}
		p.stats.waiting++
		room := p.room
		p.mu.Unlock()

		began := time.Now()
		timer := time.NewTimer(wait)
		var err error
		woken := false
		select {
		case <-timer.C:
		case <-room:
			woken = true
		case <-ctx.Done():
			err = ctx.Err()
		}
		timer.Stop()
		p.mu.Lock()
		p.stats.waiting--
		now = time.Now()
		waited += now.Sub(began)
		if (err != nil || woken) && reserved {
			p.req.refund(now, 1, t.reqVer)
			p.tok.refund(now, t.tokens, t.tokVer)
			reserved = false
		}
		p.mu.Unlock()
		if err != nil {
			return t, err
		}
	}
}

// depart counts a request as sent. The caller holds p.mu.
func (p *Pacer) depart(t *ticket) {
	p.sent++
	t.epoch = p.gate.epoch
	p.total.seq++
	p.total.seqCost += t.cost
	t.seq, t.seqCost = p.total.seq, p.total.seqCost
	p.fly.add(flight{ticket: *t, at: time.Now()})
}

// land counts a sent request as answered. The caller holds p.mu.
func (p *Pacer) land(t ticket) {
	p.sent--
	p.fly.land(t.seq, time.Now())
}

// reserve takes one request and, under a token limit, the request's
// estimated tokens from the buckets, and returns how long to wait before
// sending. The caller holds p.mu.
func (p *Pacer) reserve(now time.Time, t *ticket) time.Duration {
	t.reqVer, t.tokVer = p.req.version, p.tok.version
	wait := max(p.req.reserve(now, 1), p.req.closedFor(now), p.tok.closedFor(now))
	if p.tok.limited() {
		t.tokens = t.cost
		wait = max(wait, p.tok.reserve(now, t.tokens))
	}
	return wait
}
