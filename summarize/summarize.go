package summarize

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/numbers"
	"github.com/juru-cli/juru/internal/prompt"
)

// Summarize writes a summary of a Markdown or plain-text article.
//
// An article within the token budget is summarized in one request; a
// longer one map-reduce (see condense). The summary request carries the
// glossary entries occurring in the article. Every answer is read with
// ParseAnswer and checked for shape, script, glossary terms and numbers
// against the original article; an answer with problems is sent back with
// their list, up to MaxRepairs times, and the best answer (fewest glossary
// and number problems, then fewest others) is kept. What remains is
// reported in Result.Violations and Result.Warnings; in strict mode
// remaining violations return a *ViolationsError instead.
//
// A refusal, a content filter, an empty or cut-off answer to the first
// request, an endpoint error or cancellation fails the summary; the
// notes of a part whose answer was cut off are taken again from its two
// halves, and a notes failure is a *translate.ChunkError naming the part.
func Summarize(ctx context.Context, c llm.Completer, src string, opts Options) (*Result, error) {
	cfg, err := resolve(opts)
	if err != nil {
		return nil, err
	}
	if !utf8.ValidString(src) {
		return nil, ErrInvalidUTF8
	}
	if isBlank(src) {
		return nil, ErrEmptyDocument
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	art := cfg.article(src)
	r := &run{cfg: cfg, c: c}
	doc, chunks, err := r.condense(ctx, src)
	if err != nil {
		return nil, err
	}
	best, err := r.ask(ctx, cfg.summaryPrompt(doc, art), func(content string) *candidate {
		return cfg.checkSummary(content, art)
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("summary stopped: %w", ctx.Err())
		}
		return nil, fmt.Errorf("summary: %w", err)
	}
	res := &Result{
		From: cfg.From, To: cfg.To, Style: cfg.Style, Words: cfg.Words, Model: cfg.Model,
		Headline: best.answer.Headline, Body: best.answer.Body, Text: best.text,
		Usage: r.usage, Requests: r.requests, Attempts: r.attempts,
		HTTPAttempts: r.http, Cached: r.cached, Chunks: chunks,
		Hits: nonNil(best.hits), Violations: nonNil(best.violations), Warnings: nonNil(best.warnings),
	}
	if cfg.Strict && len(res.Violations) > 0 {
		return nil, &ViolationsError{Result: res}
	}
	return res, nil
}

// article prepares the checks' view of the original article.
func (c *config) article(src string) *article {
	a := &article{
		source:     source{text: src, sentences: countSentences(src), words: countWords(src, c.From)},
		applicable: map[*glossary.Entry]bool{},
		numbers:    numbers.Extract(src, c.From),
	}
	if c.checker != nil {
		a.entries = c.checker.Applicable(src)
		for _, e := range a.entries {
			a.applicable[e] = true
		}
	}
	return a
}

// summaryPrompt builds the summary request over doc, the article or the
// notes taken from it.
func (c *config) summaryPrompt(doc string, art *article) []llm.Message {
	return prompt.Build(prompt.Spec{
		Task: prompt.Summarize, From: promptLang(c.from), To: promptLang(c.to),
		Style: c.Style, Words: c.Words, Terms: c.terms(art.entries), Document: doc,
	})
}

func promptLang(l lang.Language) prompt.Lang { return prompt.Lang{Code: l.Code, Name: l.English} }

// terms turns glossary entries into prompt terms: the preferred article
// form, the required summary form, the other accepted summary forms and
// the forbidden ones.
func (c *config) terms(entries []*glossary.Entry) []prompt.Term {
	out := make([]prompt.Term, 0, len(entries))
	for _, e := range entries {
		src, _ := e.Preferred(c.From)
		if src == "" {
			if fs := e.Forms(c.From); len(fs) > 0 {
				src = fs[0].Text
			}
		}
		tgt, _ := e.Preferred(c.To)
		t := prompt.Term{Source: src, Target: tgt, Forbidden: e.ForbiddenForms(c.To)}
		for _, a := range e.Accepted(c.To) {
			if a != tgt {
				t.Accepted = append(t.Accepted, a)
			}
		}
		out = append(out, t)
	}
	return out
}

// checkSummary reads and checks one answer to the summary request. The
// headline style keeps the headline alone.
func (c *config) checkSummary(content string, art *article) *candidate {
	a := ParseAnswer(content)
	if c.Style == Headline {
		a.Body, a.Bullets, a.Prose, a.Paragraphs = "", nil, nil, 0
	}
	cand := &candidate{answer: a, text: Format(a.Headline, a.Body)}
	cand.warnings = append(c.shape(a, &art.source), c.scriptProblems(cand.text, &art.source)...)
	cand.hits, cand.violations = c.faith(cand.text, art)
	return cand
}

// run is the summary of one article.
type run struct {
	cfg *config
	c   llm.Completer

	mu                               sync.Mutex
	usage                            llm.Usage
	requests, attempts, http, cached int
}

// account adds one call to the totals.
func (r *run) account(resp llm.Response, newRequest bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.usage = r.usage.Add(resp.Usage)
	r.attempts++
	r.http += resp.Attempts
	if resp.Cached {
		r.cached++
	}
	if newRequest {
		r.requests++
	}
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
