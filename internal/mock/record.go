package mock

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Recorded is one request as the mock received and answered it.
type Recorded struct {
	// Seq numbers every request in arrival order, from 1.
	Seq int
	// Time is when the request arrived.
	Time time.Time
	// Method, Path and Query are those of the request line.
	Method, Path, Query string
	// Header is the request's header with the key redacted.
	Header http.Header
	// Body is the raw request body.
	Body []byte
	// Chat is the parsed chat-completion request, nil when the request was
	// not one or did not validate.
	Chat *ChatRequest
	// Call is what the Script saw; its N is zero when the request was
	// turned away before reaching it (invalid, unknown model, rate limit).
	Call Call
	// Fault is the fault the Script chose.
	Fault Fault
	// Status is the HTTP status answered; zero when the connection was
	// reset, 499 when the client went away first.
	Status int
	// Answer is the content answered, after any cut by a fault, a stop
	// sequence or the token cap; for Truncated, the content whose body
	// was cut.
	Answer string
	// Usage is the token count reported.
	Usage Usage
	// Done reports whether the handler has finished.
	Done bool
}

// Usage is the token count of one answer. The mock counts a token per
// four bytes: PromptTokens over the content of all messages,
// CompletionTokens over the content of the answer (all choices).
type Usage struct {
	PromptTokens     int
	CompletionTokens int
}

// Tokens is the mock's token estimate for a text: its length in bytes
// divided by four, rounded up.
func Tokens(s string) int { return (len(s) + 3) / 4 }

// recKey is the context key of a request's record.
type recKey struct{}

func withRecord(r *http.Request, rec *Recorded) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), recKey{}, rec))
}

func recordOf(r *http.Request) *Recorded {
	rec, _ := r.Context().Value(recKey{}).(*Recorded)
	return rec
}

// begin records a request's arrival.
func (s *Server) begin(r *http.Request) *Recorded {
	rec := &Recorded{
		Time:   s.opts.Now(),
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Header: redact(r.Header),
	}
	s.mu.Lock()
	s.seq++
	rec.Seq = s.seq
	s.records = append(s.records, rec)
	s.mu.Unlock()
	return rec
}

// update changes a record under the server's lock.
func (s *Server) update(rec *Recorded, f func(*Recorded)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(rec)
}

// finish records the status answered, unless the handler already did.
func (s *Server) finish(rec *Recorded, w *statusWriter) {
	s.update(rec, func(r *Recorded) {
		if r.Status == 0 && !r.Done {
			r.Status = w.status
		}
		r.Done = true
	})
}

// redact copies a header, replacing credentials.
func redact(h http.Header) http.Header {
	out := h.Clone()
	for k := range out {
		switch strings.ToLower(k) {
		case "authorization", "proxy-authorization":
			for i, v := range out[k] {
				scheme, _, found := strings.Cut(v, " ")
				if found {
					out[k][i] = scheme + " [redacted]"
				} else {
					out[k][i] = "[redacted]"
				}
			}
		case "api-key", "x-api-key", "openai-api-key":
			for i := range out[k] {
				out[k][i] = "[redacted]"
			}
		}
	}
	return out
}

// Requests returns a copy of every request recorded, in arrival order.
func (s *Server) Requests() []Recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Recorded, len(s.records))
	for i, r := range s.records {
		out[i] = *r
		out[i].Header = r.Header.Clone()
	}
	return out
}

// ChatRequests returns the recorded chat-completion requests that
// reached the Script, in arrival order.
func (s *Server) ChatRequests() []Recorded {
	var out []Recorded
	for _, r := range s.Requests() {
		if r.Call.N > 0 {
			out = append(out, r)
		}
	}
	return out
}

// Count returns the number of requests recorded.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.records)
}

// Reset forgets every record and restarts the numbering of requests,
// calls and conversations, so that scripts see the next request as the
// first. The rate-limit window is kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records = nil
	s.seq, s.calls = 0, 0
	s.keys = map[string]int{}
}
