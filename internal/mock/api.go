package mock

import (
	"encoding/json"
	"errors"

	"github.com/juru-cli/juru/internal/llm"
)

// ChatRequest is a chat-completion request body as the mock read it.
// Optional numbers are pointers so that a zero that was sent can be told
// from one that was not.
type ChatRequest struct {
	Model               string         `json:"model"`
	Messages            []ChatMessage  `json:"messages"`
	Temperature         *float64       `json:"temperature,omitempty"`
	TopP                *float64       `json:"top_p,omitempty"`
	N                   *int           `json:"n,omitempty"`
	Stream              bool           `json:"stream,omitempty"`
	StreamOptions       *StreamOptions `json:"stream_options,omitempty"`
	MaxTokens           *int           `json:"max_tokens,omitempty"`
	MaxCompletionTokens *int           `json:"max_completion_tokens,omitempty"`
	Seed                *int64         `json:"seed,omitempty"`
	PresencePenalty     *float64       `json:"presence_penalty,omitempty"`
	FrequencyPenalty    *float64       `json:"frequency_penalty,omitempty"`
	Stop                []string       `json:"stop,omitempty"`
	User                string         `json:"user,omitempty"`
	// Fields lists the top-level fields the body held, in sorted order.
	Fields []string `json:"-"`
}

// StreamOptions is the stream_options object of a request.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// ChatMessage is one message of a request. Content is the text of the
// message: a string as sent, or the text parts of a list joined together.
type ChatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
	// HasContent reports whether content was present and not null.
	HasContent bool `json:"-"`
	// Parts reports whether content was sent as a list of parts.
	Parts bool `json:"-"`
	// ToolCalls reports whether an assistant message carried tool calls.
	ToolCalls bool `json:"-"`
}

// LLMMessages returns the messages as juru's llm package spells them.
func (r *ChatRequest) LLMMessages() []llm.Message {
	out := make([]llm.Message, len(r.Messages))
	for i, m := range r.Messages {
		out[i] = llm.Message{Role: llm.Role(m.Role), Content: m.Content}
	}
	return out
}

// IncludeUsage reports whether a stream should end with a usage chunk.
func (r *ChatRequest) IncludeUsage() bool {
	return r.StreamOptions != nil && r.StreamOptions.IncludeUsage
}

// Choices returns the number of choices asked for.
func (r *ChatRequest) Choices() int {
	if r.N == nil {
		return 1
	}
	return *r.N
}

// TokenCap returns the answer's token limit, zero for none.
func (r *ChatRequest) TokenCap() int {
	switch {
	case r.MaxCompletionTokens != nil:
		return *r.MaxCompletionTokens
	case r.MaxTokens != nil:
		return *r.MaxTokens
	}
	return 0
}

// apiError is an error answer in OpenAI's shape.
type apiError struct {
	status  int
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

func (e *apiError) Error() string { return e.Message }

// newAPIError builds an error answer; empty param and code encode as null.
func newAPIError(status int, typ, param, code, msg string) *apiError {
	e := &apiError{status: status, Message: msg, Type: typ}
	if param != "" {
		e.Param = &param
	}
	if code != "" {
		e.Code = &code
	}
	return e
}

// invalid is a 400 invalid_request_error.
func invalid(param, code, msg string) *apiError {
	return newAPIError(400, "invalid_request_error", param, code, msg)
}

// body returns the JSON body of the error.
func (e *apiError) body() []byte {
	b, _ := json.Marshal(struct {
		Error *apiError `json:"error"`
	}{e})
	return b
}

// asAPIError returns err as an *apiError, or a 500 for anything else.
func asAPIError(err error) *apiError {
	var e *apiError
	if errors.As(err, &e) {
		return e
	}
	return newAPIError(500, "server_error", "", "", "The server had an error while processing your request.")
}
