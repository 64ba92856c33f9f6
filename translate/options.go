package translate

import (
	"errors"
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/tokens"
)

// Defaults for the zero values of Options.
const (
	// DefaultFrom is the source language when Options.From is empty.
	DefaultFrom = "en"
	// DefaultChunkTokens is the source-token budget of one chunk: long
	// enough that a typical news article goes in one request, short enough
	// that the translation of a chunk into Lao or Burmese (up to eight
	// times the tokens) stays well under the output limits of current
	// models.
	DefaultChunkTokens = 1500
	// DefaultMaxRepairs is how often the model is asked to correct an answer.
	DefaultMaxRepairs = 2
	// DefaultConcurrency is how many chunks of one document are in flight.
	DefaultConcurrency = 4
)

// Options says what to translate into and how.
type Options struct {
	// From and To are language codes, checked against juru's registry
	// ("tl" is accepted for "fil", "zh-CN" for "zh-Hans"). From defaults to
	// English.
	From, To string
	// Model names the model; empty leaves the choice to the Completer.
	Model string
	// Temperature and Seed are sent as given when set, zero included.
	Temperature *float32
	Seed        *int
	// Glossary holds the fixed terms; nil means none.
	Glossary *glossary.Glossary
	// MaxRepairs is how often an answer that breaks the glossary or loses
	// a placeholder is sent back for correction: 0 means
	// DefaultMaxRepairs, a negative number means never.
	MaxRepairs int
	// ChunkTokens is the source-token budget of one chunk: 0 means
	// DefaultChunkTokens.
	ChunkTokens int
	// Strict turns remaining glossary violations into a *ViolationsError.
	Strict bool
	// Concurrency bounds the chunks of this document in flight: 0 means
	// DefaultConcurrency. Bound the requests of a whole run by wrapping
	// the Completer.
	Concurrency int
	// Stream, when set, receives the translation progressively and in
	// order; the pieces concatenate to Result.Text. See Translate for
	// when text is passed on.
	Stream func(string)
	// Estimator counts tokens. Share one between calls: nil builds a new
	// one, which costs a quarter of a second on first use.
	Estimator *tokens.Estimator
}

// ErrOptions marks invalid options; the error wrapping it says which.
var ErrOptions = errors.New("invalid translation options")

// config is Options resolved and validated.
type config struct {
	Options
	from, to lang.Language
	repairs  int
	budget   int
	conc     int
	est      *tokens.Estimator
	checker  *glossary.Checker
	// riskyTarget is set when a translation can break the glossary even
	// where no entry occurs in the source: the glossary forbids forms, or
	// has case-sensitive forms, in the target language.
	riskyTarget bool
}

// resolve validates options and fills in defaults.
func resolve(o Options) (*config, error) {
	reg := lang.New()
	if o.From == "" {
		o.From = DefaultFrom
	}
	from, err := reg.Lookup(o.From)
	if err != nil {
		return nil, fmt.Errorf("%w: source language: %w", ErrOptions, err)
	}
	if o.To == "" {
		return nil, fmt.Errorf("%w: no target language", ErrOptions)
	}
	to, err := reg.Lookup(o.To)
	if err != nil {
		return nil, fmt.Errorf("%w: target language: %w", ErrOptions, err)
	}
	if from.Code == to.Code {
		return nil, fmt.Errorf("%w: source and target are both %s", ErrOptions, from.Code)
	}
	if o.ChunkTokens < 0 {
		return nil, fmt.Errorf("%w: chunk budget %d is negative", ErrOptions, o.ChunkTokens)
	}
	if o.Concurrency < 0 {
		return nil, fmt.Errorf("%w: concurrency %d is negative", ErrOptions, o.Concurrency)
	}
	c := &config{Options: o, from: from, to: to, repairs: o.MaxRepairs, budget: o.ChunkTokens, conc: o.Concurrency, est: o.Estimator}
	c.From, c.To = from.Code, to.Code
	switch {
	case c.repairs == 0:
		c.repairs = DefaultMaxRepairs
	case c.repairs < 0:
		c.repairs = 0
	}
	if c.budget == 0 {
		c.budget = DefaultChunkTokens
	}
	if c.conc == 0 {
		c.conc = DefaultConcurrency
	}
	if c.est == nil {
		c.est = tokens.New()
	}
	if o.Glossary.Len() > 0 {
		c.checker = glossary.NewChecker(o.Glossary, from.Code, to.Code)
		for _, e := range o.Glossary.Entries {
			if len(e.ForbiddenForms(to.Code)) > 0 || (e.CaseSensitive && len(e.Forms(to.Code)) > 0) {
				c.riskyTarget = true
				break
			}
		}
	}
	return c, nil
}

// count measures source text under the model's encoding.
func (c *config) count(s string) int { return c.est.Count(c.Model, s) }
