package run

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

// Options tunes a Runner.
type Options struct {
	// Manifest, if set, records finished items and lets up-to-date
	// items be skipped; its folder is the output folder.
	Manifest *manifest.Manifest
	// OutDir is the output folder when Manifest is nil.
	OutDir string
	// Limiter, if set, is the shared Limiter the task calls through;
	// the runner reads its requests in flight for snapshots.
	Limiter *Limiter
	// Parallel bounds the items in progress at once (and so the
	// documents held in memory); zero means twice the Limiter's limit,
	// at least 2.
	Parallel int
	// Force redoes every item, up to date or edited.
	Force bool
	// DryRun loads and checks items, but instead of doing those that
	// need work, adds up their estimates (StatusEstimated).
	DryRun bool
	// MaxCost (USD) and MaxTokens, when positive, stop starting items
	// once an item's estimate would pass them.
	MaxCost   float64
	MaxTokens int64
	// Cost prices usage; nil counts no cost.
	Cost func(model string, u llm.Usage) float64
	// OnEvent, if set, is called as items start and end, from one
	// goroutine at a time.
	OnEvent func(Event)
	// Now tells the time; nil means time.Now.
	Now func() time.Time
}

// EventKind says what happened to an item.
type EventKind int

// The kinds of events.
const (
	ItemStarted EventKind = iota
	ItemEnded
)

// Event reports an item starting or ending.
type Event struct {
	Kind EventKind
	// Index is the item's position in the items given to Run.
	Index int
	// Result is the item's result so far (complete when ended).
	Result Result
}

// Stop reasons, in Summary.Stopped.
const (
	StopBudget   = "budget"
	StopFatal    = "fatal"
	StopCanceled = "canceled"
)

// Runner runs items with bounded concurrency, skipping up-to-date work,
// honouring a budget and recording results. Create one with New; a
// Runner runs once.
type Runner struct {
	opts Options
	now  func() time.Time

	mu        sync.Mutex
	results   []Result
	started   time.Time
	firstWork time.Time
	done      int
	worked    int
	running   int
	usage     llm.Usage
	cost      float64
	requests  int
	cached    int
	attempts  int
	estimate  Estimate
	budget    budget
	stopped   string
	fatal     error
	runErr    error

	eventMu sync.Mutex

	// stale finds what interrupted writes left in the output folders.
	stale staleTemps
}

// New returns a Runner.
func New(opts Options) *Runner {
	r := &Runner{opts: opts, now: opts.Now}
	if r.now == nil {
		r.now = time.Now
	}
	r.budget = budget{maxCost: opts.MaxCost, maxTokens: opts.MaxTokens, active: map[*meter]Estimate{}}
	return r
}

func (r *Runner) outDir() string {
	if r.opts.Manifest != nil {
		return r.opts.Manifest.OutDir()
	}
	return r.opts.OutDir
}

func (r *Runner) parallel() int {
	if r.opts.Parallel > 0 {
		return r.opts.Parallel
	}
	if r.opts.Limiter != nil {
		return max(2, 2*cap(r.opts.Limiter.sem))
	}
	return 2
}

// Run does the items, stage by stage, in their order within a stage,
// at most Parallel at a time, and returns a summary with one Result per
// item in the order given, whatever order they finished in.
//
// One failed item never stops the run. A fatal endpoint error
// (llm.IsFatal) stops starting items; so does cancelling ctx, which also
// cancels requests in flight. Each output is written atomically before
// its manifest record is appended, so every finished item survives an
// interruption. The error is nil when the run went through (item
// failures are in the summary); otherwise it is the fatal endpoint
// error, ctx's error, or a failure to write the manifest.
func (r *Runner) Run(ctx context.Context, items []Item, task Task) (*Summary, error) {
	r.mu.Lock()
	r.results = make([]Result, len(items))
	for i, it := range items {
		r.results[i] = Result{Key: it.Key, Output: it.Output}
	}
	r.started = r.now()
	r.mu.Unlock()

	srcs := newSources(items, task.Load)
	slots := make(chan struct{}, r.parallel())
	var wg sync.WaitGroup
	for _, stage := range stages(items) {
		for _, i := range stage {
			acquired := false
			select {
			case slots <- struct{}{}:
				acquired = true
			case <-ctx.Done():
			}
			if reason := r.stopReason(ctx); reason == StopCanceled || reason == StopFatal {
				st := StatusFatal
				if reason == StopCanceled {
					st = StatusCanceled
				}
				r.finish(i, Result{Status: st})
				srcs.release(items[i].Source)
				if acquired {
					<-slots
				}
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				defer srcs.release(items[i].Source)
				r.work(ctx, i, items[i], task, srcs)
			}()
		}
		wg.Wait()
	}
	if m := r.opts.Manifest; m != nil && !r.opts.DryRun {
		if err := m.Compact(); err != nil {
			r.setRunErr(err)
		}
	}
	return r.summary(ctx)
}

// stages groups item indexes by Stage, in increasing stage order.
func stages(items []Item) [][]int {
	by := map[int][]int{}
	for i, it := range items {
		by[it.Stage] = append(by[it.Stage], i)
	}
	keys := make([]int, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	out := make([][]int, 0, len(keys))
	for _, k := range keys {
		out = append(out, by[k])
	}
	return out
}

// stopReason says why no new item may start, if one may not.
func (r *Runner) stopReason(ctx context.Context) string {
	if ctx.Err() != nil {
		return StopCanceled
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fatal != nil || r.runErr != nil {
		return StopFatal
	}
	return ""
}

func (r *Runner) setRunErr(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.runErr == nil {
		r.runErr = err
	}
}

func (r *Runner) setFatal(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fatal == nil {
		r.fatal = err
	}
}

// charge adds one call's cost to the run's totals.
func (r *Runner) charge(c charged, cost float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.usage = r.usage.Add(c.usage)
	r.cost += cost
	r.attempts += c.attempts
	if c.cached {
		r.cached++
	} else if c.reached {
		r.requests++
	}
}

func (r *Runner) emit(e Event) {
	if r.opts.OnEvent == nil {
		return
	}
	r.eventMu.Lock()
	defer r.eventMu.Unlock()
	r.opts.OnEvent(e)
}

// finish stores an item's final result.
func (r *Runner) finish(i int, res Result) {
	r.mu.Lock()
	base := r.results[i]
	res.Key, res.Output = base.Key, base.Output
	if res.Started.IsZero() {
		res.Started = base.Started
	}
	r.results[i] = res
	r.done++
	r.mu.Unlock()
	r.emit(Event{Kind: ItemEnded, Index: i, Result: res})
}

func isCanceled(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ctx.Err()))
}
