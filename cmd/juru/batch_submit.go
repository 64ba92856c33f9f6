package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/openai"
)

func (a *app) batchSubmitCommand() *cli.Command {
	return &cli.Command{
		Name:      "submit",
		Usage:     "send the first requests of every item that is not up to date to the Batch API",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Takes the inputs and options of translate. Requests already answered by an earlier batch, or\n" +
			"waiting in one that still runs, are not sent again; requests of expired, cancelled or failed\n" +
			"batches are. Files hold at most --max-lines requests and --max-bytes bytes; more make several\n" +
			"batches. Prints the estimated cost at the Batch API's half price; --dry-run stops there.",
		Flags: a.taskFlags(taskFlag(),
			&cli.IntFlag{Name: "max-lines", Value: batchapi.DefaultLimits.MaxLines, Usage: "requests per batch file at most", Category: "Batch"},
			&cli.Int64Flag{Name: "max-bytes", Value: batchapi.DefaultLimits.MaxBytes, Usage: "bytes per batch file at most", Category: "Batch"},
		),
		Action: func(c *cli.Context) error {
			w, err := a.batchTaskOptions(c)
			if err != nil {
				return err
			}
			if bo, _ := w.settings(); bo.outDir == "" {
				return usagef("submit: -o DIR is required: the output folder holds the batch state")
			}
			lim := batchapi.Limits{MaxLines: c.Int("max-lines"), MaxBytes: c.Int64("max-bytes")}
			if lim.MaxLines < 1 || lim.MaxBytes < 1024 {
				return usagef("submit: --max-lines must be positive and --max-bytes at least 1024")
			}
			return a.batchSubmit(c.Context, w, lim)
		},
	}
}

// batchClient returns the endpoint client for the Batch API.
func (a *app) batchClient(ctx context.Context, eo endpointOptions) (*openai.Client, error) {
	if !eo.explicit {
		return nil, usagef("%v", errNoBatchEndpoint)
	}
	c, err := a.newClient(ctx, eo)
	if err != nil {
		return nil, err
	}
	cl, ok := c.(*openai.Client)
	if !ok {
		return nil, errNoBatchEndpoint
	}
	return cl, nil
}

// batchSubmit plans the run's first requests and submits them.
func (a *app) batchSubmit(ctx context.Context, w batchWork, lim batchapi.Limits) error {
	bo, eo := w.settings()
	g, err := a.loadGlossaries(w.glossaries())
	if err != nil {
		return err
	}
	ins, err := a.expandInputs(bo)
	if err != nil {
		return err
	}
	items, err := w.items(ins)
	if err != nil {
		return err
	}
	client, err := a.batchClient(ctx, eo)
	if err != nil {
		return err
	}
	b := &batchRun{a: a, bo: bo, name: "batch submit"}
	m, err := b.openManifest(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	store := batchapi.OpenStore(bo.outDir, bo.shardName())
	f, closeAnswers, err := a.syncForSubmit(ctx, store, client, bo.dryRun)
	if err != nil {
		return err
	}
	defer closeAnswers()
	pl := &batchPlan{sources: map[string]string{}}
	var created []batchapi.Batch
	packer := batchapi.NewPacker(lim, func(lines []batchapi.Line) error {
		if bo.dryRun {
			return nil
		}
		bs, err := store.Submit(ctx, client, [][]batchapi.Line{lines}, pl.sources, redactURL(eo.BaseURL))
		for _, bt := range bs {
			fmt.Fprintf(a.stdout, "%s\t%s\t%d requests\t%s\n", bt.ID, bt.Status, bt.Requests, bt.Name)
		}
		created = append(created, bs...)
		return err
	})
	err = a.planBatch(ctx, w, g, ins, items, client, m, f, pl, packer.Add)
	if err == nil {
		err = packer.Flush()
	}
	a.printBatchPlan(pl, w, true)
	if err != nil {
		if len(created) > 0 {
			fmt.Fprintf(a.stderr, "juru: %d batches were created before the error; run the same submit again to send the rest\n", len(created))
		}
		return err
	}
	switch {
	case bo.dryRun:
		fmt.Fprintln(a.stderr, "juru: dry run: nothing was sent")
	case pl.requests == 0 && pl.answered > 0:
		fmt.Fprintln(a.stderr, "juru: nothing new to send; run 'juru batch collect' with the same options to write the outputs")
	case pl.requests > 0:
		fmt.Fprintf(a.stderr, "juru: submitted %d requests in %d batches; 'juru batch wait -o %s' waits for them, then 'juru batch collect' with the same options writes the outputs\n",
			pl.requests, len(created), bo.outDir)
	}
	return nil
}

// syncForSubmit brings the state of earlier batches up to date and
// returns what a new submission must leave out. A dry run changes
// nothing at the endpoint: it creates no batch for an earlier upload.
func (a *app) syncForSubmit(ctx context.Context, store *batchapi.Store, client *openai.Client, dryRun bool) (planFilter, func(), error) {
	none := func() {}
	st, err := store.Load()
	if errors.Is(err, batchapi.ErrNoState) {
		return planFilter{}, none, nil
	}
	if err != nil {
		return planFilter{}, none, &inputError{err}
	}
	if !dryRun {
		created, err := store.Resume(ctx, client)
		for _, bt := range created {
			fmt.Fprintf(a.stderr, "juru: created batch %s for %s, uploaded earlier\n", bt.ID, bt.Name)
		}
		if err != nil {
			return planFilter{}, none, err
		}
	}
	if err := store.Sync(ctx, client, nil); err != nil {
		return planFilter{}, none, err
	}
	if st, err = store.Load(); err != nil {
		return planFilter{}, none, &inputError{err}
	}
	answers, err := store.Answers(st, client)
	if err != nil {
		return planFilter{}, none, &inputError{err}
	}
	inFlight, err := store.InFlight(st)
	if err != nil {
		answers.Close()
		return planFilter{}, none, &inputError{err}
	}
	return planFilter{answers: answers, inFlight: inFlight}, func() { answers.Close() }, nil
}

func (a *app) batchPrepareCommand() *cli.Command {
	return &cli.Command{
		Name:      "prepare",
		Usage:     "write the first requests as batch lines for vLLM's run-batch (or any OpenAI batch engine)",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Writes one line per first request, in OpenAI's batch input format, which 'vllm run-batch -i FILE\n" +
			"-o results.jsonl --model MODEL' reads. Nothing is sent. With --out-dir, items up to date there are\n" +
			"left out. 'juru batch collect --from-file results.jsonl -o DIR' then writes the outputs.",
		Flags: a.taskFlags(taskFlag(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the request lines to `FILE` (.jsonl)", Category: "Files"},
			&cli.StringFlag{Name: "out-dir", Usage: "leave out items whose outputs are up to date in `DIR`", Category: "Files"},
		),
		Action: func(c *cli.Context) error {
			if c.String("output") == "" {
				return usagef("prepare: -o FILE is required: the request lines go there")
			}
			w, err := a.batchTaskOptions(c)
			if err != nil {
				return err
			}
			w.setOutDir(c.String("out-dir"))
			return a.batchPrepare(c.Context, w, c.String("output"))
		},
	}
}

// batchPrepare writes the request lines of every item that needs work.
func (a *app) batchPrepare(ctx context.Context, w batchWork, path string) error {
	bo, eo := w.settings()
	g, err := a.loadGlossaries(w.glossaries())
	if err != nil {
		return err
	}
	ins, err := a.expandInputs(bo)
	if err != nil {
		return err
	}
	items, err := w.items(ins)
	if err != nil {
		return err
	}
	client, err := lineClient(eo)
	if err != nil {
		return err
	}
	var m *manifest.Manifest
	if bo.outDir != "" {
		b := &batchRun{a: a, bo: bo, name: "batch prepare"}
		if m, err = b.openManifest(ctx); err != nil {
			return err
		}
		defer m.Close()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &inputError{fmt.Errorf("requests: %w", err)}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &inputError{fmt.Errorf("requests: %w", err)}
	}
	defer os.Remove(f.Name())
	_ = f.Chmod(0o644)
	bw := bufio.NewWriterSize(f, 1<<20)
	pl := &batchPlan{sources: map[string]string{}}
	err = a.planBatch(ctx, w, g, ins, items, client, m, planFilter{}, pl, func(lines []batchapi.Line) error {
		_, err := bw.Write(batchapi.Data(lines))
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return &inputError{fmt.Errorf("requests: %w", err)}
	}
	a.printBatchPlan(pl, w, false)
	fmt.Fprintf(a.stderr, "juru: wrote %s to %s\n", plural(pl.requests, "request"), path)
	return nil
}

// lineClient is a client that builds and reads batch lines; it makes no
// request, so it needs no reachable endpoint.
func lineClient(eo endpointOptions) (*openai.Client, error) {
	base := eo.BaseURL
	if base == "" {
		base = defaultBaseURL
	}
	return openai.New(openai.Config{BaseURL: base, APIKey: eo.APIKey.Value(), Model: eo.Model, Azure: eo.Azure && eo.APIKey.Set(), APIVersion: eo.APIVersion})
}
