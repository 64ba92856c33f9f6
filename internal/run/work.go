package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

// work runs one item from loading its source to recording its result.
func (r *Runner) work(ctx context.Context, i int, it Item, task Task, srcs *sources) {
	res := Result{Started: r.now()}
	r.mu.Lock()
	r.results[i].Started = res.Started
	r.running++
	r.mu.Unlock()
	r.emit(Event{Kind: ItemStarted, Index: i, Result: Result{Key: it.Key, Output: it.Output, Started: res.Started}})
	defer func() {
		r.mu.Lock()
		r.running--
		r.mu.Unlock()
		r.finish(i, res)
	}()

	src, took, err := srcs.get(ctx, it)
	res.Load = took
	switch {
	case err == nil:
	case isCanceled(ctx, err):
		res.Status = StatusCanceled
		return
	case errors.Is(err, ErrSkip):
		res.Status, res.Error = StatusSkipped, err.Error()
		return
	default:
		res.Status, res.Error = StatusFailed, fmt.Sprintf("read source: %v", err)
		return
	}

	if task.Fingerprint != nil {
		fp, err := task.Fingerprint(it, src)
		if err != nil {
			res.Status, res.Error = StatusFailed, err.Error()
			return
		}
		it.Fingerprint = fp
	}
	var prev manifest.Record
	if m := r.opts.Manifest; m != nil {
		var state manifest.State
		prev, state = m.Check(it.Key, src.Hash, it.Fingerprint)
		if !state.Redo(r.opts.Force) {
			res.Status = StatusUpToDate
			if state == manifest.StateEdited {
				res.Status = StatusEdited
				res.Error = "output edited since it was written"
			}
			return
		}
	}

	var est Estimate
	if task.Estimate != nil {
		est = task.Estimate(it, src)
	}
	if r.opts.DryRun {
		res.Status, res.Estimate = StatusEstimated, &est
		r.mu.Lock()
		r.estimate = r.estimate.Add(est)
		r.mu.Unlock()
		return
	}
	switch r.stopReason(ctx) {
	case StopCanceled:
		res.Status = StatusCanceled
		return
	case StopFatal:
		res.Status = StatusFatal
		return
	}
	if it.Output != "" && r.outDir() != "" {
		// Refuse an output that cannot be written before paying for it.
		if _, err := inputs.Resolve(r.outDir(), it.Output); err != nil {
			res.Status, res.Error = StatusFailed, err.Error()
			return
		}
	}
	m := &meter{r: r}
	r.mu.Lock()
	ok := r.budget.reserve(m, est, r.cost, int64(r.usage.Total()))
	if ok && r.firstWork.IsZero() {
		r.firstWork = r.now()
	}
	r.mu.Unlock()
	if !ok {
		res.Status, res.Estimate = StatusBudget, &est
		return
	}
	start := r.now()
	out, err := task.Do(withMeter(ctx, m), it, src)
	res.Run = r.now().Sub(start)
	m.fill(&res)
	r.mu.Lock()
	r.budget.settle(m)
	r.worked++
	r.mu.Unlock()
	r.record(ctx, it, src, prev, out, err, &res)
}

// record writes a finished item's output and manifest record.
func (r *Runner) record(ctx context.Context, it Item, src Source, prev manifest.Record, out Outcome, err error, res *Result) {
	if err == nil && len(out.Content) == 0 {
		err = errors.New("the task produced an empty output")
	}
	if err != nil && isCanceled(ctx, err) {
		res.Status = StatusCanceled
		return
	}
	rec := manifest.Record{Key: it.Key, SourcePath: it.SourcePath, SourceHash: src.Hash, Fingerprint: it.Fingerprint,
		Usage: res.Usage, Requests: res.Requests, Cached: res.Cached, Attempts: res.Attempts,
		LoadMS: res.Load.Milliseconds(), RunMS: res.Run.Milliseconds()}
	if err == nil {
		err = r.write(it.Output, out.Content)
		if err == nil {
			rec.Output, rec.OutputHash = it.Output, manifest.Hash(out.Content)
		}
	}
	switch {
	case err != nil:
		res.Status, res.Error = StatusFailed, err.Error()
		rec.Status, rec.Error = manifest.StatusFailed, err.Error()
		// The folder still holds the previous output, if any.
		rec.Output, rec.OutputHash = prev.Output, prev.OutputHash
		if llm.IsFatal(err) {
			r.setFatal(err)
		}
	case out.Violations > 0:
		res.Status, res.Violations = StatusViolations, out.Violations
		rec.Status, rec.Violations = manifest.StatusViolations, out.Violations
	default:
		res.Status = StatusOK
		rec.Status = manifest.StatusOK
	}
	if m := r.opts.Manifest; m != nil {
		if _, aerr := m.Append(rec); aerr != nil {
			r.setRunErr(aerr)
		}
	}
}

// write replaces an output file atomically, creating its folders, and
// removes temporary files an interrupted earlier write of it left, so
// that a resumed run ends with the same tree as an uninterrupted one.
func (r *Runner) write(rel string, content []byte) error {
	p, err := inputs.Resolve(r.outDir(), rel)
	if err != nil {
		return err
	}
	for _, s := range r.stale.take(filepath.Dir(p), filepath.Base(p)) {
		_ = os.Remove(s)
	}
	return atomicfile.WriteFile(p, content, 0o644)
}
