package mock

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// maxBody is the largest request body accepted.
const maxBody = 32 << 20

// chat serves a chat-completion request.
func (s *Server) chat(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	deployment := r.PathValue("name")
	if deployment != "" && r.URL.Query().Get("api-version") == "" {
		writeJSON(w, 404, []byte(`{"error":{"code":"404","message":"Resource not found"}}`))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	s.update(rec, func(x *Recorded) { x.Body = body })
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, newAPIError(413, "invalid_request_error", "", "request_too_large", fmt.Sprintf("Request body too large; the limit is %d bytes.", maxBody)))
		}
		return
	}
	req, e := parseChat(body, s.opts.Lenient, deployment == "")
	if e != nil {
		writeError(w, e)
		return
	}
	s.update(rec, func(x *Recorded) { x.Chat = req })
	model := req.Model
	if deployment != "" {
		model = deployment
	}
	if !s.modelExists(model) {
		if deployment != "" {
			writeJSON(w, 404, []byte(`{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}`))
			return
		}
		writeError(w, newAPIError(404, "invalid_request_error", "", "model_not_found", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", model)))
		return
	}
	ptok := promptTokens(req)
	if s.opts.ContextTokens > 0 && ptok > s.opts.ContextTokens {
		writeError(w, invalid("messages", "context_length_exceeded", fmt.Sprintf("This model's maximum context length is %d tokens. However, your messages resulted in %d tokens. Please reduce the length of the messages.", s.opts.ContextTokens, ptok)))
		return
	}
	if s.limiter != nil {
		v := s.limiter.admit(s.opts.Now(), ptok+req.TokenCap())
		for k, vs := range v.header {
			w.Header()[k] = vs
		}
		if !v.ok {
			retryHeaders(w.Header(), v.retry)
			writeError(w, v.rateLimited(s.limiter.lim, ptok+req.TokenCap()))
			return
		}
	}
	call := s.newCall(req, deployment)
	var f Fault
	if s.opts.Script != nil {
		f = s.opts.Script(call)
	}
	s.update(rec, func(x *Recorded) { x.Call, x.Fault = call, f })
	w.Header().Set("x-request-id", fmt.Sprintf("req_mock%06d", rec.Seq))
	if !wait(r.Context(), s.opts.Latency+f.wait()) {
		s.update(rec, func(x *Recorded) { x.Status, x.Done = 499, true })
		return
	}
	if s.writeFault(w, f, req.Stream, rec) {
		return
	}
	a := s.buildAnswer(req, call, f, model, rec.Seq)
	s.update(rec, func(x *Recorded) { x.Answer, x.Usage = a.content, a.usage })
	if req.Stream {
		s.writeStream(r.Context(), w, a, req.IncludeUsage(), f.Kind)
		return
	}
	s.writePlain(w, a, f.Kind)
}

// modelExists reports whether a model is served.
func (s *Server) modelExists(m string) bool {
	if len(s.opts.Models) == 0 {
		return true
	}
	for _, x := range s.opts.Models {
		if x == m {
			return true
		}
	}
	return false
}

// newCall numbers a request and reads the juru prompt in it.
func (s *Server) newCall(req *ChatRequest, deployment string) Call {
	msgs := req.LLMMessages()
	c := Call{Request: req, Deployment: deployment, Key: conversationKey(msgs), Attempt: 1}
	if spec, err := prompt.Parse(msgs); err == nil {
		c.Spec = &spec
		if turns, err := prompt.Conversation(msgs); err == nil {
			c.Attempt = 1 + len(turns)
		}
	}
	s.mu.Lock()
	s.calls++
	s.keys[c.Key]++
	c.N, c.KeyN = s.calls, s.keys[c.Key]
	s.mu.Unlock()
	return c
}

// conversationKey identifies a conversation by its first two messages.
func conversationKey(msgs []llm.Message) string {
	h := sha256.New()
	for i, m := range msgs {
		if i == 2 {
			break
		}
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00", m.Role, len(m.Content), m.Content)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// promptTokens estimates the prompt's tokens over all message contents.
func promptTokens(req *ChatRequest) int {
	n := 0
	for _, m := range req.Messages {
		n += len(m.Content)
	}
	return (n + 3) / 4
}

// wait waits d unless ctx ends first, and reports whether it waited.
func wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// answer is a chat answer before it is written.
type answer struct {
	id        string
	created   int64
	model     string
	content   string
	refusal   string
	finish    string
	choices   int
	usage     Usage
	noChoices bool
}

// refusalText is what a refusing model says.
const refusalText = "I'm sorry, but I can't help with that request."

// buildAnswer computes the answer to a request under a fault.
func (s *Server) buildAnswer(req *ChatRequest, c Call, f Fault, model string, seq int) answer {
	a := answer{
		id:      fmt.Sprintf("chatcmpl-mock%06d", seq),
		created: s.opts.Now().Unix(), model: model,
		finish: llm.FinishStop, choices: req.Choices(),
	}
	text := s.replyText(c, f.Kind)
	switch f.Kind {
	case Refusal:
		text, a.refusal = "", refusalText
	case ContentFilter:
		text, a.finish = "", llm.FinishContentFilter
	case Empty:
		text = ""
	case Length:
		text, a.finish = cutBytes(text, len(text)/2), llm.FinishLength
	case NoChoices:
		a.noChoices = true
	}
	if a.finish == llm.FinishStop {
		for _, stop := range req.Stop {
			if i := strings.Index(text, stop); stop != "" && i >= 0 {
				text = text[:i]
			}
		}
		if limit := req.TokenCap(); limit > 0 && Tokens(text) > limit {
			text, a.finish = cutBytes(text, limit*4), llm.FinishLength
		}
	}
	a.content = text
	a.usage = Usage{PromptTokens: promptTokens(req), CompletionTokens: Tokens(text+a.refusal) * a.choices}
	if a.noChoices {
		a.usage.CompletionTokens = 0
	}
	return a
}

// replyText is the text of the answer: the pseudo-translator's for a
// juru prompt, the last user message echoed for anything else.
func (s *Server) replyText(c Call, k FaultKind) string {
	if c.Spec == nil {
		for i := len(c.Request.Messages) - 1; i >= 0; i-- {
			if m := c.Request.Messages[i]; m.Role == "user" {
				return m.Content
			}
		}
		return ""
	}
	mode := termsRequired
	switch k {
	case DropTerms:
		mode = termsDropped
	case CorruptTerms:
		mode = termsCorrupt
	}
	return s.tr.reply(c.Spec, mode)
}

// cutBytes returns at most n bytes of s, cut at a character boundary.
func cutBytes(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
