package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/translate"
)

// translateToStdout translates one input into one language and writes
// the translation to stdout, streaming it when stdout is a terminal.
func (a *app) translateToStdout(ctx context.Context, o translateOptions, g *glossary.Glossary) error {
	in := inputs.Input{Path: o.batch.inputs[0], Rel: inputs.StdinRel}
	if in.Path == "-" {
		in.Path = ""
	} else if fi, err := os.Stat(in.Path); err == nil && fi.IsDir() {
		return usagef("translate: %s is a folder: use -o DIR to translate a folder", in.Path)
	}
	src, err := a.newSourceReader([]inputs.Input{in})
	if err != nil {
		return err
	}
	doc, err := src.read(in)
	if err != nil {
		return &inputError{err}
	}
	to := o.to[0].Code
	p, err := a.newPipeline(ctx, o.endpoint, o.batch)
	if err != nil {
		return err
	}
	topts := o.options(to, g, p)
	if o.batch.dryRun {
		plan, err := translate.DryRun(doc.Text, topts)
		if err != nil {
			return &inputError{fmt.Errorf("%s: %w", inputName(in), err)}
		}
		return a.printPlan(o.batch.format, inputName(in), plan, p)
	}
	streamed := false
	if a.stdoutTTY && o.batch.format == "text" {
		topts.Stream = func(s string) { streamed = true; io.WriteString(a.stdout, s) }
	}
	res, err := translate.Translate(ctx, p.completer, doc.Text, topts)
	var ve *translate.ViolationsError
	withheld := errors.As(err, &ve)
	if withheld {
		res, err = ve.Result, nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", inputName(in), err)
	}
	cost := p.price(o.endpoint.Model, res.Usage)
	switch {
	case o.batch.format == "json":
		rec := record(inputName(in), "-", string(batchrun.StatusOK), res, cost)
		if withheld {
			rec.Status, rec.Error = string(batchrun.StatusFailed), (&withheldError{n: len(res.Violations)}).Error()
		} else {
			rec.Text = &res.Text
			if len(res.Violations) > 0 {
				rec.Status = string(batchrun.StatusViolations)
			}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rec); err != nil {
			return err
		}
	case !withheld && !streamed:
		io.WriteString(a.stdout, res.Text)
		if !strings.HasSuffix(res.Text, "\n") {
			io.WriteString(a.stdout, "\n")
		}
	case streamed && !strings.HasSuffix(res.Text, "\n"):
		io.WriteString(a.stdout, "\n")
	}
	for _, v := range res.Violations {
		where := "stdout"
		if v.Kind == glossary.Missing {
			where = inputName(in)
		}
		fmt.Fprintf(a.stderr, "%s:%d:%d: glossary [%s]: %s\n", where, v.Line, v.Col, to, describeViolation(v))
	}
	if o.endpoint.Verbose {
		fmt.Fprintf(a.stderr, "juru: %s → %s: %d chunks, %d requests (%d cached), %d+%d tokens, $%.4f, %d glossary hits, %d violations\n",
			inputName(in), to, res.Chunks, res.Attempts, res.Cached, res.Usage.PromptTokens, res.Usage.CompletionTokens, cost, len(res.Hits), len(res.Violations))
	}
	switch {
	case withheld:
		return &violationsError{n: len(res.Violations)}
	case len(res.Violations) > 0:
		return &violationsError{n: len(res.Violations)}
	}
	return nil
}

// printPlan shows what a dry run would send.
func (a *app) printPlan(format, name string, plan *translate.Plan, p *pipeline) error {
	cost := p.costs.Estimate(plan.Model, plan.PromptTokens, plan.OutputTokens)
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Input string `json:"input"`
			*translate.Plan
			CostUSD float64 `json:"cost_usd"`
		}{name, plan, cost})
	}
	w := a.stdout
	fmt.Fprintf(w, "dry run: %s → %s, model %s (nothing is sent)\n", name, plan.To, plan.Model)
	fmt.Fprintf(w, "glossary entries in the text: %d\n", len(plan.Entries))
	for _, t := range plan.Entries {
		fmt.Fprintf(w, "  %q → %q", t.Source, t.Target)
		if len(t.Forbidden) > 0 {
			fmt.Fprintf(w, " (never: %s)", strings.Join(quoteAll(t.Forbidden), ", "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "chunks: %d\n", len(plan.Chunks))
	for _, c := range plan.Chunks {
		kind := ""
		if c.Verbatim {
			kind = ", kept verbatim"
		}
		fmt.Fprintf(w, "  %d. line %d, %d characters, %d source tokens, %d glossary entries%s\n", c.Index+1, c.Line, c.Chars, c.SourceTokens, len(c.Entries), kind)
	}
	fmt.Fprintf(w, "estimate: %d requests, about %d prompt tokens and %d answer tokens", plan.Requests, plan.PromptTokens, plan.OutputTokens)
	if p.costs.Known(plan.Model) {
		fmt.Fprintf(w, ", about $%.4f", cost)
	}
	fmt.Fprintln(w)
	for _, c := range plan.Chunks {
		for _, m := range c.Messages {
			fmt.Fprintf(w, "\n--- chunk %d, %s ---\n%s\n", c.Index+1, m.Role, m.Content)
		}
	}
	return nil
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
