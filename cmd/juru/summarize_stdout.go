package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/summarize"
)

// summaryRecord is the JSON record of one file and language.
type summaryRecord struct {
	Input      string              `json:"input"`
	Lang       string              `json:"lang"`
	Output     string              `json:"output,omitempty"`
	Status     string              `json:"status"`
	Error      string              `json:"error,omitempty"`
	Style      string              `json:"style"`
	Headline   string              `json:"headline,omitempty"`
	Text       *string             `json:"text,omitempty"`
	Chunks     int                 `json:"chunks"`
	Requests   int                 `json:"requests"`
	Attempts   int                 `json:"attempts"`
	Cached     int                 `json:"cached"`
	Usage      llm.Usage           `json:"usage"`
	CostUSD    float64             `json:"cost_usd"`
	Violations []summarize.Problem `json:"violations"`
	Warnings   []summarize.Problem `json:"warnings"`
}

func (a *app) printSummaryRecord(input, output string, it batchrun.Result, res *summarize.Result) {
	rec := summaryRecord{Input: input, Lang: it.Lang, Output: output, Status: string(it.Status), Error: it.Error,
		CostUSD: it.Cost, Violations: []summarize.Problem{}, Warnings: []summarize.Problem{}}
	if res != nil {
		rec.Style, rec.Headline = res.Style, res.Headline
		rec.Chunks, rec.Requests, rec.Attempts, rec.Cached, rec.Usage = res.Chunks, res.Requests, res.Attempts, res.Cached, res.Usage
		rec.Violations, rec.Warnings = nonNil(res.Violations), nonNil(res.Warnings)
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(rec)
}

func nonNil(ps []summarize.Problem) []summarize.Problem {
	if ps == nil {
		return []summarize.Problem{}
	}
	return ps
}

// summarizeToStdout summarizes one input in one language to stdout.
func (a *app) summarizeToStdout(ctx context.Context, o summarizeOptions, g *glossary.Glossary) error {
	in := inputs.Input{Path: o.batch.inputs[0], Rel: inputs.StdinRel}
	if in.Path == "-" {
		in.Path = ""
	} else if fi, err := os.Stat(in.Path); err == nil && fi.IsDir() {
		return usagef("summarize: %s is a folder: use -o DIR to summarize a folder", in.Path)
	}
	src, err := a.newSourceReader([]inputs.Input{in})
	if err != nil {
		return err
	}
	doc, err := src.read(in)
	if err != nil {
		return &inputError{err}
	}
	p, err := a.newPipeline(ctx, o.endpoint, o.batch)
	if err != nil {
		return err
	}
	sopts := o.options(o.to[0].Code, g, p)
	if o.batch.dryRun {
		plan, err := summarize.DryRun(doc.Text, sopts)
		if err != nil {
			return &inputError{fmt.Errorf("%s: %w", inputName(in), err)}
		}
		return a.printSummaryPlan(o.batch.format, inputName(in), plan, p)
	}
	res, err := summarize.Summarize(ctx, p.completer, doc.Text, sopts)
	var ve *summarize.ViolationsError
	withheld := errors.As(err, &ve)
	if withheld {
		res, err = ve.Result, nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", inputName(in), err)
	}
	status := batchrun.StatusOK
	if len(res.Violations) > 0 {
		status = batchrun.StatusViolations
	}
	if o.batch.format == "json" {
		r := batchrun.Result{Status: status, Cost: p.price(o.endpoint.Model, res.Usage)}
		r.Lang = res.To
		if withheld {
			r.Status, r.Error = batchrun.StatusFailed, (&withheldError{n: len(res.Violations)}).Error()
		}
		a.printSummaryRecord(inputName(in), "-", r, res)
	} else if !withheld {
		io.WriteString(a.stdout, res.Text)
	}
	a.printProblems("stdout", res)
	if len(res.Violations) > 0 {
		return &violationsError{n: len(res.Violations)}
	}
	return nil
}

// printSummaryPlan shows what a summary dry run would send.
func (a *app) printSummaryPlan(format, name string, plan *summarize.Plan, p *pipeline) error {
	cost := p.costs.Estimate(plan.Model, plan.PromptTokens, plan.OutputTokens)
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Input string `json:"input"`
			*summarize.Plan
			CostUSD float64 `json:"cost_usd"`
		}{name, plan, cost})
	}
	w := a.stdout
	fmt.Fprintf(w, "dry run: %s → %s summary (%s), model %s (nothing is sent)\n", name, plan.To, plan.Style, plan.Model)
	fmt.Fprintf(w, "glossary entries in the text: %d\n", len(plan.Entries))
	fmt.Fprintf(w, "parts: %d (map-reduce when more than one)\n", max(1, len(plan.Chunks)))
	fmt.Fprintf(w, "estimate: %d requests, about %d prompt tokens and %d answer tokens", plan.Requests, plan.PromptTokens, plan.OutputTokens)
	if p.costs.Known(plan.Model) {
		fmt.Fprintf(w, ", about $%.4f", cost)
	}
	fmt.Fprintln(w)
	for _, m := range plan.Summary.Messages {
		fmt.Fprintf(w, "\n--- summary request, %s ---\n%s\n", m.Role, m.Content)
	}
	return nil
}
