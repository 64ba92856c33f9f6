package run

import (
	"context"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// Summary is the outcome of a run.
type Summary struct {
	// Items holds one result per item, in the order given to Run.
	Items []Result
	// Started and Elapsed time the run.
	Started time.Time
	Elapsed time.Duration
	// Usage, Cost, Requests, Cached and Attempts add up the calls made
	// (Usage and Cost count what was paid: cache hits are free).
	Usage    llm.Usage
	Cost     float64
	Requests int
	Cached   int
	Attempts int
	// Estimate adds up the estimates of the items a dry run would do.
	Estimate Estimate
	// Stopped is why the run stopped starting items early: StopBudget,
	// StopFatal, StopCanceled, or "" when it went through.
	Stopped string
	// Fatal is the endpoint error that stopped the run, if any.
	Fatal error
}

// Count returns how many items ended with status st.
func (s *Summary) Count(st Status) int {
	n := 0
	for _, r := range s.Items {
		if r.Status == st {
			n++
		}
	}
	return n
}

// Failed is the number of failed items.
func (s *Summary) Failed() int { return s.Count(StatusFailed) }

// Pending is the number of items a further run of the same command
// would do: failed, canceled or not started.
func (s *Summary) Pending() int {
	return s.Count(StatusFailed) + s.Count(StatusCanceled) + s.Count(StatusBudget) + s.Count(StatusFatal)
}

func (r *Runner) summary(ctx context.Context) (*Summary, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := &Summary{
		Items:   append([]Result(nil), r.results...),
		Started: r.started, Elapsed: r.now().Sub(r.started),
		Usage: r.usage, Cost: r.cost, Requests: r.requests, Cached: r.cached, Attempts: r.attempts,
		Estimate: r.estimate, Fatal: r.fatal,
	}
	var err error
	switch {
	case r.runErr != nil:
		s.Stopped, err = StopFatal, r.runErr
	case r.fatal != nil:
		s.Stopped, err = StopFatal, r.fatal
	case ctx.Err() != nil:
		s.Stopped, err = StopCanceled, ctx.Err()
	case r.budget.hit:
		s.Stopped = StopBudget
	}
	return s, err
}

// Snapshot is the state of a run in progress, for a progress display.
type Snapshot struct {
	// Total items, Done items (any final status), Running items.
	Total, Done, Running int
	// Counts by final status so far.
	OK, Violations, Failed, UpToDate, Skipped int
	// InFlight is the requests in flight (when a Limiter is known).
	InFlight int
	// Requests, Cached, Usage and Cost add up the calls so far.
	Requests, Cached int
	Usage            llm.Usage
	Cost             float64
	// Elapsed since the run started; ETA is the estimated time left, or
	// -1 when no item has been worked on yet.
	Elapsed, ETA time.Duration
	// Stopping reports that the run has stopped starting items.
	Stopping bool
}

// Snapshot returns the state of the run now. It is safe to call from
// any goroutine while Run runs.
func (r *Runner) Snapshot() Snapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	s := Snapshot{Total: len(r.results), Done: r.done, Running: r.running,
		Requests: r.requests, Cached: r.cached, Usage: r.usage, Cost: r.cost, ETA: -1,
		Stopping: r.fatal != nil || r.runErr != nil || r.budget.hit}
	if !r.started.IsZero() {
		s.Elapsed = now.Sub(r.started)
	}
	for _, res := range r.results {
		switch res.Status {
		case StatusOK:
			s.OK++
		case StatusViolations:
			s.Violations++
		case StatusFailed:
			s.Failed++
		case StatusUpToDate, StatusEdited:
			s.UpToDate++
		case "":
		default:
			s.Skipped++
		}
	}
	if r.opts.Limiter != nil {
		s.InFlight = r.opts.Limiter.Stats().InFlight
	}
	if r.worked > 0 && !r.firstWork.IsZero() {
		perItem := now.Sub(r.firstWork) / time.Duration(r.worked)
		s.ETA = perItem * time.Duration(s.Total-s.Done)
	}
	return s
}
