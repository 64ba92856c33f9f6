package mock

import (
	"encoding/binary"
	"hash/fnv"
	"net/http"
	"sort"
	"time"

	"github.com/juru-cli/juru/internal/prompt"
)

// FaultKind names a way the mock misbehaves on one call.
type FaultKind string

// The faults the mock can inject.
const (
	// NoFault answers normally.
	NoFault FaultKind = ""
	// Status answers Fault.Status with Fault.Header and Fault.Body (an
	// OpenAI error body for the status when Body is empty).
	Status FaultKind = "status"
	// ServerError answers 500 with an OpenAI error body.
	ServerError FaultKind = "server_error"
	// Overloaded answers 503 with an OpenAI error body.
	Overloaded FaultKind = "overloaded"
	// RateLimited answers 429 with Retry-After and retry-after-ms set from
	// Fault.RetryAfter (one second when zero).
	RateLimited FaultKind = "rate_limited"
	// Reset closes the connection without answering (a TCP reset).
	Reset FaultKind = "reset"
	// Truncated closes the connection halfway through the JSON body, or
	// in the middle of an event of a stream.
	Truncated FaultKind = "truncated"
	// Slow answers normally after Fault.Delay (one second when zero).
	Slow FaultKind = "slow"
	// Length answers the first half of the text with finish_reason "length".
	Length FaultKind = "length"
	// Refusal answers with refusal set and empty content.
	Refusal FaultKind = "refusal"
	// ContentFilter answers empty content with finish_reason "content_filter".
	ContentFilter FaultKind = "content_filter"
	// Empty answers empty content with finish_reason "stop".
	Empty FaultKind = "empty"
	// HTMLPage answers a proxy's HTML error page with Fault.Status (502
	// when zero; 200 is allowed).
	HTMLPage FaultKind = "html"
	// WrongContentType answers 200 with a text/plain body (Fault.Body, or
	// a short sentence when empty).
	WrongContentType FaultKind = "wrong_content_type"
	// BadJSON answers 200 with a JSON content type and a body that is not JSON.
	BadJSON FaultKind = "bad_json"
	// NoChoices answers 200 with a well-formed completion without choices.
	NoChoices FaultKind = "no_choices"
	// DropTerms answers a translation in which every glossary term is
	// written as ordinary pseudo-words instead of its required form.
	DropTerms FaultKind = "drop_terms"
	// CorruptTerms answers a translation in which every glossary term is
	// written in its first forbidden form, or as the source term when it
	// has none.
	CorruptTerms FaultKind = "corrupt_terms"
)

// Fault is what the mock does wrong on one call. The zero value answers
// normally. Delay applies to every kind, before anything is written.
type Fault struct {
	Kind FaultKind
	// Status is the HTTP status for Status and HTMLPage.
	Status int
	// Header holds extra response headers for Status.
	Header http.Header
	// Body replaces the default body for Status and WrongContentType.
	Body string
	// Delay is waited before answering, ending early when the client
	// cancels the request.
	Delay time.Duration
	// RetryAfter is announced by RateLimited.
	RetryAfter time.Duration
}

// Call describes one chat-completion request to a Script.
type Call struct {
	// N numbers chat-completion requests in arrival order, from 1.
	N int
	// Key identifies the conversation by its first two messages: the same
	// document, task and language give the same Key across retries and
	// repairs.
	Key string
	// KeyN counts the requests with this Key so far, this one included,
	// from 1: retries and repairs of one document chunk count up.
	KeyN int
	// Attempt is 1 for a first request and 1 + the number of earlier
	// answers for a repair conversation.
	Attempt int
	// Spec is the parsed juru prompt, nil when the messages are not one.
	Spec *prompt.Spec
	// Request is the parsed request body; scripts must not change it.
	Request *ChatRequest
	// Deployment is the Azure deployment named in the path, if any.
	Deployment string
}

// Script chooses the fault for a call. It is called concurrently.
type Script func(Call) Fault

// Chain combines scripts: the first fault of a kind other than NoFault
// and Slow wins (else the first Slow one), and the delays of all add up.
func Chain(scripts ...Script) Script {
	return func(c Call) Fault {
		var out Fault
		var delay time.Duration
		for _, s := range scripts {
			if s == nil {
				continue
			}
			f := s(c)
			delay += f.wait()
			switch {
			case f.Kind == NoFault:
			case out.Kind == NoFault, out.Kind == Slow && f.Kind != Slow:
				out = f
			}
		}
		out.Delay = delay
		return out
	}
}

// defaultSlow is the delay of a Slow fault that names none.
const defaultSlow = time.Second

// wait returns how long to wait before answering.
func (f Fault) wait() time.Duration {
	if f.Kind == Slow && f.Delay == 0 {
		return defaultSlow
	}
	return f.Delay
}

// Latency delays every answer by d.
func Latency(d time.Duration) Script {
	return func(Call) Fault { return Fault{Delay: d} }
}

// FirstAttemptDropsTerms answers the first attempt of every conversation
// that carries glossary terms without the required forms, so that the
// client must ask for a repair; the repair gets a compliant answer.
func FirstAttemptDropsTerms() Script {
	return func(c Call) Fault {
		if c.Attempt == 1 && c.Spec != nil && len(c.Spec.Terms) > 0 {
			return Fault{Kind: DropTerms}
		}
		return Fault{}
	}
}

// FirstAttemptCorruptsTerms is FirstAttemptDropsTerms with forbidden forms
// (or the untranslated source term) in place of the required ones.
func FirstAttemptCorruptsTerms() Script {
	return func(c Call) Fault {
		if c.Attempt == 1 && c.Spec != nil && len(c.Spec.Terms) > 0 {
			return Fault{Kind: CorruptTerms}
		}
		return Fault{}
	}
}

// FailEvery answers HTTP status to every n-th chat request (N = n, 2n, ...).
func FailEvery(n, status int) Script {
	return func(c Call) Fault {
		if n > 0 && c.N%n == 0 {
			return Fault{Kind: Status, Status: status}
		}
		return Fault{}
	}
}

// Sequence gives the i-th chat request (N = i+1) faults[i] and every later
// request no fault.
func Sequence(faults ...Fault) Script {
	return func(c Call) Fault {
		if c.N >= 1 && c.N <= len(faults) {
			return faults[c.N-1]
		}
		return Fault{}
	}
}

// Randomly injects each kind of fault with the given probability. The draw
// depends only on seed, the call's Key and KeyN, so the same requests meet
// the same faults whatever order they arrive in, and a retry of a failed
// request draws again. Rates that add up to more than 1 are cut at 1.
func Randomly(seed int64, rates map[FaultKind]float64) Script {
	kinds := make([]FaultKind, 0, len(rates))
	for k := range rates {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	return func(c Call) Fault {
		u := draw(seed, c.Key, c.KeyN)
		acc := 0.0
		for _, k := range kinds {
			acc += rates[k]
			if u < acc {
				return Fault{Kind: k}
			}
		}
		return Fault{}
	}
}

// draw returns a number in [0, 1) that depends only on its arguments.
func draw(seed int64, key string, n int) float64 {
	h := fnv.New64a()
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(seed))
	binary.LittleEndian.PutUint64(b[8:], uint64(n))
	h.Write(b[:])
	h.Write([]byte(key))
	x := h.Sum64()
	// Mix the bits so that nearby keys give unrelated draws.
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return float64(x>>11) / float64(1<<53)
}
