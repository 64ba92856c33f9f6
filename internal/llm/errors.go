package llm

import (
	"errors"
	"fmt"
	"io"
	"net"
	"time"
)

// APIError is an HTTP error answer from the endpoint.
type APIError struct {
	// StatusCode is the HTTP status of the final attempt.
	StatusCode int
	// Type and Code are the error type and code from the JSON error body,
	// when the endpoint sent one.
	Type string
	Code string
	// Message is the endpoint's own explanation, never containing the key.
	Message string
	// RetryAfter is the wait the endpoint asked for, if it named one.
	RetryAfter time.Duration
	// Attempts is the number of HTTP attempts made before giving up.
	Attempts int
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "no message"
	}
	return fmt.Sprintf("endpoint answered HTTP %d: %s", e.StatusCode, msg)
}

// Fatal reports whether the error will not go away by itself, so that a
// run should stop instead of trying further items: a bad key (401),
// missing permission (403), an unknown model or wrong base URL (404), or
// an exhausted quota (429 with code insufficient_quota).
func (e *APIError) Fatal() bool {
	switch e.StatusCode {
	case 401, 403, 404:
		return true
	case 429:
		return e.Code == "insufficient_quota" || e.Type == "insufficient_quota"
	}
	return false
}

// UnreachableError means no HTTP answer came back at all: the connection
// was refused or reset, the name did not resolve, or every attempt timed out.
type UnreachableError struct {
	// URL is the endpoint address tried (never with credentials).
	URL string
	// Attempts is the number of attempts made.
	Attempts int
	// Err is the last transport error.
	Err error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("cannot reach endpoint %s: %v", e.URL, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// Answer errors: the endpoint answered with HTTP 200, but the answer is not
// a usable complete text.
var (
	// ErrTruncated means the answer stopped at the token limit
	// (finish_reason "length"); the caller should split its input.
	ErrTruncated = errors.New("answer truncated at the token limit")
	// ErrRefused means the model refused to answer.
	ErrRefused = errors.New("model refused to answer")
	// ErrContentFilter means the endpoint's content filter withheld the answer.
	ErrContentFilter = errors.New("answer withheld by the content filter")
	// ErrEmpty means the answer held no text.
	ErrEmpty = errors.New("empty answer")
	// ErrMalformed means the answer could not be read (invalid JSON, no
	// choices, an HTML page from a proxy, a stream cut mid-event).
	ErrMalformed = errors.New("malformed answer")
)

// AnswerError wraps one of the answer errors with the detail that explains it.
type AnswerError struct {
	// Err is ErrTruncated, ErrRefused, ErrContentFilter, ErrEmpty or ErrMalformed.
	Err error
	// Detail is the refusal text, the finish reason or a parse error.
	Detail string
	// Response is what was received, for usage accounting.
	Response Response
}

func (e *AnswerError) Error() string {
	if e.Detail == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + ": " + e.Detail
}

func (e *AnswerError) Unwrap() error { return e.Err }

// CheckAnswer turns an answer that is not a usable complete text into an
// *AnswerError: truncated, refused, filtered or empty. A good answer
// returns nil.
func CheckAnswer(r Response) error {
	switch {
	case r.Refusal != "":
		return &AnswerError{Err: ErrRefused, Detail: r.Refusal, Response: r}
	case r.FinishReason == FinishLength:
		return &AnswerError{Err: ErrTruncated, Detail: "finish_reason length", Response: r}
	case r.FinishReason == FinishContentFilter:
		return &AnswerError{Err: ErrContentFilter, Detail: "finish_reason content_filter", Response: r}
	case isBlank(r.Content):
		return &AnswerError{Err: ErrEmpty, Response: r}
	}
	return nil
}

// IsFatal reports whether err is an endpoint failure that no retry or
// other item will cure, so that a multi-item run should stop: an
// *APIError whose Fatal says so, or an *UnreachableError for an endpoint
// that could not be connected to or did not answer in time. A connection
// dropped in the middle of an exchange (reset, closed, body cut short)
// shows that the endpoint is up: that request failed, not the endpoint.
func IsFatal(err error) bool {
	var api *APIError
	if errors.As(err, &api) {
		return api.Fatal()
	}
	var un *UnreachableError
	return errors.As(err, &un) && !dropped(un.Err)
}

// dropped reports whether a transport error comes from a connection that
// was open and then reset or closed, rather than one that could not be
// made or that timed out.
func dropped(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && (op.Op == "read" || op.Op == "write") && !op.Timeout() {
		return true
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
