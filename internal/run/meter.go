package run

import (
	"context"
	"sync"

	"github.com/juru-cli/juru/internal/llm"
)

// meter counts the calls of one item and forwards them to the run's
// totals.
type meter struct {
	r *Runner

	mu       sync.Mutex
	usage    llm.Usage
	cost     float64
	requests int
	cached   int
	attempts int
}

type meterKey struct{}

func withMeter(ctx context.Context, m *meter) context.Context {
	return context.WithValue(ctx, meterKey{}, m)
}

func meterFrom(ctx context.Context) *meter {
	m, _ := ctx.Value(meterKey{}).(*meter)
	return m
}

func (m *meter) add(model string, c charged) {
	cost := 0.0
	if m.r.opts.Cost != nil && c.usage != (llm.Usage{}) {
		cost = m.r.opts.Cost(model, c.usage)
	}
	m.mu.Lock()
	m.usage = m.usage.Add(c.usage)
	m.cost += cost
	m.attempts += c.attempts
	if c.cached {
		m.cached++
	} else if c.reached {
		m.requests++
	}
	m.mu.Unlock()
	m.r.charge(c, cost)
}

func (m *meter) fill(res *Result) {
	m.mu.Lock()
	defer m.mu.Unlock()
	res.Usage, res.Cost, res.Requests, res.Cached, res.Attempts = m.usage, m.cost, m.requests, m.cached, m.attempts
}

// spent returns the cost and tokens counted so far.
func (m *meter) spent() (float64, int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cost, int64(m.usage.Total())
}

// budget tracks spending against MaxCost and MaxTokens: an item reserves
// its estimate when it starts and gives the reservation back when it
// ends; what it spends is counted as it happens.
type budget struct {
	maxCost   float64
	maxTokens int64
	active    map[*meter]Estimate
	hit       bool
}

// reserve reports whether an item with estimate e fits, given what was
// spent and what running items may still spend, and reserves it.
func (b *budget) reserve(m *meter, e Estimate, spentCost float64, spentTokens int64) bool {
	if b.hit {
		return false
	}
	if b.maxCost <= 0 && b.maxTokens <= 0 {
		b.active[m] = e
		return true
	}
	cost, tokens := spentCost+e.Cost, spentTokens+int64(e.Usage.Total())
	for am, ae := range b.active {
		c, t := am.spent()
		cost += max(0, ae.Cost-c)
		tokens += max(0, int64(ae.Usage.Total())-t)
	}
	if (b.maxCost > 0 && cost > b.maxCost) || (b.maxTokens > 0 && tokens > b.maxTokens) {
		b.hit = true
		return false
	}
	b.active[m] = e
	return true
}

func (b *budget) settle(m *meter) { delete(b.active, m) }
