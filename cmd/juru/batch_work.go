package main

import (
	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/summarize"
	"github.com/juru-cli/juru/translate"
)

// batchWork is the work a batch run hands over: translate or summarize,
// with the same items, fingerprints and task as the interactive command.
type batchWork interface {
	// settings returns the run's batch and endpoint options.
	settings() (batchOptions, endpointOptions)
	// setOutDir changes the output folder (prepare takes it from --out-dir).
	setOutDir(dir string)
	// code names the task in custom_ids.
	code() string
	// glossaries lists the glossary files to load.
	glossaries() []string
	// items lists the run's items.
	items(ins []inputs.Input) ([]batchrun.Item, error)
	// fingerprint is the item's fingerprint over its text, as the
	// interactive command records it.
	fingerprint(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) (string, error)
	// first works out the first request of each chunk of an item. Items
	// that send no request (digests) are never asked.
	first(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) ([]firstRequest, error)
	// task is the interactive command's task through p, with the function
	// that prints its results; items must have been called first.
	task(g *glossary.Glossary, p *pipeline, b *batchRun, src *sourceReader) (batchrun.Task, func([]batchrun.Item, *batchrun.Summary))
}

// firstRequest is the first request of one chunk of an item.
type firstRequest struct {
	chunk int
	req   llm.Request
	usage llm.Usage
}

// sends reports whether an item sends requests (digests do not).
func sends(it batchrun.Item) bool { return it.Source != "" && it.Task != "digest" }

// batchTaskOptions reads the options of a command that plans a task's
// requests: those of translate or summarize, as --task says.
func (a *app) batchTaskOptions(c *cli.Context) (batchWork, error) {
	switch t := c.String("task"); t {
	case "translate":
		o, err := a.translateOptions(c)
		if err != nil {
			return nil, err
		}
		return &translateWork{o: o}, nil
	case "summarize":
		o, err := a.summarizeOptions(c)
		if err != nil {
			return nil, err
		}
		if !c.IsSet("chunk-tokens") {
			o.chunkTokens = summarize.DefaultChunkTokens
		}
		return &summarizeWork{o: o}, nil
	default:
		return nil, usagef("%s: unknown --task %q (want translate or summarize)", c.Command.Name, t)
	}
}

// translateWork is a translation handed to a batch engine.
type translateWork struct {
	o       translateOptions
	results *resultSet
}

func (w *translateWork) settings() (batchOptions, endpointOptions) { return w.o.batch, w.o.endpoint }
func (w *translateWork) setOutDir(dir string)                      { w.o.batch.outDir = dir }
func (w *translateWork) code() string                              { return batchapi.TaskTranslate }
func (w *translateWork) glossaries() []string                      { return w.o.glossaries }

func (w *translateWork) items(ins []inputs.Input) ([]batchrun.Item, error) {
	items, err := translateItems(w.o, ins)
	w.results = newResultSet(len(items))
	return items, err
}

func (w *translateWork) fingerprint(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) (string, error) {
	fp, err := translate.FingerprintOf(text, w.o.options(it.Lang, g, p))
	return fp.Key(), err
}

func (w *translateWork) first(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) ([]firstRequest, error) {
	opts := w.o.options(it.Lang, g, p)
	plan, err := translate.DryRun(text, opts)
	if err != nil {
		return nil, err
	}
	var out []firstRequest
	for _, ch := range plan.Chunks {
		if len(ch.Messages) > 0 {
			out = append(out, firstRequest{chunk: ch.Index, req: batchapi.Request(opts.Model, ch.Messages, opts.Temperature, opts.Seed),
				usage: llm.Usage{PromptTokens: ch.PromptTokens, CompletionTokens: ch.OutputTokens}})
		}
	}
	return out, nil
}

func (w *translateWork) task(g *glossary.Glossary, p *pipeline, b *batchRun, src *sourceReader) (batchrun.Task, func([]batchrun.Item, *batchrun.Summary)) {
	return w.o.task(g, p, b, src, w.results), func(items []batchrun.Item, s *batchrun.Summary) {
		b.a.printTranslateResults(w.o, items, s, w.results)
	}
}

// summarizeWork is a summary run handed to a batch engine. Articles
// longer than the chunk budget send their notes through the batch; the
// summary written from the notes goes to the live endpoint.
type summarizeWork struct {
	o       summarizeOptions
	dg      *digester
	results *summaryResults
}

func (w *summarizeWork) settings() (batchOptions, endpointOptions) { return w.o.batch, w.o.endpoint }
func (w *summarizeWork) setOutDir(dir string)                      { w.o.batch.outDir = dir }
func (w *summarizeWork) code() string                              { return batchapi.TaskSummarize }
func (w *summarizeWork) glossaries() []string                      { return w.o.glossaries }

func (w *summarizeWork) items(ins []inputs.Input) ([]batchrun.Item, error) {
	items, dg, results, err := w.o.items(ins)
	w.dg, w.results = dg, results
	if dg != nil {
		dg.outDir = w.o.batch.outDir
	}
	return items, err
}

func (w *summarizeWork) fingerprint(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) (string, error) {
	fp, err := summarize.FingerprintOf(text, w.o.options(it.Lang, g, p))
	return fp.Key(), err
}

func (w *summarizeWork) first(it batchrun.Item, text string, g *glossary.Glossary, p *pipeline) ([]firstRequest, error) {
	opts := w.o.options(it.Lang, g, p)
	plan, err := summarize.DryRun(text, opts)
	if err != nil {
		return nil, err
	}
	var out []firstRequest
	chunks := plan.Chunks
	if len(chunks) == 0 {
		chunks = []translate.PlannedChunk{plan.Summary}
	}
	for _, ch := range chunks {
		if len(ch.Messages) > 0 {
			out = append(out, firstRequest{chunk: ch.Index, req: batchapi.Request(opts.Model, ch.Messages, opts.Temperature, opts.Seed),
				usage: llm.Usage{PromptTokens: ch.PromptTokens, CompletionTokens: ch.OutputTokens}})
		}
	}
	return out, nil
}

func (w *summarizeWork) task(g *glossary.Glossary, p *pipeline, b *batchRun, src *sourceReader) (batchrun.Task, func([]batchrun.Item, *batchrun.Summary)) {
	return w.o.task(g, p, b, src, w.dg, w.results), func(items []batchrun.Item, s *batchrun.Summary) {
		b.a.printSummaryResults(w.o, items, s, w.results)
	}
}
