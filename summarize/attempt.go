package summarize

import (
	"context"
	"errors"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// candidate is one checked answer.
type candidate struct {
	answer     Answer
	text       string // what would be written
	hits       []glossary.Hit
	violations []Problem // glossary and numbers
	warnings   []Problem // shape and script
}

// better reports whether a is a better answer than b: fewer violations,
// then fewer warnings.
func (a *candidate) better(b *candidate) bool {
	if len(a.violations) != len(b.violations) {
		return len(a.violations) < len(b.violations)
	}
	return len(a.warnings) < len(b.warnings)
}

// problems lists what to ask the model to correct, violations first,
// each message once.
func (a *candidate) problems() []string {
	var out []string
	seen := map[string]bool{}
	for _, ps := range [][]Problem{a.violations, a.warnings} {
		for _, p := range ps {
			if !seen[p.Message] {
				seen[p.Message] = true
				out = append(out, p.Message)
			}
		}
	}
	return out
}

// request makes the chat request for a conversation.
func (c *config) request(msgs []llm.Message) llm.Request {
	return llm.Request{Model: c.Model, Messages: msgs, Temperature: c.Temperature, Seed: c.Seed}
}

// ask sends a conversation and checks the answer, then asks for repairs
// while problems remain, up to the repair budget, and returns the best
// answer. The first call's failure is returned as it is; a repair that
// fails with a refused, filtered, empty or cut-off answer keeps the best
// answer so far, while an endpoint error or cancellation fails.
func (r *run) ask(ctx context.Context, conv []llm.Message, check func(string) *candidate) (*candidate, error) {
	var best *candidate
	for attempt := 0; attempt <= r.cfg.repairs; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		resp, err := r.c.Complete(ctx, r.cfg.request(conv))
		if err == nil {
			err = llm.CheckAnswer(resp)
		}
		var ae *llm.AnswerError
		if errors.As(err, &ae) {
			resp = ae.Response
		}
		r.account(resp, attempt == 0)
		if err != nil {
			if best != nil && ae != nil {
				break
			}
			return nil, err
		}
		cand := check(resp.Content)
		if best == nil || cand.better(best) {
			best = cand
		}
		probs := cand.problems()
		if len(probs) == 0 {
			break
		}
		conv = prompt.Repair(conv, resp.Content, probs)
	}
	return best, nil
}
