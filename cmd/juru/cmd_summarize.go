package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/manifest"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/summarize"
)

// summarizeOptions is everything juru summarize was asked to do.
type summarizeOptions struct {
	batch       batchOptions
	endpoint    endpointOptions
	from        string
	to          []lang.Language
	style       string
	words       int
	glossaries  []string
	strict      bool
	maxRepairs  int
	chunkTokens int
	digest      bool
	digestTitle string
	digestLabel string
}

func (a *app) summarizeCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "to", Aliases: []string{"t"}, Usage: "summary `LANGS`, comma-separated, or 'asean' (default: the source language)"},
		&cli.StringFlag{Name: "from", Aliases: []string{"f"}, Usage: "source `LANG` (default en)"},
		&cli.StringFlag{Name: "style", Aliases: []string{"s"}, Value: summarize.DefaultStyle, Usage: "`STYLE`: headline (15 words at most), short (one or two sentences), bullets (three to five points) or paragraph (about --words words)"},
		&cli.IntFlag{Name: "words", Value: summarize.DefaultWords, Usage: "length of a paragraph summary in `N` words"},
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV or TBX; repeatable, merged)"},
		&cli.BoolFlag{Name: "digest", Usage: "also write digest.<lang>.md per language: every article's headline and summary, linked"},
		&cli.StringFlag{Name: "digest-title", Usage: "digest heading `TITLE` (default \"News digest\")"},
		&cli.StringFlag{Name: "digest-label", Usage: "digest `LABEL`, such as the date (default: the input folder's name)"},
		&cli.BoolFlag{Name: "strict", Usage: "write no summary that still breaks the glossary or invents a number"},
		&cli.IntFlag{Name: "max-repairs", Value: summarize.DefaultMaxRepairs, Usage: "times the model is asked to correct a summary (0 for none)"},
		&cli.IntFlag{Name: "chunk-tokens", Value: summarize.DefaultChunkTokens, Usage: "summarize articles longer than `N` tokens map-reduce, part by part"},
		configFlag(),
	}
	flags = append(flags, batchFlags()...)
	flags = append(flags, endpointFlags()...)
	return &cli.Command{
		Name:      "summarize",
		Usage:     "summarize articles or folders of news, with per-language digests",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Summarizes each input in each --to language (default: its own). With one input and one\n" +
			"language and no -o, the summary goes to stdout; otherwise -o DIR receives\n" +
			"DIR/<stem>.summary.<lang>.md, mirroring the input tree, and --digest adds DIR/digest.<lang>.md.\n" +
			"Every summary is checked: glossary terms in their fixed form only, and every number found in\n" +
			"the source (compared by value, in the way each language writes numbers).\n\n" +
			"Examples:\n" +
			"   juru summarize --to en,id,th,vi --style short --digest -o out/ news/2026-11-27/\n" +
			"   juru summarize --style headline article.md",
		Flags: flags,
		Action: func(c *cli.Context) error {
			o, err := a.summarizeOptions(c)
			if err != nil {
				return err
			}
			return a.runSummarize(c.Context, o)
		},
	}
}

// summarizeOptions reads and checks the flags, before any file is read.
func (a *app) summarizeOptions(c *cli.Context) (summarizeOptions, error) {
	cfg, err := loadConfig(c)
	if err != nil {
		return summarizeOptions{}, err
	}
	o := summarizeOptions{
		from:        firstNonEmpty(c.String("from"), cfg.From, "en"),
		style:       c.String("style"),
		words:       c.Int("words"),
		glossaries:  c.StringSlice("glossary"),
		strict:      c.Bool("strict"),
		maxRepairs:  c.Int("max-repairs"),
		chunkTokens: c.Int("chunk-tokens"),
		digest:      c.Bool("digest"),
		digestTitle: c.String("digest-title"),
		digestLabel: c.String("digest-label"),
	}
	if len(o.glossaries) == 0 {
		for _, g := range cfg.Glossary {
			o.glossaries = append(o.glossaries, cfg.resolve(g))
		}
	}
	if !c.IsSet("style") && cfg.Style != "" {
		o.style = cfg.Style
	}
	if !c.IsSet("words") && cfg.Words > 0 {
		o.words = cfg.Words
	}
	if !c.IsSet("max-repairs") && cfg.MaxRepair != nil {
		o.maxRepairs = *cfg.MaxRepair
	}
	if !validStyle(o.style) {
		return o, usagef("summarize: unknown --style %q (want %s)", o.style, strings.Join(summarize.Styles(), ", "))
	}
	if o.words < summarize.MinWords || o.words > summarize.MaxWords {
		return o, usagef("summarize: --words %d is outside %d..%d", o.words, summarize.MinWords, summarize.MaxWords)
	}
	from, err := a.langs.Lookup(o.from)
	if err != nil {
		return o, err
	}
	o.from = from.Code
	to := c.String("to")
	if to == "" && !c.IsSet("to") {
		to = strings.Join(cfg.To, ",")
	}
	if to == "" {
		o.to = []lang.Language{from}
	} else if o.to, err = a.langs.Parse(to); err != nil {
		return o, err
	}
	if o.maxRepairs < 0 {
		return o, usagef("--max-repairs must not be negative")
	}
	if o.chunkTokens < 200 {
		return o, usagef("--chunk-tokens %d is too small (at least 200)", o.chunkTokens)
	}
	if o.batch, err = a.batchOptions(c, cfg); err != nil {
		return o, err
	}
	if o.endpoint, err = a.endpointOptions(c, cfg); err != nil {
		return o, err
	}
	single := len(o.to) == 1 && len(o.batch.inputs) == 1 && o.batch.filesFrom == ""
	if o.batch.toStdout() && !o.batch.dryRun && (!single || o.digest) {
		return o, usagef("summarize: several inputs or languages, or --digest, need -o DIR")
	}
	return o, nil
}

func validStyle(s string) bool {
	for _, x := range summarize.Styles() {
		if x == s {
			return true
		}
	}
	return false
}

// options returns the summarize package's options for one language.
func (o summarizeOptions) options(to string, g *glossary.Glossary, p *pipeline) summarize.Options {
	repairs := o.maxRepairs
	if repairs == 0 {
		repairs = -1
	}
	return summarize.Options{
		From: o.from, To: to, Style: o.style, Words: o.words, Model: o.endpoint.Model,
		Temperature: o.endpoint.Temperature, Seed: o.endpoint.Seed, Glossary: g,
		MaxRepairs: repairs, ChunkTokens: o.chunkTokens, Estimator: p.est, Strict: o.strict,
	}
}

// runSummarize loads the glossaries and runs to stdout or to a folder.
func (a *app) runSummarize(ctx context.Context, o summarizeOptions) error {
	g, err := a.loadGlossaries(o.glossaries)
	if err != nil {
		return err
	}
	if o.batch.toStdout() && len(o.to) == 1 && len(o.batch.inputs) == 1 && o.batch.filesFrom == "" && !o.digest {
		return a.summarizeToStdout(ctx, o, g)
	}
	return a.summarizeBatch(ctx, o, g)
}

// summaryResults keeps each item's summary result or error by index.
type summaryResults struct {
	mu   sync.Mutex
	res  map[int]*summarize.Result
	errs map[int]error
}

// set keeps an item's result, without its text (which is in the output
// file), or its error.
func (s *summaryResults) set(i int, r *summarize.Result, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r != nil {
		c := *r
		c.Text, c.Body = "", ""
		s.res[i] = &c
	}
	if err != nil {
		s.errs[i] = err
	}
}

func (s *summaryResults) get(i int) (*summarize.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.res[i], s.errs[i]
}

// summarizeBatch summarizes every input in every language under -o,
// then writes the digests.
func (a *app) summarizeBatch(ctx context.Context, o summarizeOptions, g *glossary.Glossary) error {
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
	b := &batchRun{a: a, bo: o.batch, p: p, name: "summarize"}
	src.onErr = b.noteErr
	items, dg, results, err := o.items(ins)
	if err != nil {
		return err
	}
	var m *manifest.Manifest
	if !o.batch.toStdout() {
		if m, err = b.openManifest(ctx); err != nil {
			return err
		}
		defer m.Close()
		dg.outDir = o.batch.outDir
	}
	task := o.task(g, p, b, src, dg, results)
	s, runErr := b.execute(ctx, m, items, task)
	if s != nil {
		a.printSummaryResults(o, items, s, results)
	}
	return b.finish(ctx, s, runErr)
}

// defaultLabel names a digest after the one input folder, if there is one.
func defaultLabel(args []string) string {
	if len(args) != 1 {
		return ""
	}
	if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
		abs, err := filepath.Abs(args[0])
		if err == nil {
			return filepath.Base(abs)
		}
	}
	return ""
}

// digester builds the digest pages from the summary files of a run.
type digester struct {
	o       summarizeOptions
	items   []batchrun.Item
	results *summaryResults
	outDir  string
	label   string
}

// load reads every summary of the digest's language back from the output
// folder, whether written in this run or up to date from an earlier one,
// and lays out the page; its hash decides whether the digest is redone.
func (dg *digester) load(it batchrun.Item) (batchrun.Source, error) {
	var list []summarize.DigestItem
	for _, si := range dg.items {
		if si.Lang != it.Lang || si.Task != "summarize" {
			continue
		}
		d := si.Data.(itemData)
		di := summarize.DigestItem{Key: si.Source, Source: si.Source, Link: si.Output}
		b, err := os.ReadFile(filepath.Join(dg.outDir, filepath.FromSlash(si.Output)))
		switch {
		case err == nil:
			ans := summarize.ParseAnswer(string(b))
			di.Headline, di.Body = ans.Headline, ans.Body
			// Link to the full translation in this language when the
			// folder holds one, else to the summary itself.
			if tr, err := inputs.OutRel(si.Source, outputSuffix(si.Source, it.Lang)); err == nil {
				if _, err := os.Stat(filepath.Join(dg.outDir, filepath.FromSlash(tr))); err == nil {
					di.Link = tr
				}
			}
		default:
			di.Link = ""
			di.Err = "not summarized"
			if _, ierr := dg.results.get(d.index); ierr != nil {
				di.Err = ierr.Error()
			}
		}
		list = append(list, di)
	}
	page := summarize.Digest(it.Lang, list, summarize.DigestOptions{Title: dg.o.digestTitle, Label: dg.label})
	return batchrun.Source{Hash: manifest.Hash([]byte(page)), Value: page}, nil
}

// printSummaryResults reports remaining problems on stderr, and JSON
// records on stdout with --format json.
func (a *app) printSummaryResults(o summarizeOptions, items []batchrun.Item, s *batchrun.Summary, rs *summaryResults) {
	for i, it := range s.Items {
		if items[i].Task != "summarize" {
			continue
		}
		res, _ := rs.get(items[i].Data.(itemData).index)
		out := ""
		if it.Output != "" && o.batch.outDir != "" {
			out = filepath.Join(o.batch.outDir, filepath.FromSlash(it.Output))
		}
		if o.batch.format == "json" {
			a.printSummaryRecord(inputName(items[i].Data.(itemData).in), out, it, res)
		}
		if res != nil {
			a.printProblems(out, res)
		}
	}
}

// printProblems lists a summary's remaining problems on stderr.
func (a *app) printProblems(where string, res *summarize.Result) {
	for _, v := range res.Violations {
		fmt.Fprintf(a.stderr, "%s:%d:%d: summary [%s]: %s\n", where, v.Line, v.Col, res.To, v.Message)
	}
	for _, v := range res.Warnings {
		fmt.Fprintf(a.stderr, "%s:%d:%d: warning: summary [%s]: %s\n", where, v.Line, v.Col, res.To, v.Message)
	}
}

// items lists the items of a summary run: every input in every
// language, then with --digest one digest per language, with the
// digester and the results they share.
func (o summarizeOptions) items(ins []inputs.Input) ([]batchrun.Item, *digester, *summaryResults, error) {
	var items []batchrun.Item
	for _, in := range ins {
		for _, l := range o.to {
			out, err := inputs.OutRel(in.Rel, "summary."+l.Code+".md")
			if err != nil {
				return nil, nil, nil, &inputError{err}
			}
			items = append(items, batchrun.Item{
				Key:    manifest.Key{Task: "summarize", Source: in.Rel, Lang: l.Code},
				Output: out, SourcePath: sourcePath(o.batch.outDir, in),
				Data: itemData{in: in, index: len(items)},
			})
		}
	}
	results := &summaryResults{res: map[int]*summarize.Result{}, errs: map[int]error{}}
	dg := &digester{o: o, items: items, results: results, label: o.digestLabel}
	if dg.label == "" {
		dg.label = defaultLabel(o.batch.inputs)
	}
	if o.digest && !o.batch.dryRun {
		for _, l := range o.to {
			items = append(items, batchrun.Item{
				Key:    manifest.Key{Task: "digest", Lang: l.Code},
				Output: "digest." + l.Code + ".md", Stage: 1,
				Data: itemData{index: len(items)},
			})
		}
	}
	return items, dg, results, nil
}

// task is the work of a summary run through the pipeline p.
func (o summarizeOptions) task(g *glossary.Glossary, p *pipeline, b *batchRun, src *sourceReader, dg *digester, results *summaryResults) batchrun.Task {
	return batchrun.Task{
		Load: func(ctx context.Context, it batchrun.Item) (batchrun.Source, error) {
			if it.Task == "digest" {
				return dg.load(it)
			}
			return src.load(ctx, it)
		},
		Fingerprint: func(it batchrun.Item, s batchrun.Source) (string, error) {
			if it.Task == "digest" {
				return "digest;" + dg.label + ";" + o.digestTitle, nil
			}
			fp, err := summarize.FingerprintOf(docOf(s).Text, o.options(it.Lang, g, p))
			return fp.Key(), err
		},
		Estimate: func(it batchrun.Item, s batchrun.Source) batchrun.Estimate {
			if it.Task == "digest" {
				return batchrun.Estimate{}
			}
			plan, err := summarize.DryRun(docOf(s).Text, o.options(it.Lang, g, p))
			if err != nil {
				return batchrun.Estimate{}
			}
			return planEstimate(p, plan.Requests, plan.PromptTokens, plan.OutputTokens)
		},
		Do: func(ctx context.Context, it batchrun.Item, s batchrun.Source) (batchrun.Outcome, error) {
			if it.Task == "digest" {
				return batchrun.Outcome{Content: []byte(s.Value.(string))}, nil
			}
			d := it.Data.(itemData)
			res, err := summarize.Summarize(ctx, p.completer, docOf(s).Text, o.options(it.Lang, g, p))
			var ve *summarize.ViolationsError
			if errors.As(err, &ve) {
				res, err = ve.Result, &withheldError{n: len(ve.Result.Violations)}
			}
			results.set(d.index, res, err)
			if err != nil {
				b.noteErr(d.index, err)
				return batchrun.Outcome{}, err
			}
			return batchrun.Outcome{Content: []byte(res.Text), Violations: len(res.Violations)}, nil
		},
	}
}
