package summarize

import (
	"errors"
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/tokens"
)

// The summary styles.
const (
	// Headline is a headline of at most 15 words and nothing else.
	Headline = "headline"
	// Short is a headline and one or two sentences.
	Short = "short"
	// Bullets is a headline and three to five key points.
	Bullets = "bullets"
	// Paragraph is a headline and one paragraph of about Options.Words
	// words.
	Paragraph = "paragraph"
)

// Styles returns the styles in the order help texts show them.
func Styles() []string { return []string{Headline, Short, Bullets, Paragraph} }

// Defaults for the zero values of Options.
const (
	// DefaultFrom is the article's language when Options.From is empty.
	DefaultFrom = "en"
	// DefaultStyle is the style when Options.Style is empty.
	DefaultStyle = Short
	// DefaultWords is the length of a paragraph when Options.Words is 0.
	DefaultWords = 120
	// DefaultChunkTokens is the token budget above which an article is
	// summarized map-reduce. It holds the longest usual news articles
	// (some 3,000 English words) in one request, and one request with its
	// prompt and answer still fits the 8,000-token context of small local
	// models.
	DefaultChunkTokens = 4000
	// DefaultMaxRepairs is how often the model is asked to correct an answer.
	DefaultMaxRepairs = 2
	// DefaultConcurrency is how many parts of one article are in flight.
	DefaultConcurrency = 4
	// HeadlineWords is the most words a headline may have.
	HeadlineWords = 15
)

// Limits of Options.Words.
const (
	MinWords = 10
	MaxWords = 2000
)

// Options says what summary to write and how.
type Options struct {
	// From is the article's language code, checked against juru's
	// registry ("tl" is accepted for "fil", "zh-CN" for "zh-Hans"); it
	// defaults to English. To is the summary's language and defaults to
	// From: a summary in the article's own language.
	From, To string
	// Style is Headline, Short, Bullets or Paragraph; empty means
	// DefaultStyle.
	Style string
	// Words is the length a Paragraph aims at: 0 means DefaultWords. It is
	// ignored by the other styles.
	Words int
	// Model names the model; empty leaves the choice to the Completer.
	Model string
	// Temperature and Seed are sent as given when set, zero included.
	Temperature *float32
	Seed        *int
	// Glossary holds the fixed terms; nil means none.
	Glossary *glossary.Glossary
	// MaxRepairs is how often an answer with problems is sent back for
	// correction: 0 means DefaultMaxRepairs, a negative number means never.
	MaxRepairs int
	// ChunkTokens is the token budget of one request's article: a longer
	// article is summarized map-reduce over parts of at most this size.
	// 0 means DefaultChunkTokens.
	ChunkTokens int
	// Concurrency bounds the parts of this article in flight: 0 means
	// DefaultConcurrency. Bound the requests of a whole run by wrapping
	// the Completer.
	Concurrency int
	// Estimator counts tokens. Share one between calls: nil builds a new
	// one, which costs a quarter of a second on first use.
	Estimator *tokens.Estimator
	// Strict turns remaining glossary and number problems into a
	// *ViolationsError.
	Strict bool
}

// ErrOptions marks invalid options; the error wrapping it says which.
var ErrOptions = errors.New("invalid summary options")

// config is Options resolved and validated.
type config struct {
	Options
	from, to lang.Language
	repairs  int
	budget   int
	conc     int
	est      *tokens.Estimator
	checker  *glossary.Checker
	// srcTerms and dstTerms find glossary forms of the article's and the
	// summary's language, for mentions in the wrong language; nil when
	// there is no glossary or both languages are the same.
	srcTerms, dstTerms *glossary.Matcher
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
	to := from
	if o.To != "" {
		if to, err = reg.Lookup(o.To); err != nil {
			return nil, fmt.Errorf("%w: summary language: %w", ErrOptions, err)
		}
	}
	if o.Style == "" {
		o.Style = DefaultStyle
	}
	if !validStyle(o.Style) {
		return nil, fmt.Errorf("%w: unknown style %q (want headline, short, bullets or paragraph)", ErrOptions, o.Style)
	}
	switch {
	case o.Style != Paragraph:
		o.Words = 0
	case o.Words == 0:
		o.Words = DefaultWords
	case o.Words < MinWords || o.Words > MaxWords:
		return nil, fmt.Errorf("%w: %d words is outside %d to %d", ErrOptions, o.Words, MinWords, MaxWords)
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
		if from.Code != to.Code {
			c.srcTerms = glossary.NewMatcher(o.Glossary, from.Code)
			c.dstTerms = glossary.NewMatcher(o.Glossary, to.Code)
		}
	}
	return c, nil
}

func validStyle(s string) bool {
	for _, v := range Styles() {
		if s == v {
			return true
		}
	}
	return false
}

// count measures text under the model's encoding.
func (c *config) count(s string) int { return c.est.Count(c.Model, s) }
