package pace

import (
	"context"
	"sync"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// Defaults used when the matching Options field is zero.
const (
	// DefaultWindow is the period rate limits count over: a minute, as
	// for OpenAI's requests and tokens per minute.
	DefaultWindow = time.Minute
	// DefaultPause is how long new requests are held after a 429 that
	// named no wait.
	DefaultPause = time.Second
	// DefaultOutputRatio is the expected answer tokens per prompt token
	// of a request that sets no MaxTokens.
	DefaultOutputRatio = 1.0
	// DefaultRequeue is how many times a request refused with 429 is
	// queued again.
	DefaultRequeue = 2
)

// Options configures a Pacer.
type Options struct {
	// MaxConcurrency is the most requests in flight at once (--jobs);
	// values below one mean one.
	MaxConcurrency int
	// RPM and TPM, when positive, are the requests and tokens allowed per
	// Window, set by hand (--rpm, --tpm). They take precedence over the
	// limits the endpoint announces; zero means learn them from its
	// headers, if it sends any.
	RPM, TPM int64
	// Window is the period the limits count over; DefaultWindow when zero.
	Window time.Duration
	// PromptTokens estimates the prompt tokens of a request, once per
	// request. Nil counts about four bytes of message text per token.
	PromptTokens func(llm.Request) int
	// OutputRatio is the expected answer tokens per prompt token of a
	// request that sets no MaxTokens; DefaultOutputRatio when zero. A
	// request with MaxTokens reserves that many.
	OutputRatio float64
	// GrowAfter is the number of successful answers that raise the
	// concurrency limit by one; zero means the current limit, so that it
	// grows by one per window of requests.
	GrowAfter int
	// Pause is how long new requests are held after a 429 that named no
	// wait; DefaultPause when zero.
	Pause time.Duration
	// Requeue is how many times a request still refused with 429 after
	// the next Completer's own retries is queued again behind the
	// pause; DefaultRequeue when zero, none when negative.
	Requeue int
}

// Pacer is an llm.Completer that paces requests to the next Completer:
// adaptive concurrency plus a token-aware rate limiter. It is safe for
// concurrent use.
type Pacer struct {
	next  llm.Completer
	opts  Options
	estim func(llm.Request) int

	mu    sync.Mutex
	gate  gate
	req   bucket // requests
	tok   bucket // tokens
	sent  int    // requests past every wait and not yet answered
	total ticket // cumulative requests and estimated tokens sent
	fly   flights
	srtt  time.Duration
	room  chan struct{} // closed when the buckets are set anew
	stats counters
}

var _ llm.Completer = (*Pacer)(nil)

// New returns a Pacer in front of next.
func New(next llm.Completer, opts Options) *Pacer {
	opts.MaxConcurrency = max(opts.MaxConcurrency, 1)
	opts.RPM, opts.TPM = max(opts.RPM, 0), max(opts.TPM, 0)
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.OutputRatio <= 0 {
		opts.OutputRatio = DefaultOutputRatio
	}
	if opts.Pause <= 0 {
		opts.Pause = DefaultPause
	}
	switch {
	case opts.Requeue == 0:
		opts.Requeue = DefaultRequeue
	case opts.Requeue < 0:
		opts.Requeue = 0
	}
	p := &Pacer{next: next, opts: opts, estim: opts.PromptTokens, room: make(chan struct{})}
	if p.estim == nil {
		p.estim = roughTokens
	}
	p.gate = newGate(opts.MaxConcurrency, opts.GrowAfter)
	p.req = newBucket(opts.Window, opts.RPM)
	p.tok = newBucket(opts.Window, opts.TPM)
	return p
}

// Complete waits for a slot, for any pause after a 429 and for the rate
// limits, then calls the next Completer and learns from its answer. A
// request still refused with 429 once the next Completer has given up is
// queued again, up to Options.Requeue times. Complete returns the
// context's error if ctx ends while waiting.
func (p *Pacer) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	for n := 0; ; n++ {
		resp, err := p.once(ctx, req)
		if n >= p.opts.Requeue || !refused(err) || ctx.Err() != nil {
			return resp, err
		}
		p.mu.Lock()
		p.stats.requeued++
		p.mu.Unlock()
	}
}

// once sends req through the pacer one time.
func (p *Pacer) once(ctx context.Context, req llm.Request) (llm.Response, error) {
	if err := p.acquire(ctx); err != nil {
		return llm.Response{}, err
	}
	t, err := p.admit(ctx, req)
	if err != nil {
		p.mu.Lock()
		p.gate.release()
		p.mu.Unlock()
		return llm.Response{}, err
	}
	start := time.Now()
	resp, err := p.next.Complete(ctx, req)
	p.finish(t, req, resp, err, time.Since(start))
	return resp, err
}

// acquire waits for a slot under the concurrency limit.
func (p *Pacer) acquire(ctx context.Context) error {
	p.mu.Lock()
	if p.gate.tryAcquire() {
		p.mu.Unlock()
		return nil
	}
	w := p.gate.enqueue()
	p.stats.queued++
	p.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		p.mu.Lock()
		p.gate.abandon(w)
		p.mu.Unlock()
		return ctx.Err()
	}
}

// cost estimates the tokens the endpoint will count for req.
func (p *Pacer) cost(req llm.Request) int64 {
	prompt := int64(max(p.estim(req), 0))
	if req.MaxTokens > 0 {
		return prompt + int64(req.MaxTokens)
	}
	return prompt + int64(float64(prompt)*p.opts.OutputRatio+0.5)
}

// roughTokens estimates prompt tokens at about four bytes each, plus a
// few per message for the chat format.
func roughTokens(req llm.Request) int {
	n := 3
	for _, m := range req.Messages {
		n += 4 + (len(m.Content)+len(m.Role)+3)/4
	}
	return n
}
