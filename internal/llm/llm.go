// Package llm defines the one small interface between juru's core packages
// and a chat-completion endpoint, together with the request, response and
// error values that cross it.
//
// The core (translate, summarize) depends only on Completer; the adapter in
// internal/openai implements it with go-openai, and middlewares such as the
// response cache or the rate limiter wrap one Completer in another.
package llm

import (
	"context"
)

// Role is the author of a chat message.
type Role string

// The roles a chat message can have.
const (
	System    Role = "system"
	User      Role = "user"
	Assistant Role = "assistant"
)

// Message is one turn of a chat conversation.
type Message struct {
	Role    Role   `json:"role"`
	Content string `json:"content"`
}

// Request is one chat-completion call.
type Request struct {
	// Model names the model (or Azure deployment) to use.
	Model string `json:"model"`
	// Messages is the conversation, oldest first.
	Messages []Message `json:"messages"`
	// Temperature, when non-nil, is sent as given, zero included.
	// Nil leaves the server's default in place.
	Temperature *float32 `json:"temperature,omitempty"`
	// Seed, when non-nil, asks the server for reproducible sampling.
	Seed *int `json:"seed,omitempty"`
	// MaxTokens caps the length of the answer; zero means no cap.
	MaxTokens int `json:"max_tokens,omitempty"`
	// Stream, when non-nil, asks for a streamed answer and receives each
	// content delta as it arrives. The full answer is still returned.
	Stream func(delta string) `json:"-"`
}

// Usage counts the tokens of one call as the endpoint reported them.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Add returns the sum of two usages.
func (u Usage) Add(v Usage) Usage {
	return Usage{
		PromptTokens:     u.PromptTokens + v.PromptTokens,
		CompletionTokens: u.CompletionTokens + v.CompletionTokens,
	}
}

// Total is the number of tokens in and out.
func (u Usage) Total() int { return u.PromptTokens + u.CompletionTokens }

// Finish reasons an endpoint reports. Endpoints may report others.
const (
	FinishStop          = "stop"
	FinishLength        = "length"
	FinishContentFilter = "content_filter"
)

// Response is the answer to one Request.
type Response struct {
	// Content is the text of the first choice.
	Content string `json:"content"`
	// FinishReason is why the model stopped, such as "stop" or "length".
	FinishReason string `json:"finish_reason,omitempty"`
	// Refusal holds the model's refusal message, if it refused.
	Refusal string `json:"refusal,omitempty"`
	// Model is the model that answered, as the endpoint named it.
	Model string `json:"model,omitempty"`
	// Usage is the token count the endpoint reported (zero when it sent none).
	Usage Usage `json:"usage"`
	// Attempts is the number of HTTP attempts this call took, retries
	// included (zero when the answer came from a cache).
	Attempts int `json:"attempts,omitempty"`
	// Cached reports that the answer was served from a cache, not the endpoint.
	Cached bool `json:"cached,omitempty"`
}

// Completer sends a chat-completion request and returns the answer.
//
// Implementations return an *APIError for HTTP errors from the endpoint,
// an *UnreachableError when the endpoint cannot be reached at all, and
// check the answer with CheckAnswer so that callers see truncation,
// refusals and empty answers as errors.
type Completer interface {
	Complete(ctx context.Context, req Request) (Response, error)
}

// CompleterFunc adapts a function to the Completer interface.
type CompleterFunc func(ctx context.Context, req Request) (Response, error)

// Complete calls f.
func (f CompleterFunc) Complete(ctx context.Context, req Request) (Response, error) {
	return f(ctx, req)
}
