package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// prepared is a piece of text ready to send.
type prepared struct {
	prot    protected
	entries []*glossary.Entry
	msgs    []llm.Message
}

// prepare protects a text (in LF line ends), selects the glossary entries
// occurring in it and builds the prompt.
func (c *config) prepare(text string) prepared {
	p := prepared{prot: protect(text)}
	if c.checker != nil {
		p.entries = c.checker.Applicable(p.prot.Text)
	}
	p.msgs = prompt.Build(prompt.Spec{
		Task:     prompt.Translate,
		From:     prompt.Lang{Code: c.from.Code, Name: c.from.English},
		To:       prompt.Lang{Code: c.to.Code, Name: c.to.English},
		Terms:    c.terms(p.entries),
		Document: p.prot.Text,
	})
	return p
}

// sendable reports whether the text holds anything to translate: a
// text of placeholders, numbers and punctuation only is kept as it is.
func (p prepared) sendable() bool {
	return strings.ContainsFunc(p.prot.Text, unicode.IsLetter)
}

// terms turns glossary entries into prompt terms: the preferred source
// form, the required target form, the other accepted target forms and the
// forbidden ones.
func (c *config) terms(entries []*glossary.Entry) []prompt.Term {
	out := make([]prompt.Term, 0, len(entries))
	for _, e := range entries {
		src, _ := e.Preferred(c.From)
		if src == "" {
			for _, f := range e.Forms(c.From) {
				src = f.Text
				break
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

// request makes the chat request for a conversation.
func (c *config) request(msgs []llm.Message) llm.Request {
	return llm.Request{Model: c.Model, Messages: msgs, Temperature: c.Temperature, Seed: c.Seed}
}

// candidate is one checked answer.
type candidate struct {
	text       string // placeholders restored, LF line ends
	lost       int    // placeholder problems
	violations []glossary.Violation
	problems   []string // everything wrong, in words for the model
}

func (a *candidate) better(b *candidate) bool {
	if a.lost != b.lost {
		return a.lost < b.lost
	}
	return len(a.violations) < len(b.violations)
}

// piece translates a text in LF line ends: the first attempt, then
// repairs; an answer cut off at the token limit splits the text in two.
// live, when not nil, receives the first answer as it streams, if no
// check can reject it.
func (r *run) piece(ctx context.Context, text string, live *liveStream) (string, error) {
	cfg := r.cfg
	p := cfg.prepare(text)
	if !p.sendable() {
		return text, nil
	}
	if live != nil && (len(p.prot.kept) > 0 || len(p.entries) > 0 || cfg.riskyTarget) {
		live = nil
	}
	conv := p.msgs
	var best *candidate
	for attempt := 0; attempt <= cfg.repairs; attempt++ {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		req := cfg.request(conv)
		if attempt == 0 && live != nil {
			req.Stream = live.write
		}
		resp, err := r.c.Complete(ctx, req)
		if err == nil {
			err = llm.CheckAnswer(resp) // in case the Completer did not
		}
		if err != nil {
			var ae *llm.AnswerError
			if errors.As(err, &ae) {
				resp = ae.Response
			}
		}
		r.account(resp, attempt == 0)
		if errors.Is(err, llm.ErrTruncated) {
			if best != nil { // a repair ran out of room: keep the best answer so far
				break
			}
			if live != nil && !live.e.abandon(live.i) {
				return "", err
			}
			return r.halves(ctx, text, err)
		}
		if err != nil {
			return "", err
		}
		cand := cfg.check(p, resp.Content)
		if best == nil || cand.better(best) {
			best = cand
		}
		if len(cand.problems) == 0 {
			break
		}
		conv = prompt.Repair(conv, resp.Content, cand.problems)
	}
	if best.lost > 0 {
		return "", fmt.Errorf("%w: %s", ErrProtected, best.problems[0])
	}
	return best.text, nil
}

// check restores the placeholders of an answer and checks it against the
// glossary.
func (c *config) check(p prepared, content string) *candidate {
	ans := tidyAnswer(content)
	text, lost := p.prot.restore(ans)
	cand := &candidate{text: text, lost: len(lost), problems: lost}
	if c.checker != nil {
		cand.violations = c.checker.Check(p.prot.Text, ans).Violations
		for _, v := range cand.violations {
			cand.problems = append(cand.problems, describe(v))
		}
	}
	return cand
}

// halves translates the two halves of a text whose answer was cut off.
func (r *run) halves(ctx context.Context, text string, cause error) (string, error) {
	left, right, ok := Halve(text)
	if !ok {
		return "", cause
	}
	a, err := r.piece(ctx, left.Text, nil)
	if err != nil {
		return "", err
	}
	b, err := r.piece(ctx, right.Text, nil)
	if err != nil {
		return "", err
	}
	return left.Lead + a + left.Trail + right.Lead + b + right.Trail, nil
}

// describe words a violation for the model.
func describe(v glossary.Violation) string {
	switch v.Kind {
	case glossary.Missing:
		return fmt.Sprintf("%q must be translated as %q (%d in the source, %d in your answer)", v.Source, v.Required, v.Want, v.Got)
	case glossary.ForbiddenUse:
		if v.Required != "" {
			return fmt.Sprintf("forbidden form %q must not appear; write %q instead", v.Found, v.Required)
		}
		return fmt.Sprintf("forbidden form %q must not appear", v.Found)
	case glossary.WrongCase:
		return fmt.Sprintf("%q must be written with the exact case of the glossary: %q", v.Found, v.Required)
	}
	return fmt.Sprintf("glossary entry %q is not kept (%s)", v.Source, v.Kind)
}
