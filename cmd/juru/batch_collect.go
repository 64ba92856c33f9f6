package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/cache"
	"github.com/juru-cli/juru/internal/cost"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/tokens"
)

func (a *app) batchCollectCommand() *cli.Command {
	return &cli.Command{
		Name:      "collect",
		Usage:     "download the batches' answers and write the outputs as an interactive run would",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Takes the same inputs and options as submit. Runs the normal translation over the batch answers:\n" +
			"chunks are joined and checked as in an interactive run, answers that break the glossary are repaired\n" +
			"through the live endpoint, and outputs and manifest are written as translate writes them. Items\n" +
			"whose first requests have no answer yet are left alone and listed as pending; run submit again for\n" +
			"those of expired, cancelled or failed batches. Collecting twice changes nothing.\n" +
			"With --from-file, answers come from a results file of 'vllm run-batch' instead.",
		Flags: a.taskFlags(taskFlag(),
			&cli.StringSliceFlag{Name: "from-file", Usage: "read the answers from `FILE`, the output of 'vllm run-batch' (or of any OpenAI batch); repeatable", Category: "Files"},
		),
		Action: func(c *cli.Context) error {
			w, err := a.batchTaskOptions(c)
			if err != nil {
				return err
			}
			if bo, _ := w.settings(); bo.outDir == "" {
				return usagef("collect: -o DIR is required: the outputs go there")
			}
			return a.batchCollect(c.Context, w, c.StringSlice("from-file"))
		},
	}
}

// pendingItemError is an item whose first requests have no batch answer.
type pendingItemError struct{ reason string }

func (e *pendingItemError) Error() string { return e.reason }

// collector is one juru batch collect.
type collector struct {
	answers  *batchapi.Answers
	inFlight map[string]string
	replay   *batchapi.Replay
	batchAPI bool

	mu      sync.Mutex
	first   map[int][]string // item index → keys of its first requests
	pending map[int]bool
}

// batchCollect answers the run's items from batch results.
func (a *app) batchCollect(ctx context.Context, w batchWork, fromFiles []string) error {
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
	src, err := a.newSourceReader(ins)
	if err != nil {
		return err
	}
	col, live, err := a.openAnswers(ctx, bo, eo, fromFiles)
	if err != nil {
		return err
	}
	defer col.answers.Close()
	p, err := a.collectPipeline(bo, eo, col, live)
	if err != nil {
		return err
	}
	b := &batchRun{a: a, bo: bo, p: p, name: "batch collect"}
	m, err := b.openManifest(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	task, print := w.task(g, p, b, src)
	task = col.wrap(task, w, bo, g, p, m)
	s, runErr := b.execute(ctx, m, items, task)
	if s != nil {
		print(items, s)
	}
	return col.finish(ctx, b, s, runErr)
}

// openAnswers indexes the batch results: those of the output folder's
// batches, downloaded first, or those of a results file. live is the
// endpoint for repairs, built when first needed.
func (a *app) openAnswers(ctx context.Context, bo batchOptions, eo endpointOptions, fromFiles []string) (*collector, llm.Completer, error) {
	col := &collector{first: map[int][]string{}, pending: map[int]bool{}, inFlight: map[string]string{}}
	parser, err := lineClient(eo)
	if err != nil {
		return nil, nil, err
	}
	live := &lazyCompleter{build: func() (llm.Completer, error) { return a.newClient(ctx, eo) }}
	if len(fromFiles) > 0 {
		col.answers = batchapi.NewAnswers(parser)
		for _, f := range fromFiles {
			if err := col.answers.AddFile(f); err != nil {
				col.answers.Close()
				return nil, nil, &inputError{err}
			}
		}
		if col.answers.Foreign > 0 {
			fmt.Fprintf(a.stderr, "juru: warning: %d result lines with a custom_id juru did not write were ignored\n", col.answers.Foreign)
		}
		return col, live, nil
	}
	store := batchapi.OpenStore(bo.outDir, bo.shardName())
	if _, err := store.Load(); err != nil {
		if errors.Is(err, batchapi.ErrNoState) {
			return nil, nil, &inputError{fmt.Errorf("%s: %w; run 'juru batch submit' first, or give --from-file", bo.outDir, err)}
		}
		return nil, nil, &inputError{err}
	}
	client, err := a.batchClient(ctx, eo)
	if err != nil {
		return nil, nil, err
	}
	if err := store.Sync(ctx, client, nil); err != nil {
		return nil, nil, err
	}
	st, err := store.Load()
	if err != nil {
		return nil, nil, &inputError{err}
	}
	if col.answers, err = store.Answers(st, client); err != nil {
		return nil, nil, &inputError{err}
	}
	if col.inFlight, err = store.InFlight(st); err != nil {
		col.answers.Close()
		return nil, nil, &inputError{err}
	}
	col.batchAPI = true
	return col, client, nil
}

// collectPipeline is the chain of a collect: the limiter, the response
// cache, then the replay of batch answers in front of the live endpoint.
func (a *app) collectPipeline(bo batchOptions, eo endpointOptions, col *collector, live llm.Completer) (*pipeline, error) {
	p := &pipeline{
		costs: cost.New(cost.Options{Overrides: bo.prices, Batch: col.batchAPI}),
		est:   tokens.New(),
		model: eo.Model,
	}
	col.replay = batchapi.NewReplay(col.answers, live)
	var next llm.Completer = col.replay
	if !bo.noCache {
		dir := bo.cacheDir
		if dir == "" {
			var err error
			if dir, err = cache.DefaultDir(); err != nil {
				return nil, &inputError{fmt.Errorf("response cache: %w (use --cache-dir or --no-cache)", err)}
			}
		}
		p.cache = cache.New(dir, next, cache.Options{Namespace: namespace(eo)})
		next = p.cache
	}
	p.limiter = batchrun.Limit(next, bo.jobs)
	p.completer = p.limiter
	return p, nil
}

// wrap adds to a translation task what a collect needs: an item whose
// output is not up to date runs only when every first request of it has
// a batch answer, and those requests are never sent live.
func (col *collector) wrap(t batchrun.Task, w batchWork, bo batchOptions, g *glossary.Glossary, p *pipeline, m *manifest.Manifest) batchrun.Task {
	if bo.maxCost == 0 && bo.maxTokens == 0 {
		t.Estimate = nil // only budgets need it, and it costs a dry run per item
	}
	fingerprint := t.Fingerprint
	t.Fingerprint = func(it batchrun.Item, s batchrun.Source) (string, error) {
		fp, err := fingerprint(it, s)
		if err != nil || !sends(it) {
			return fp, err
		}
		if _, st := m.Check(it.Key, s.Hash, fp); !bo.force && !st.Redo(false) {
			return fp, nil
		}
		reqs, err := w.first(it, docOf(s).Text, g, p)
		if err != nil {
			return fp, err
		}
		keys := make([]string, len(reqs))
		for i, fr := range reqs {
			keys[i] = batchapi.Key(fr.req)
		}
		idx := it.Data.(itemData).index
		if why := col.missing(keys); why != "" {
			col.mu.Lock()
			col.pending[idx] = true
			col.mu.Unlock()
			return fp, &pendingItemError{reason: why}
		}
		col.mu.Lock()
		col.first[idx] = keys
		col.mu.Unlock()
		return fp, nil
	}
	do := t.Do
	t.Do = func(ctx context.Context, it batchrun.Item, s batchrun.Source) (batchrun.Outcome, error) {
		col.mu.Lock()
		keys := col.first[it.Data.(itemData).index]
		col.mu.Unlock()
		return do(batchapi.WithFirstRequests(ctx, keys), it, s)
	}
	return t
}

// missing says why some first request has no answer, or "" when all have.
func (col *collector) missing(keys []string) string {
	waiting, failed, unsent := "", "", 0
	for _, k := range keys {
		if col.answers.Has(k) {
			continue
		}
		if where := col.inFlight[batchapi.ShortKey(k)]; where != "" {
			waiting = where
		} else if why, ok := col.answers.Failure(k); ok {
			failed = why
		} else {
			unsent++
		}
	}
	switch {
	case waiting != "":
		return "waiting for " + waiting + "; run 'juru batch wait', then collect again"
	case failed != "" && col.batchAPI:
		return "its batch request failed (" + failed + "); run 'juru batch submit' to send it again"
	case failed != "":
		return "the results file holds an error for it (" + failed + ")"
	case unsent > 0 && col.batchAPI:
		return fmt.Sprintf("%d of its requests were never answered; run 'juru batch submit' to send them", unsent)
	case unsent > 0:
		return fmt.Sprintf("the results file has no answer for %d of its requests", unsent)
	}
	return ""
}

// lazyCompleter builds its Completer when the first request needs it, so
// that a collect with nothing to repair needs no live endpoint.
type lazyCompleter struct {
	build func() (llm.Completer, error)
	once  sync.Once
	c     llm.Completer
	err   error
}

func (l *lazyCompleter) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	l.once.Do(func() { l.c, l.err = l.build() })
	if l.err != nil {
		return llm.Response{}, l.err
	}
	return l.c.Complete(ctx, req)
}
