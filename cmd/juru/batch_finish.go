package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/cost"
	batchrun "github.com/juru-cli/juru/internal/run"
)

// finish reports a collect as batchRun.finish reports a run, telling
// items that wait for batch answers from items that failed.
func (col *collector) finish(ctx context.Context, b *batchRun, s *batchrun.Summary, runErr error) error {
	a := b.a
	if s != nil && len(s.Items) > 1 {
		_ = batchrun.WriteTable(a.stderr, s)
	}
	pending := 0
	if s != nil {
		for i, it := range s.Items {
			switch {
			case it.Status == batchrun.StatusFailed && col.isPending(i):
				pending++
				fmt.Fprintf(a.stderr, "juru: pending: %s [%s]: %s\n", it.Source, it.Lang, it.Error)
			case it.Status == batchrun.StatusFailed:
				fmt.Fprintf(a.stderr, "juru: failed: %s [%s]: %s\n", it.Source, it.Lang, it.Error)
			case it.Status == batchrun.StatusSkipped:
				fmt.Fprintf(a.stderr, "juru: skipped: %s: %s\n", it.Source, strings.TrimPrefix(it.Error, batchrun.ErrSkip.Error()+": "))
			case it.Status == batchrun.StatusEdited:
				fmt.Fprintf(a.stderr, "juru: kept: %s was edited by hand since juru wrote it (--force redoes it)\n", it.Output)
			}
		}
	}
	st := col.replay.Stats()
	full := cost.New(cost.Options{Overrides: b.bo.prices})
	fmt.Fprintf(a.stderr, "juru: collect: %d answers from the batch results, %d requests to the live endpoint ($%.4f)",
		st.Replayed, st.Live, full.Cost(b.p.model, st.LiveUsage))
	if pending > 0 {
		fmt.Fprintf(a.stderr, ", %d items pending", pending)
	}
	fmt.Fprintln(a.stderr)
	if s != nil && b.bo.report != "" {
		var buf bytes.Buffer
		if err := batchrun.WriteReport(&buf, s); err != nil {
			return err
		}
		if err := atomicfile.WriteFile(b.bo.report, buf.Bytes(), 0o644); err != nil {
			return &inputError{fmt.Errorf("report: %w", err)}
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintln(a.stderr, "juru: interrupted: finished items are kept; run the same collect again to do the others")
		return context.Cause(ctx)
	}
	if runErr != nil {
		return runErr
	}
	if pending > 0 {
		return &partialError{failed: s.Count(batchrun.StatusFailed), total: len(s.Items)}
	}
	return b.outcome(s)
}

func (col *collector) isPending(i int) bool {
	col.mu.Lock()
	defer col.mu.Unlock()
	return col.pending[i]
}
