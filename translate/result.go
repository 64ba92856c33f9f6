package translate

import (
	"errors"
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
)

// Result is a finished translation of one document into one language.
type Result struct {
	// From and To are the canonical language codes.
	From string `json:"from"`
	To   string `json:"to"`
	// Model is the model asked for, as Options named it.
	Model string `json:"model,omitempty"`
	// Text is the translated document.
	Text string `json:"text,omitempty"`
	// Usage adds up the tokens the endpoint reported for every call.
	Usage llm.Usage `json:"usage"`
	// Requests counts the chunks and half-chunks sent for translation;
	// Attempts counts every call, repairs and truncated answers included.
	Requests int `json:"requests"`
	Attempts int `json:"attempts"`
	// HTTPAttempts adds up the HTTP attempts the calls took, retries
	// included; Cached counts the answers that came from a cache.
	HTTPAttempts int `json:"http_attempts"`
	Cached       int `json:"cached"`
	// Chunks is how many chunks the document was split into, fenced code
	// blocks included.
	Chunks int `json:"chunks"`
	// Hits counts the glossary entries found in the document and in its
	// translation.
	Hits []glossary.Hit `json:"hits"`
	// Violations are the glossary violations left in Text, found by
	// checking the whole document after joining. Positions of forbidden
	// and wrong-case forms are in Text; those of missing terms are the
	// first occurrence in the source, as glossary.Checker reports them.
	Violations []glossary.Violation `json:"violations"`
}

// OK reports whether the translation keeps the glossary.
func (r *Result) OK() bool { return len(r.Violations) == 0 }

// ViolationsError is returned in strict mode when glossary violations
// remain after the repairs. The translation must not be written; Result
// holds it with its statistics for reporting.
type ViolationsError struct {
	Result *Result
}

func (e *ViolationsError) Error() string {
	n := len(e.Result.Violations)
	s := "s"
	if n == 1 {
		s = ""
	}
	return fmt.Sprintf("%d glossary violation%s remain in the %s translation", n, s, e.Result.To)
}

// ChunkError is the failure of one chunk, which fails the document: the
// endpoint's error (an *llm.APIError, *llm.UnreachableError or
// *llm.AnswerError for a refusal, a content filter, an empty answer or a
// truncated sentence) or ErrProtected.
type ChunkError struct {
	// Chunk is the 0-based index of the chunk.
	Chunk int
	// Line is the line of the source document on which the chunk starts.
	Line int
	// Err is the cause.
	Err error
}

func (e *ChunkError) Error() string {
	return fmt.Sprintf("chunk %d (line %d): %v", e.Chunk+1, e.Line, e.Err)
}

func (e *ChunkError) Unwrap() error { return e.Err }

// Document errors.
var (
	// ErrProtected means the model kept losing the placeholders of code,
	// links or URLs, so the translation would have lost them.
	ErrProtected = errors.New("answer lost protected code, links or URLs")
	// ErrEmptyDocument means the document holds nothing but white space.
	ErrEmptyDocument = errors.New("document is empty")
	// ErrInvalidUTF8 means the document is not valid UTF-8 text.
	ErrInvalidUTF8 = errors.New("document is not valid UTF-8")
	// ErrStreamMismatch means the final answer of a chunk did not continue
	// the text already streamed for it.
	ErrStreamMismatch = errors.New("final answer differs from the streamed text")
)
