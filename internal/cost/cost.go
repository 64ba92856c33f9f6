// Package cost prices chat-completion usage: a small built-in table of
// USD per million input and output tokens for common OpenAI models,
// overridable entry by entry, with the Batch API's half price as an
// option, and helpers that estimate a dry run's cost.
//
// Models the table does not know (local models, Azure deployment names,
// other providers) cost zero, and Known reports them so that a caller can
// say "unknown price" instead of "free".
package cost

import (
	"math"
	"regexp"
	"strings"

	"github.com/juru-cli/juru/internal/llm"
)

// PricesAsOf is the date of the OpenAI price list the built-in table
// copies (standard tier, text tokens, no cached-input discount).
const PricesAsOf = "2025-08-07"

// BatchDiscount is the factor the OpenAI Batch API applies to both input
// and output prices.
const BatchDiscount = 0.5

// Price is what a model costs, in USD per million tokens.
type Price struct {
	In  float64 `json:"in" toml:"in"`
	Out float64 `json:"out" toml:"out"`
}

// builtin is OpenAI's published price list as of PricesAsOf.
func builtin() map[string]Price {
	return map[string]Price{
		"gpt-5":             {1.25, 10.00},
		"gpt-5-mini":        {0.25, 2.00},
		"gpt-5-nano":        {0.05, 0.40},
		"gpt-5-chat-latest": {1.25, 10.00},
		"gpt-4.1":           {2.00, 8.00},
		"gpt-4.1-mini":      {0.40, 1.60},
		"gpt-4.1-nano":      {0.10, 0.40},
		"gpt-4o":            {2.50, 10.00},
		"gpt-4o-mini":       {0.15, 0.60},
		"chatgpt-4o-latest": {5.00, 15.00},
		"o4-mini":           {1.10, 4.40},
		"o3":                {2.00, 8.00},
		"o3-mini":           {1.10, 4.40},
		"o1":                {15.00, 60.00},
		"o1-mini":           {1.10, 4.40},
		"gpt-4-turbo":       {10.00, 30.00},
		"gpt-3.5-turbo":     {0.50, 1.50},
	}
}

// Builtin returns a copy of the built-in table.
func Builtin() map[string]Price { return builtin() }

// Options tunes a Table.
type Options struct {
	// Overrides replace or add prices, keyed by model name.
	Overrides map[string]Price
	// Batch applies BatchDiscount, as for work sent through the Batch API.
	Batch bool
}

// Table prices usage. It is immutable and safe for concurrent use.
type Table struct {
	prices map[string]Price
	factor float64
}

// New returns the built-in table with opts applied.
func New(opts Options) *Table {
	t := &Table{prices: builtin(), factor: 1}
	for m, p := range opts.Overrides {
		t.prices[strings.ToLower(strings.TrimSpace(m))] = p
	}
	if opts.Batch {
		t.factor = BatchDiscount
	}
	return t
}

// dated matches an OpenAI snapshot suffix such as "-2024-08-06".
var dated = regexp.MustCompile(`-\d{4}-\d{2}-\d{2}$`)

// Lookup returns a model's price (before any batch discount) and whether
// the table knows it. It tries the name as given (any case), then without
// a "provider/" prefix, then without a dated snapshot suffix, so
// "openai/gpt-4o-2024-08-06" finds "gpt-4o". It never guesses by prefix:
// "gpt-4o-mini" is not "gpt-4o".
func (t *Table) Lookup(model string) (Price, bool) {
	m := strings.ToLower(strings.TrimSpace(model))
	for _, cand := range candidates(m) {
		if p, ok := t.prices[cand]; ok {
			return p, true
		}
	}
	return Price{}, false
}

func candidates(m string) []string {
	out := []string{m}
	if i := strings.LastIndexByte(m, '/'); i >= 0 {
		m = m[i+1:]
		out = append(out, m)
	}
	if d := dated.ReplaceAllString(m, ""); d != m {
		out = append(out, d)
	}
	return out
}

// Known reports whether the table has a price for model.
func (t *Table) Known(model string) bool {
	_, ok := t.Lookup(model)
	return ok
}

// Cost is the USD price of usage on model; zero for an unknown model.
func (t *Table) Cost(model string, u llm.Usage) float64 {
	return t.Estimate(model, u.PromptTokens, u.CompletionTokens)
}

// Estimate is the USD price of promptTokens in and answerTokens out on
// model; zero for an unknown model.
func (t *Table) Estimate(model string, promptTokens, answerTokens int) float64 {
	p, ok := t.Lookup(model)
	if !ok {
		return 0
	}
	return t.factor * (float64(promptTokens)*p.In + float64(answerTokens)*p.Out) / 1e6
}

// Batch reports whether the batch discount applies.
func (t *Table) Batch() bool { return t.factor != 1 }

// Round returns usd rounded to the cent's hundredth, for display and
// reports.
func Round(usd float64) float64 { return math.Round(usd*1e4) / 1e4 }
