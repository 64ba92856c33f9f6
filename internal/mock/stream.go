package mock

import (
	"context"
	"encoding/json"
	"net/http"
	"unicode/utf8"
)

// The JSON shapes of a streamed answer's chunks.
type (
	chunkJSON struct {
		ID                string          `json:"id"`
		Object            string          `json:"object"`
		Created           int64           `json:"created"`
		Model             string          `json:"model"`
		ServiceTier       string          `json:"service_tier"`
		SystemFingerprint string          `json:"system_fingerprint"`
		Choices           []chunkChoice   `json:"choices"`
		Usage             json.RawMessage `json:"usage,omitempty"`
	}
	chunkChoice struct {
		Index        int       `json:"index"`
		Delta        deltaJSON `json:"delta"`
		Logprobs     *struct{} `json:"logprobs"`
		FinishReason *string   `json:"finish_reason"`
	}
	deltaJSON struct {
		Role    string  `json:"role,omitempty"`
		Content *string `json:"content,omitempty"`
		Refusal *string `json:"refusal,omitempty"`
	}
)

// events returns the server-sent events of a streamed answer: a first
// chunk with the role, the content (or refusal) in deltas of about size
// bytes, a chunk with the finish reason, a usage chunk when asked for,
// and [DONE]. badEvent replaces the first content chunk with one that is
// not JSON.
func (a answer) events(includeUsage bool, size int, badEvent bool) [][]byte {
	var out [][]byte
	base := chunkJSON{ID: a.id, Object: "chat.completion.chunk", Created: a.created, Model: a.model, ServiceTier: "default", SystemFingerprint: fingerprint}
	if includeUsage {
		base.Usage = json.RawMessage("null")
	}
	add := func(d deltaJSON, finish *string) {
		c := base
		for i := range a.choices {
			c.Choices = append(c.Choices, chunkChoice{Index: i, Delta: d, FinishReason: finish})
		}
		b, _ := json.Marshal(c)
		out = append(out, sse(b))
	}
	if a.noChoices {
		c := base
		c.Choices = []chunkChoice{}
		b, _ := json.Marshal(c)
		out = append(out, sse(b))
	} else {
		empty := ""
		add(deltaJSON{Role: "assistant", Content: &empty}, nil)
		text, refusal := a.content, a.refusal != ""
		if refusal {
			text = a.refusal
		}
		for _, part := range deltas(text, size) {
			if badEvent {
				out = append(out, []byte("data: {\"id\": \""+a.id+"\", \"choices\": [{\"delta\": {\"content\": \n\n"))
				badEvent = false
				continue
			}
			if refusal {
				add(deltaJSON{Refusal: &part}, nil)
			} else {
				add(deltaJSON{Content: &part}, nil)
			}
		}
		finish := a.finish
		add(deltaJSON{}, &finish)
	}
	if includeUsage {
		c := base
		c.Choices = []chunkChoice{}
		c.Usage, _ = json.Marshal(a.usage.json())
		b, _ := json.Marshal(c)
		out = append(out, sse(b))
	}
	return append(out, []byte("data: [DONE]\n\n"))
}

func sse(b []byte) []byte {
	return append(append([]byte("data: "), b...), '\n', '\n')
}

// deltas cuts text into parts of about size bytes at character boundaries.
func deltas(text string, size int) []string {
	var out []string
	for text != "" {
		part := cutBytes(text, size)
		if part == "" {
			_, n := utf8.DecodeRuneInString(text)
			part = text[:n]
		}
		out = append(out, part)
		text = text[len(part):]
	}
	return out
}

// writeStream writes a streamed answer. Truncated cuts the stream in the
// middle of an event halfway through and closes the connection.
func (s *Server) writeStream(ctx context.Context, w http.ResponseWriter, a answer, includeUsage bool, k FaultKind) {
	events := a.events(includeUsage, s.opts.ChunkSize, k == BadJSON)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	for i, ev := range events {
		if k == Truncated && i == len(events)/2 {
			_, _ = w.Write(ev[:len(ev)/2])
			_ = rc.Flush()
			panic(http.ErrAbortHandler)
		}
		if _, err := w.Write(ev); err != nil {
			return
		}
		_ = rc.Flush()
		if i+1 < len(events) && !wait(ctx, s.opts.ChunkInterval) {
			return
		}
	}
}
