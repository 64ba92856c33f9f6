package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/memlimit"
	batchrun "github.com/juru-cli/juru/internal/run"
)

// batchRun is one run of items over an output folder.
type batchRun struct {
	a    *app
	bo   batchOptions
	p    *pipeline
	name string // the command, for messages: "translate"

	// itemErr keeps the error of each failed item, by index, so that the
	// exit code can tell an endpoint failure from a bad input.
	mu      sync.Mutex
	itemErr map[int]error
}

// expandInputs lists the inputs, printing warnings for skipped paths.
func (a *app) expandInputs(bo batchOptions) ([]inputs.Input, error) {
	opts := inputs.Options{FilesFrom: bo.filesFrom, Stdin: a.stdin, All: bo.all}
	if bo.outDir != "" {
		opts.Exclude = []string{bo.outDir}
	}
	ins, warns, err := inputs.Expand(bo.inputs, opts)
	for _, w := range warns {
		fmt.Fprintf(a.stderr, "juru: warning: %s\n", w)
	}
	if err != nil {
		return nil, &inputError{err}
	}
	if len(ins) == 0 {
		return nil, &inputError{errors.New("no input files found (folders are searched for .txt, .md, .html and .htm; use --all for every file)")}
	}
	if bo.shardN > 1 {
		if ins, err = inputs.Shard(ins, bo.shardI, bo.shardN); err != nil {
			return nil, usagef("--shard: %v", err)
		}
		if len(ins) == 0 {
			fmt.Fprintf(a.stderr, "juru: shard %s holds none of the inputs; nothing to do\n", bo.shard)
		}
	}
	return ins, nil
}

// openManifest creates the output folder and takes its manifest.
func (b *batchRun) openManifest(ctx context.Context) (*manifest.Manifest, error) {
	if err := os.MkdirAll(b.bo.outDir, 0o755); err != nil {
		return nil, &inputError{fmt.Errorf("output folder: %w", err)}
	}
	m, err := manifest.Open(ctx, b.bo.outDir, manifest.Options{Shard: b.bo.shardName()})
	if err != nil {
		var locked *manifest.LockedError
		if errors.As(err, &locked) {
			return nil, &inputError{err}
		}
		return nil, &inputError{fmt.Errorf("manifest: %w", err)}
	}
	if err := joinShards(ctx, b.bo, m); err != nil {
		m.Close()
		return nil, &inputError{fmt.Errorf("manifest: %w", err)}
	}
	return m, nil
}

// noteErr remembers the error of a failed item.
func (b *batchRun) noteErr(i int, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.itemErr == nil {
		b.itemErr = map[int]error{}
	}
	b.itemErr[i] = err
}

// execute runs the items with progress on stderr and returns the summary.
func (b *batchRun) execute(ctx context.Context, m *manifest.Manifest, items []batchrun.Item, task batchrun.Task) (*batchrun.Summary, error) {
	if !b.bo.dryRun && b.bo.maxCost == 0 && b.bo.maxTokens == 0 {
		// Estimates serve only dry runs and budgets; they cost a token
		// count of every prompt, so skip them otherwise.
		task.Estimate = nil
	}
	if b.a.setMemoryLimit != nil && len(items) > 1 && !b.bo.dryRun {
		if n := memlimit.Limit(b.a.getenv, memlimit.Live()); n > 0 {
			b.a.setMemoryLimit(n)
		}
	}
	r := batchrun.New(batchrun.Options{
		Manifest: m, Limiter: b.p.limiter, Force: b.bo.force, DryRun: b.bo.dryRun,
		MaxCost: b.bo.maxCost, MaxTokens: b.bo.maxTokens, Cost: b.p.price,
	})
	mode := b.bo.progress
	if mode == "auto" {
		mode = "plain"
		if b.a.stderrTTY {
			mode = "bar"
		}
		if len(items) <= 1 || b.bo.dryRun {
			mode = "none"
		}
	}
	pctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	if mode != "none" {
		pr := &batchrun.Progress{W: b.a.stderr, Live: mode == "bar"}
		tick := 200 * time.Millisecond
		if !pr.Live {
			tick = time.Second
		}
		wg.Add(1)
		go func() { defer wg.Done(); pr.Run(pctx, r.Snapshot, tick) }()
	}
	s, err := r.Run(ctx, items, task)
	stop()
	wg.Wait()
	return s, err
}

// finish prints the final table and report and decides the outcome.
func (b *batchRun) finish(ctx context.Context, s *batchrun.Summary, runErr error) error {
	if s != nil && len(s.Items) > 1 && !b.bo.dryRun {
		_ = batchrun.WriteTable(b.a.stderr, s)
	}
	if s != nil {
		b.printFailures(s)
		if b.bo.dryRun {
			b.printEstimate(s)
		}
	}
	if s != nil && b.bo.report != "" {
		var buf bytes.Buffer
		if err := batchrun.WriteReport(&buf, s); err != nil {
			return err
		}
		if err := atomicfile.WriteFile(b.bo.report, buf.Bytes(), 0o644); err != nil {
			return &inputError{fmt.Errorf("report: %w", err)}
		}
	}
	var dl *deadlineError
	if ctx.Err() != nil && errors.As(context.Cause(ctx), &dl) {
		if s == nil {
			return dl
		}
		return &deadlineError{d: dl.d, done: len(s.Items) - s.Pending(), total: len(s.Items)}
	}
	if ctx.Err() != nil {
		if s != nil {
			fmt.Fprintf(b.a.stderr, "juru: interrupted: %d of %d items are done and kept; run the same command again to do the other %d\n",
				len(s.Items)-s.Pending(), len(s.Items), s.Pending())
		}
		return context.Cause(ctx)
	}
	if runErr != nil {
		return runErr
	}
	if s.Stopped == batchrun.StopBudget {
		fmt.Fprintf(b.a.stderr, "juru: budget reached: %d items not started; raise --max-cost/--max-tokens and run again to finish\n", s.Count(batchrun.StatusBudget))
	}
	return b.outcome(s)
}

// printFailures lists failed and skipped items on stderr.
func (b *batchRun) printFailures(s *batchrun.Summary) {
	for _, it := range s.Items {
		switch it.Status {
		case batchrun.StatusFailed:
			fmt.Fprintf(b.a.stderr, "juru: failed: %s [%s]: %s\n", it.Source, it.Lang, it.Error)
		case batchrun.StatusSkipped:
			fmt.Fprintf(b.a.stderr, "juru: skipped: %s: %s\n", it.Source, strings.TrimPrefix(it.Error, batchrun.ErrSkip.Error()+": "))
		case batchrun.StatusEdited:
			fmt.Fprintf(b.a.stderr, "juru: kept: %s was edited by hand since juru wrote it (--force redoes it)\n", it.Output)
		}
	}
}

// outcome maps a finished run to its error: failed items give exit code
// 4 in a multi-item run (or the item's own error in a single-item run),
// remaining glossary violations give 1.
func (b *batchRun) outcome(s *batchrun.Summary) error {
	failed, strictFailed := 0, 0
	for i, it := range s.Items {
		if it.Status != batchrun.StatusFailed {
			continue
		}
		var withheld *withheldError
		if err := b.itemErr[i]; err != nil && errors.As(err, &withheld) {
			strictFailed++
			continue
		}
		failed++
	}
	if failed > 0 {
		if len(s.Items) == 1 {
			for _, err := range b.itemErr {
				return err
			}
		}
		return &partialError{failed: failed, total: len(s.Items)}
	}
	if n := s.Count(batchrun.StatusBudget); n > 0 {
		return &partialError{failed: n, total: len(s.Items)}
	}
	if v := s.Count(batchrun.StatusViolations) + strictFailed; v > 0 {
		return &silentError{code: exitViolations}
	}
	return nil
}

// withheldError is an output not written because --strict forbids
// writing one with glossary violations.
type withheldError struct {
	n int
}

func (e *withheldError) Error() string {
	return fmt.Sprintf("not written: %d glossary violations remain (--strict)", e.n)
}

// printEstimate sums up what a dry run over a folder would cost.
func (b *batchRun) printEstimate(s *batchrun.Summary) {
	e := s.Estimate
	w := b.a.stdout
	if b.bo.format == "json" {
		w = b.a.stderr
	}
	fmt.Fprintf(w, "dry run: %d of %d items need work (%d up to date); nothing was sent\n",
		s.Count(batchrun.StatusEstimated), len(s.Items), s.Count(batchrun.StatusUpToDate))
	fmt.Fprintf(w, "estimate: %d requests, about %d prompt tokens and %d answer tokens", e.Requests, e.Usage.PromptTokens, e.Usage.CompletionTokens)
	if b.p.costs.Known(b.p.model) {
		fmt.Fprintf(w, ", about $%.4f with %s", e.Cost, b.p.model)
	} else {
		fmt.Fprintf(w, " (no price known for %s; set --price %s=IN/OUT)", b.p.model, b.p.model)
	}
	fmt.Fprintln(w)
}
