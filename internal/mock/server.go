package mock

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"time"
)

// DefaultModel is the one model the mock lists when Options.Models is empty.
const DefaultModel = "juru-mock"

// Options configures a Server. The zero value serves every model, needs
// no key and injects nothing.
type Options struct {
	// APIKey, when set, must arrive as "Authorization: Bearer KEY" or as
	// Azure's "api-key: KEY"; otherwise the answer is 401.
	APIKey string
	// Models lists the models (and Azure deployments) that exist; others
	// are answered 404 model_not_found. Empty accepts any model.
	Models []string
	// Latency delays every chat answer.
	Latency time.Duration
	// ChunkInterval is waited between the events of a stream.
	ChunkInterval time.Duration
	// ChunkSize is the number of bytes of content per streamed delta,
	// cut at character boundaries; 24 when zero.
	ChunkSize int
	// Script chooses a fault for each chat request.
	Script Script
	// RateLimit announces and enforces a sliding-window limit.
	RateLimit RateLimit
	// ContextTokens, when positive, rejects prompts estimated longer with
	// 400 context_length_exceeded.
	ContextTokens int
	// NoUsage leaves usage out of plain answers, as some servers do.
	NoUsage bool
	// Lenient accepts request fields that OpenAI's API does not define,
	// as vLLM and Ollama do.
	Lenient bool
	// Digits chooses the digits of numbers in pseudo-translations.
	Digits Digits
	// Placeholders matches text that pseudo-translations keep verbatim,
	// in place of DefaultPlaceholders (include that expression to keep
	// both); DefaultPlaceholders when nil.
	Placeholders *regexp.Regexp
	// Addr is the address Start listens on; a free port of 127.0.0.1
	// when empty.
	Addr string
	// Now returns the current time, for the rate limit and the records;
	// time.Now when nil.
	Now func() time.Time
	// Batches drives the Files and Batch APIs.
	Batches BatchOptions
}

// Server is the mock endpoint. It is an http.Handler; Start serves it on
// a local port. It is safe for concurrent use.
type Server struct {
	opts    Options
	tr      *Translator
	mux     *http.ServeMux
	limiter *limiter
	batches *batchStore

	mu      sync.Mutex
	ts      *httptest.Server
	addr    string
	seq     int
	calls   int
	keys    map[string]int
	records []*Recorded
}

// New returns a server that is not listening yet.
func New(opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ChunkSize <= 0 {
		opts.ChunkSize = 24
	}
	s := &Server{
		opts:    opts,
		tr:      NewTranslator(opts.Digits, opts.Placeholders),
		keys:    map[string]int{},
		batches: newBatchStore(),
	}
	if opts.RateLimit.Requests > 0 || opts.RateLimit.Tokens > 0 {
		s.limiter = newLimiter(opts.RateLimit)
	}
	s.mux = http.NewServeMux()
	s.routes()
	return s
}

// routes registers every endpoint with and without the /v1 prefix.
func (s *Server) routes() {
	for _, p := range []string{"/v1", ""} {
		s.mux.HandleFunc(p+"/chat/completions", s.method(http.MethodPost, s.chat))
		s.mux.HandleFunc(p+"/models", s.method(http.MethodGet, s.models))
		s.mux.HandleFunc(p+"/models/{id}", s.method(http.MethodGet, s.model))
		s.batchRoutes(p)
	}
	s.mux.HandleFunc("/openai/deployments/{name}/chat/completions", s.method(http.MethodPost, s.chat))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, newAPIError(404, "invalid_request_error", "", "", fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path)))
	})
}

// handlerFunc is an endpoint that also fills in its request's record.
type handlerFunc func(w http.ResponseWriter, r *http.Request, rec *Recorded)

// method restricts an endpoint to one HTTP method.
func (s *Server) method(m string, h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec := recordOf(r)
		if r.Method != m {
			w.Header().Set("Allow", m)
			writeError(w, newAPIError(405, "invalid_request_error", "", "method_not_allowed", fmt.Sprintf("Method %s not allowed for %s; use %s.", r.Method, r.URL.Path, m)))
			return
		}
		h(w, r, rec)
	}
}

// ServeHTTP records the request, checks the key and routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := s.begin(r)
	sw := &statusWriter{ResponseWriter: w}
	defer func() { s.finish(rec, sw) }()
	r = withRecord(r, rec)
	if e := s.checkKey(r); e != nil {
		writeError(sw, e)
		return
	}
	s.mux.ServeHTTP(sw, r)
}

// checkKey compares the request's key with Options.APIKey without ever
// repeating either in the answer.
func (s *Server) checkKey(r *http.Request) *apiError {
	if s.opts.APIKey == "" {
		return nil
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		got = r.Header.Get("api-key")
	}
	got = strings.TrimSpace(got)
	if got == "" {
		return newAPIError(401, "invalid_request_error", "", "", "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.APIKey)) != 1 {
		return newAPIError(401, "invalid_request_error", "", "invalid_api_key", "Incorrect API key provided.")
	}
	return nil
}

// Translator returns the pseudo-translator the server answers with, so
// that tests can compute the answers they expect.
func (s *Server) Translator() *Translator { return s.tr }

// ErrStarted is returned by Start when the server is already listening.
var ErrStarted = errors.New("mock server already started")

// Start listens on Options.Addr, or on the address of the previous Start,
// or on a free local port, and serves in the background.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ts != nil {
		return ErrStarted
	}
	addr := s.addr
	if addr == "" {
		addr = s.opts.Addr
	}
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("start mock server: %w", err)
	}
	ts := httptest.NewUnstartedServer(s)
	ts.Listener.Close()
	ts.Listener = l
	ts.Start()
	s.ts, s.addr = ts, l.Addr().String()
	return nil
}

// Stop drops every connection, in flight or idle, and stops listening.
// Handlers waiting on a delay end at once. Start listens again.
func (s *Server) Stop() {
	s.mu.Lock()
	ts := s.ts
	s.ts = nil
	s.mu.Unlock()
	if ts != nil {
		ts.CloseClientConnections()
		ts.Close()
	}
}

// Restart drops every connection and listens again on the same address,
// as a crashed and restarted server would.
func (s *Server) Restart() error {
	s.Stop()
	return s.Start()
}

// Close stops the server for good.
func (s *Server) Close() { s.Stop() }

// Addr returns the host:port the server listens (or last listened) on.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// URL returns the base URL clients use, such as "http://127.0.0.1:4242/v1".
func (s *Server) URL() string { return "http://" + s.Addr() + "/v1" }

// statusWriter remembers the status written through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the connection's own writer, for
// flushing and hijacking.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
