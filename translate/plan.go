package translate

import (
	"strings"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
)

// Plan is what Translate would do with a document, worked out without
// calling the endpoint: for a dry run.
type Plan struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Model string `json:"model,omitempty"`
	// Encoding names the tokenizer the estimates use.
	Encoding string `json:"encoding"`
	// ChunkTokens is the source-token budget of a chunk.
	ChunkTokens int `json:"chunk_tokens"`
	// Entries are the glossary entries selected for the document, in
	// glossary order.
	Entries []Term `json:"entries"`
	// Chunks are the chunks with the messages each first request sends.
	Chunks []PlannedChunk `json:"chunks"`
	// Requests is the number of first requests; repairs and splits of
	// truncated answers come on top.
	Requests int `json:"requests"`
	// PromptTokens and OutputTokens estimate the tokens of the first
	// requests and of their answers.
	PromptTokens int `json:"prompt_tokens"`
	OutputTokens int `json:"output_tokens"`
}

// Term is a glossary entry as a prompt carries it.
type Term struct {
	// Entry is the glossary entry's ID.
	Entry     string   `json:"entry"`
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Accepted  []string `json:"accepted,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
}

// PlannedChunk is one chunk of a Plan.
type PlannedChunk struct {
	// Index is the 0-based position of the chunk; Line the source line on
	// which it starts.
	Index int `json:"index"`
	Line  int `json:"line"`
	// Verbatim chunks (fenced code, or text with no letters once code,
	// links and URLs are set aside) are kept as they are and not sent.
	Verbatim bool `json:"verbatim,omitempty"`
	// Chars and SourceTokens measure the chunk's text.
	Chars        int `json:"chars"`
	SourceTokens int `json:"source_tokens"`
	// Placeholders counts the protected spans replaced in the text sent.
	Placeholders int `json:"placeholders,omitempty"`
	// Entries lists the IDs of the glossary entries in the prompt.
	Entries []string `json:"entries,omitempty"`
	// Messages is the first request's conversation.
	Messages []llm.Message `json:"messages,omitempty"`
	// PromptTokens and OutputTokens estimate the request and its answer.
	PromptTokens int `json:"prompt_tokens"`
	OutputTokens int `json:"output_tokens"`
}

// DryRun works out the chunks, prompts and token estimate of a
// translation without sending anything.
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
	pl := &Plan{
		From: cfg.From, To: cfg.To, Model: cfg.Model,
		Encoding: cfg.est.Encoding(cfg.Model), ChunkTokens: cfg.budget,
		Entries: []Term{}, Chunks: []PlannedChunk{},
	}
	selected := map[*glossary.Entry]bool{}
	for i, ch := range Split(src, cfg.budget, cfg.count) {
		pc := PlannedChunk{Index: i, Line: ch.Line, Verbatim: ch.Verbatim, Chars: utf8.RuneCountInString(ch.Text)}
		if ch.Verbatim {
			pl.Chunks = append(pl.Chunks, pc)
			continue
		}
		p := cfg.prepare(strings.ReplaceAll(ch.Text, "\r\n", "\n"))
		if !p.sendable() {
			pc.Verbatim = true
			pl.Chunks = append(pl.Chunks, pc)
			continue
		}
		pc.SourceTokens = cfg.count(p.prot.Text)
		pc.Placeholders = len(p.prot.kept)
		for _, e := range p.entries {
			pc.Entries = append(pc.Entries, e.ID)
			selected[e] = true
		}
		pc.Messages = p.msgs
		pc.PromptTokens = cfg.est.CountMessages(cfg.Model, p.msgs)
		pc.OutputTokens = cfg.est.Output(cfg.Model, pc.SourceTokens, cfg.From, cfg.To)
		pl.Requests++
		pl.PromptTokens += pc.PromptTokens
		pl.OutputTokens += pc.OutputTokens
		pl.Chunks = append(pl.Chunks, pc)
	}
	if cfg.Glossary != nil {
		var es []*glossary.Entry
		for _, e := range cfg.Glossary.Entries {
			if selected[e] {
				es = append(es, e)
			}
		}
		for k, t := range cfg.terms(es) {
			pl.Entries = append(pl.Entries, Term{Entry: es[k].ID, Source: t.Source, Target: t.Target, Accepted: t.Accepted, Forbidden: t.Forbidden})
		}
	}
	return pl, nil
}
