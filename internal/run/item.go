package run

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

// Item is one unit of work: one task on one source into one language
// (or a per-language digest, with an empty Source).
type Item struct {
	manifest.Key
	// Output is the output file, slash-separated, relative to the
	// output folder (see inputs.OutRel).
	Output string
	// SourcePath is where the source was read, for the manifest (see
	// manifest.Record.SourcePath).
	SourcePath string
	// Fingerprint is the caller's digest of model, prompt version,
	// options and applicable glossary entries; with the source hash it
	// decides whether a recorded output is up to date.
	Fingerprint string
	// Stage orders dependent work: no item starts before every item of
	// a lower stage has ended. Digests are stage 1 over stage-0 summaries.
	Stage int
	// Data is the caller's own value, such as an inputs.Input.
	Data any
}

// Source is an item's source, as Task.Load read it.
type Source struct {
	// Hash is the SHA-256 (hex) of the decoded text (manifest.Hash).
	Hash string
	// Value is the caller's decoded document, handed to Task.Do.
	Value any
}

// Estimate is what an item is expected to cost.
type Estimate struct {
	Requests int       `json:"requests"`
	Usage    llm.Usage `json:"usage"`
	Cost     float64   `json:"cost_usd"`
}

// Add returns the sum of two estimates.
func (e Estimate) Add(o Estimate) Estimate {
	return Estimate{Requests: e.Requests + o.Requests, Usage: e.Usage.Add(o.Usage), Cost: e.Cost + o.Cost}
}

// Outcome is what Task.Do produced for an item.
type Outcome struct {
	// Content is the output file's bytes; the runner writes it
	// atomically to the item's Output. It must not be empty.
	Content []byte
	// Violations counts the checks still failing after repair; more
	// than zero gives the status "violations".
	Violations int
}

// Task is the work a run does, supplied by the caller.
type Task struct {
	// Load reads and decodes an item's source when the item starts and
	// returns its hash. It is called once per distinct non-empty Source
	// while items of that source are in progress (items with an empty
	// Source, such as digests, load each on their own). An error
	// wrapping ErrSkip skips the item with a warning (a file that is not
	// text); any other error fails it.
	Load func(ctx context.Context, it Item) (Source, error)
	// Fingerprint, optional, computes the item's fingerprint from its
	// loaded source, for callers whose fingerprint depends on the text
	// (such as the glossary entries that occur in it); it replaces
	// Item.Fingerprint.
	Fingerprint func(it Item, src Source) (string, error)
	// Estimate, optional, predicts an item's cost, for budgets and dry
	// runs.
	Estimate func(it Item, src Source) Estimate
	// Do performs the item, calling the endpoint only through a
	// Completer wrapped by the runner's Limiter and with the ctx it is
	// given, so that usage is counted against the item.
	Do func(ctx context.Context, it Item, src Source) (Outcome, error)
}

// ErrSkip, wrapped by a Task.Load error, skips an item with a warning.
var ErrSkip = errors.New("skipped")

// Skip returns an error wrapping ErrSkip with a reason, such as
// "not a text file".
func Skip(reason string) error { return fmt.Errorf("%w: %s", ErrSkip, reason) }

// Status is how an item ended in a run.
type Status string

// The statuses an item can end with.
const (
	StatusOK         Status = "ok"
	StatusViolations Status = "violations"
	StatusFailed     Status = "failed"
	// StatusUpToDate: the recorded output is current; nothing was done.
	StatusUpToDate Status = "up-to-date"
	// StatusEdited: the output was edited by a person since juru wrote
	// it; left alone (Force overwrites it).
	StatusEdited Status = "edited"
	// StatusSkipped: Task.Load skipped it (Result.Error says why).
	StatusSkipped Status = "skipped"
	// StatusBudget: not started, as it would have passed the budget.
	StatusBudget Status = "skipped-budget"
	// StatusFatal: not started after a fatal endpoint error.
	StatusFatal Status = "skipped-fatal"
	// StatusCanceled: not started or interrupted by cancellation.
	StatusCanceled Status = "canceled"
	// StatusEstimated: a dry run would do it (Result.Estimate).
	StatusEstimated Status = "estimated"
)

// Statuses lists every status in display order.
func Statuses() []Status {
	return []Status{StatusOK, StatusViolations, StatusFailed, StatusUpToDate, StatusEdited,
		StatusSkipped, StatusBudget, StatusFatal, StatusCanceled, StatusEstimated}
}

// Result is how one item ended.
type Result struct {
	manifest.Key
	Output     string        `json:"output,omitempty"`
	Status     Status        `json:"status"`
	Error      string        `json:"error,omitempty"`
	Usage      llm.Usage     `json:"usage"`
	Cost       float64       `json:"cost_usd"`
	Requests   int           `json:"requests"`
	Cached     int           `json:"cached"`
	Attempts   int           `json:"attempts"`
	Violations int           `json:"violations"`
	Estimate   *Estimate     `json:"estimate,omitempty"`
	Started    time.Time     `json:"started,omitzero"`
	Load       time.Duration `json:"-"`
	Run        time.Duration `json:"-"`
}

// Done reports whether the status is final for this run's purpose: the
// item needs no further run (written, up to date, edited or skipped).
func (s Status) Done() bool {
	switch s {
	case StatusOK, StatusViolations, StatusUpToDate, StatusEdited, StatusSkipped:
		return true
	}
	return false
}
