package main

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/manifest"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/translate"
)

// translateOptions is everything juru translate was asked to do.
type translateOptions struct {
	batch       batchOptions
	endpoint    endpointOptions
	from        string
	to          []lang.Language
	glossaries  []string
	strict      bool
	maxRepairs  int
	chunkTokens int
}

func (a *app) translateCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Usage: "target `LANGS`, comma-separated tags, or 'asean' for id,ms,th,vi,fil,km,lo,my (see 'juru langs')"},
		&cli.StringFlag{Name: "from", Aliases: []string{"f"}, Usage: "source `LANG` (default en)"},
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV or TBX; repeatable, merged)"},
		&cli.BoolFlag{Name: "strict", Usage: "write no output that still breaks the glossary after repairs"},
		&cli.IntFlag{Name: "max-repairs", Value: translate.DefaultMaxRepairs, Usage: "times the model is asked to correct glossary violations (0 for none)"},
		&cli.IntFlag{Name: "chunk-tokens", Value: translate.DefaultChunkTokens, Usage: "split articles longer than `N` source tokens at paragraph boundaries"},
		configFlag(),
	}
	flags = append(flags, batchFlags()...)
	flags = append(flags, endpointFlags()...)
	return &cli.Command{
		Name:      "translate",
		Usage:     "translate articles, folders or stdin, holding glossary terms to their fixed forms",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Translates each input into each --to language. With one input and one language and no -o,\n" +
			"the translation goes to stdout; otherwise -o DIR receives DIR/<name>.<lang><ext>, mirroring the\n" +
			"input tree (HTML becomes .md). Every answer is checked against the glossary and repaired when\n" +
			"the model strays; violations that remain are reported and give exit code 1.\n\n" +
			"Examples:\n" +
			"   juru translate --to id,th,vi --glossary terms.csv -o out/ article.md\n" +
			"   cat article.md | juru translate --to th --glossary terms.csv -\n" +
			"   juru translate --to asean --jobs 16 -o out/ news/2026-11-27/",
		Flags: flags,
		Action: func(c *cli.Context) error {
			o, err := a.translateOptions(c)
			if err != nil {
				return err
			}
			return a.runTranslate(c.Context, o)
		},
	}
}

// translateOptions reads and checks the flags, before any file is read.
func (a *app) translateOptions(c *cli.Context) (translateOptions, error) {
	cfg, err := loadConfig(c)
	if err != nil {
		return translateOptions{}, err
	}
	o := translateOptions{
		from:        firstNonEmpty(c.String("from"), cfg.From, "en"),
		glossaries:  c.StringSlice("glossary"),
		strict:      c.Bool("strict"),
		maxRepairs:  c.Int("max-repairs"),
		chunkTokens: c.Int("chunk-tokens"),
	}
	if len(o.glossaries) == 0 {
		for _, g := range cfg.Glossary {
			o.glossaries = append(o.glossaries, cfg.resolve(g))
		}
	}
	if !c.IsSet("max-repairs") && cfg.MaxRepair != nil {
		o.maxRepairs = *cfg.MaxRepair
	}
	to := c.String("to")
	if to == "" {
		to = strings.Join(cfg.To, ",")
	}
	if to == "" {
		return o, usagef("translate: --to is required (for example --to id,th,vi or --to asean)")
	}
	if o.to, err = a.langs.Parse(to); err != nil {
		return o, err
	}
	from, err := a.langs.Lookup(o.from)
	if err != nil {
		return o, err
	}
	o.from = from.Code
	for _, l := range o.to {
		if l.Code == o.from {
			return o, usagef("translate: --to %s is the source language; drop it from --to or set --from", l.Code)
		}
	}
	if o.maxRepairs < 0 {
		return o, usagef("--max-repairs must not be negative")
	}
	if o.chunkTokens < 50 {
		return o, usagef("--chunk-tokens %d is too small (at least 50)", o.chunkTokens)
	}
	if o.batch, err = a.batchOptions(c, cfg); err != nil {
		return o, err
	}
	if o.endpoint, err = a.endpointOptions(c, cfg); err != nil {
		return o, err
	}
	if o.batch.toStdout() && !o.batch.dryRun && (len(o.to) > 1 || len(o.batch.inputs) > 1 || o.batch.filesFrom != "") {
		return o, usagef("translate: several inputs or languages need -o DIR (stdout takes one input in one language)")
	}
	return o, nil
}

// options returns the translate package's options for one language.
func (o translateOptions) options(to string, g *glossary.Glossary, p *pipeline) translate.Options {
	repairs := o.maxRepairs
	if repairs == 0 {
		repairs = -1
	}
	return translate.Options{
		From: o.from, To: to, Model: o.endpoint.Model,
		Temperature: o.endpoint.Temperature, Seed: o.endpoint.Seed,
		Glossary: g, MaxRepairs: repairs, ChunkTokens: o.chunkTokens,
		Strict: o.strict, Estimator: p.est,
	}
}

// runTranslate loads the glossaries and runs to stdout or to a folder.
func (a *app) runTranslate(ctx context.Context, o translateOptions) error {
	g, err := a.loadGlossaries(o.glossaries)
	if err != nil {
		return err
	}
	if o.batch.toStdout() && len(o.to) == 1 && len(o.batch.inputs) == 1 && o.batch.filesFrom == "" {
		return a.translateToStdout(ctx, o, g)
	}
	return a.translateBatch(ctx, o, g)
}

// outputSuffix names a translation: "<lang><ext>", keeping .txt and .md
// and writing .md for HTML and other inputs.
func outputSuffix(rel, code string) string {
	switch ext := strings.ToLower(path.Ext(rel)); ext {
	case ".txt", ".md", ".markdown":
		return code + ext
	}
	return code + ".md"
}

// translateBatch translates every input into every language under -o.
func (a *app) translateBatch(ctx context.Context, o translateOptions, g *glossary.Glossary) error {
	ins, err := a.expandInputs(o.batch)
	if err != nil {
		return err
	}
	src, err := a.newSourceReader(ins)
	if err != nil {
		return err
	}
	p, err := a.newPipeline(ctx, o.endpoint, o.batch)
	if err != nil {
		return err
	}
	b := &batchRun{a: a, bo: o.batch, p: p, name: "translate"}
	src.onErr = b.noteErr
	items, err := translateItems(o, ins)
	if err != nil {
		return err
	}
	var m *manifest.Manifest
	if !o.batch.toStdout() {
		if m, err = b.openManifest(ctx); err != nil {
			return err
		}
		defer m.Close()
	}
	results := newResultSet(len(items))
	task := o.task(g, p, b, src, results)
	s, runErr := b.execute(ctx, m, items, task)
	if s != nil {
		a.printTranslateResults(o, items, s, results)
	}
	return b.finish(ctx, s, runErr)
}

// translateItems lists the items of a translation: every input into
// every language, in that order.
func translateItems(o translateOptions, ins []inputs.Input) ([]batchrun.Item, error) {
	var items []batchrun.Item
	for _, in := range ins {
		for _, l := range o.to {
			out, err := inputs.OutRel(in.Rel, outputSuffix(in.Rel, l.Code))
			if err != nil {
				return nil, &inputError{err}
			}
			items = append(items, batchrun.Item{
				Key:    manifest.Key{Task: "translate", Source: in.Rel, Lang: l.Code},
				Output: out, SourcePath: sourcePath(o.batch.outDir, in),
				Data: itemData{in: in, index: len(items)},
			})
		}
	}
	return items, nil
}

// task is the work of a translation run through the pipeline p.
func (o translateOptions) task(g *glossary.Glossary, p *pipeline, b *batchRun, src *sourceReader, results *resultSet) batchrun.Task {
	return batchrun.Task{
		Load: src.load,
		Fingerprint: func(it batchrun.Item, s batchrun.Source) (string, error) {
			fp, err := translate.FingerprintOf(docOf(s).Text, o.options(it.Lang, g, p))
			return fp.Key(), err
		},
		Estimate: func(it batchrun.Item, s batchrun.Source) batchrun.Estimate {
			plan, err := translate.DryRun(docOf(s).Text, o.options(it.Lang, g, p))
			if err != nil {
				return batchrun.Estimate{}
			}
			return planEstimate(p, plan.Requests, plan.PromptTokens, plan.OutputTokens)
		},
		Do: func(ctx context.Context, it batchrun.Item, s batchrun.Source) (batchrun.Outcome, error) {
			d := it.Data.(itemData)
			res, err := translate.Translate(ctx, p.completer, docOf(s).Text, o.options(it.Lang, g, p))
			var ve *translate.ViolationsError
			if errors.As(err, &ve) {
				results.set(d.index, ve.Result)
				err = &withheldError{n: len(ve.Result.Violations)}
			}
			if err != nil {
				b.noteErr(d.index, err)
				return batchrun.Outcome{}, err
			}
			results.set(d.index, res)
			return batchrun.Outcome{Content: []byte(res.Text), Violations: len(res.Violations)}, nil
		},
	}
}

// itemData is what a run item carries: its input and its index.
type itemData struct {
	in    inputs.Input
	index int
}

// planEstimate turns a dry-run plan's figures into a run estimate.
func planEstimate(p *pipeline, requests, promptTokens, outputTokens int) batchrun.Estimate {
	e := batchrun.Estimate{Requests: requests}
	e.Usage.PromptTokens, e.Usage.CompletionTokens = promptTokens, outputTokens
	e.Cost = p.costs.Cost(p.model, e.Usage)
	return e
}

// describeViolation words a glossary violation for a person.
func describeViolation(v glossary.Violation) string {
	switch v.Kind {
	case glossary.Missing:
		return fmt.Sprintf("%q must be translated as %q (%d in the source, %d in the translation)", v.Source, v.Required, v.Want, v.Got)
	case glossary.ForbiddenUse:
		if v.Required != "" {
			return fmt.Sprintf("forbidden form %q; use %q", v.Found, v.Required)
		}
		return fmt.Sprintf("forbidden form %q", v.Found)
	case glossary.WrongCase:
		return fmt.Sprintf("%q must be written %q", v.Found, v.Required)
	}
	return string(v.Kind)
}
