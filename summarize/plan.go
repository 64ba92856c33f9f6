package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/translate"
)

// Plan is what Summarize would do with an article, worked out without
// calling the endpoint: for a dry run.
type Plan struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Style string `json:"style"`
	Words int    `json:"words,omitempty"`
	Model string `json:"model,omitempty"`
	// Encoding names the tokenizer the estimates use.
	Encoding string `json:"encoding"`
	// ChunkTokens is the budget above which the article is summarized
	// map-reduce.
	ChunkTokens int `json:"chunk_tokens"`
	// Entries are the glossary entries of the article the summary
	// request carries, in glossary order.
	Entries []translate.Term `json:"entries"`
	// Chunks are the parts of a long article with the notes request of
	// each; empty when the article fits one request.
	Chunks []translate.PlannedChunk `json:"chunks"`
	// Summary is the summary request. Its messages are known only when
	// the article fits one request; otherwise they hold the notes, and
	// the token figures are estimates.
	Summary translate.PlannedChunk `json:"summary"`
	// Requests is the number of first requests; repairs and halved parts
	// come on top, and so do notes of notes for articles of dozens of
	// parts.
	Requests int `json:"requests"`
	// PromptTokens and OutputTokens estimate the tokens of the first
	// requests and of their answers.
	PromptTokens int `json:"prompt_tokens"`
	OutputTokens int `json:"output_tokens"`
}

// notesShare is the rough share of a part's tokens its notes take.
const notesShare = 4

// DryRun works out the parts, prompts and token estimate of a summary
// without sending anything.
func DryRun(src string, opts Options) (*Plan, error) {
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
	pl := &Plan{
		From: cfg.From, To: cfg.To, Style: cfg.Style, Words: cfg.Words, Model: cfg.Model,
		Encoding: cfg.est.Encoding(cfg.Model), ChunkTokens: cfg.budget,
		Entries: []translate.Term{}, Chunks: []translate.PlannedChunk{},
	}
	for i, t := range cfg.terms(art.entries) {
		pl.Entries = append(pl.Entries, translate.Term{Entry: art.entries[i].ID, Source: t.Source, Target: t.Target, Accepted: t.Accepted, Forbidden: t.Forbidden})
	}
	size := cfg.count(src)
	sum := translate.PlannedChunk{Line: 1, Chars: utf8.RuneCountInString(src), SourceTokens: size}
	for _, e := range art.entries {
		sum.Entries = append(sum.Entries, e.ID)
	}
	if size <= cfg.budget {
		sum.Messages = cfg.summaryPrompt(src, art)
		sum.PromptTokens = cfg.est.CountMessages(cfg.Model, sum.Messages)
	} else {
		notes := 0
		l := promptLang(cfg.from)
		for i, ch := range translate.Split(src, cfg.budget, cfg.count) {
			pc := translate.PlannedChunk{Index: i, Line: ch.Line, Verbatim: ch.Verbatim, Chars: utf8.RuneCountInString(ch.Text)}
			if !ch.Verbatim {
				pc.SourceTokens = cfg.count(ch.Text)
				pc.Messages = prompt.Build(prompt.Spec{Task: prompt.Notes, From: l, To: l, Document: ch.Text})
				pc.PromptTokens = cfg.est.CountMessages(cfg.Model, pc.Messages)
				pc.OutputTokens = pc.SourceTokens/notesShare + 1
				notes += pc.OutputTokens
				pl.Requests++
				pl.PromptTokens += pc.PromptTokens
				pl.OutputTokens += pc.OutputTokens
			}
			pl.Chunks = append(pl.Chunks, pc)
		}
		sum.Index = len(pl.Chunks)
		sum.PromptTokens = cfg.est.CountMessages(cfg.Model, cfg.summaryPrompt("", art)) + notes
	}
	sum.OutputTokens = cfg.est.Output(cfg.Model, summaryTokens(cfg.Style, cfg.Words), "en", cfg.To)
	pl.Summary = sum
	pl.Requests++
	pl.PromptTokens += sum.PromptTokens
	pl.OutputTokens += sum.OutputTokens
	return pl, nil
}

// summaryTokens is the rough length in English tokens of a summary in a
// style, headline included.
func summaryTokens(style string, words int) int {
	switch style {
	case Headline:
		return 25
	case Bullets:
		return 130
	case Paragraph:
		return 25 + words*4/3
	}
	return 70
}
