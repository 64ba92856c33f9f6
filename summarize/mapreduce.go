package summarize

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/numbers"
	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/translate"
)

// maxLevels bounds how often notes are taken of notes.
const maxLevels = 3

// condense returns the text the summary is written from, and how many
// parts the article was cut into.
//
// An article within the token budget is used as it is. A longer one is
// cut with translate.Split under the budget (between paragraphs, else
// list items, else sentences; fenced code is left out), the key facts of
// every part are listed in the article's language (prompt.Notes), at most
// Concurrency parts at a time, and the notes, joined in article order,
// stand in for the article. Should the notes themselves pass the budget
// (an article of dozens of parts), notes are taken of the notes, up to
// maxLevels times or until they stop getting shorter. Notes are written in
// the article's language so that names and figures keep the article's
// own form until the one step that changes language.
//
// Each part's notes are checked for numbers that do not occur in the part
// and repaired like a summary. The summary is checked against the whole
// original article, never against the notes.
func (r *run) condense(ctx context.Context, src string) (string, int, error) {
	doc, chunks := src, 1
	for level := 0; level < maxLevels; level++ {
		size := r.cfg.count(doc)
		if size <= r.cfg.budget {
			break
		}
		parts := translate.Split(doc, r.cfg.budget, r.cfg.count)
		notes, sent, err := r.notesAll(ctx, parts)
		if err != nil {
			return "", 0, err
		}
		if level == 0 {
			chunks = sent
		}
		next := strings.Join(notes, "\n")
		if next == "" || r.cfg.count(next) >= size {
			break
		}
		doc = next
	}
	return doc, chunks, nil
}

// notesAll takes the notes of every part that is not verbatim, in
// parallel, and returns them in the parts' order with the number of parts
// sent.
func (r *run) notesAll(ctx context.Context, parts []translate.Chunk) ([]string, int, error) {
	outs := make([]string, len(parts))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.conc)
	sent := 0
	for i, p := range parts {
		if p.Verbatim {
			continue
		}
		if gctx.Err() != nil {
			break
		}
		sent++
		g.Go(func() error {
			notes, err := r.notes(gctx, p.Text)
			if err != nil {
				return &translate.ChunkError{Chunk: i, Line: p.Line, Err: err}
			}
			outs[i] = notes
			return nil
		})
	}
	err := g.Wait()
	if ctx.Err() != nil {
		return nil, 0, fmt.Errorf("summary stopped: %w", ctx.Err())
	}
	if err != nil {
		return nil, 0, err
	}
	var out []string
	for _, o := range outs {
		if o != "" {
			out = append(out, o)
		}
	}
	return out, sent, nil
}

// notes lists the key facts of one part. A part whose answer was cut off
// at the token limit is halved, down to single sentences.
func (r *run) notes(ctx context.Context, text string) (string, error) {
	l := promptLang(r.cfg.from)
	msgs := prompt.Build(prompt.Spec{Task: prompt.Notes, From: l, To: l, Document: text})
	nums := numbers.Extract(text, r.cfg.From)
	best, err := r.ask(ctx, msgs, func(content string) *candidate {
		return r.cfg.checkNotes(content, nums)
	})
	if errors.Is(err, llm.ErrTruncated) {
		left, right, ok := translate.Halve(text)
		if !ok {
			return "", err
		}
		a, err := r.notes(ctx, left.Text)
		if err != nil {
			return "", err
		}
		b, err := r.notes(ctx, right.Text)
		if err != nil {
			return "", err
		}
		return a + "\n" + b, nil
	}
	if err != nil {
		return "", err
	}
	return best.text, nil
}

// checkNotes reads the notes of a part as "- " lines and checks them
// against the numbers of the part.
func (c *config) checkNotes(content string, part []numbers.Number) *candidate {
	a := ParseAnswer(content)
	var lines []string
	if a.Headline != "" {
		lines = append(lines, "- "+a.Headline)
	}
	for _, l := range strings.Split(a.Body, "\n") {
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "- ") {
			l = "- " + l
		}
		lines = append(lines, l)
	}
	text := strings.Join(lines, "\n")
	return &candidate{answer: a, text: text, violations: numberProblems(text, c.From, part, c.From, "document")}
}
