package mock

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
)

// BatchOptions drives the mock's Batch API.
type BatchOptions struct {
	// Manual leaves every batch where it is until AdvanceBatches; by
	// default each retrieval of a batch moves it one step on, so that a
	// client polling it sees validating, in_progress, finalizing and
	// completed in turn.
	Manual bool
	// LinesPerStep is how many requests an in-progress batch answers per
	// step; zero answers all of them in one step.
	LinesPerStep int
	// Fate, if set, decides how each batch ends when it is created.
	Fate func(BatchCall) BatchFate
	// MaxLines and MaxBytes bound an input file: 50,000 and 200 MB when zero.
	MaxLines int
	MaxBytes int
}

// BatchCall describes a batch being created, for BatchOptions.Fate.
type BatchCall struct {
	// N numbers batches in creation order, from 1.
	N int
	// ID names the batch; InputFileID its input file.
	ID, InputFileID string
	// Metadata is what the client attached.
	Metadata map[string]string
}

// BatchFate is how a batch ends. The zero value completes it; each
// request is still answered under the Server's Script, so that single
// requests can fail into the error file.
type BatchFate struct {
	// Fail fails the batch at validation with this message, as for an
	// invalid input file.
	Fail string
	// Expire makes the batch expire after answering its first Answer
	// requests (in input order); the others go to the error file with
	// code batch_expired.
	Expire bool
	Answer int
}

// batchStore holds the files and batches of a Server.
type batchStore struct {
	mu        sync.Mutex
	fileSeq   int
	files     map[string]*storedFile
	fileOrder []string
	seq       int
	batches   map[string]*batch
	order     []string
	lines     int // batch requests answered
}

func newBatchStore() *batchStore {
	return &batchStore{files: map[string]*storedFile{}, batches: map[string]*batch{}}
}

// batch is one batch's state.
type batch struct {
	n                  int
	id, input          string
	endpoint, window   string
	status             string
	metadata           map[string]string
	fate               BatchFate
	created, expires   int64
	at                 map[string]int64 // status → when it was entered
	errors             []batchErrorJSON
	reqs               []batchLine // the input, once validated
	done               int         // requests answered so far
	out, errs          [][]byte    // result lines in input order
	outFile, errFile   string
	completed, failedN int
}

// batchLine is one request of an input file.
type batchLine struct {
	customID string
	body     []byte
	req      *ChatRequest
}

type batchErrorJSON struct {
	Code    string  `json:"code"`
	Message string  `json:"message"`
	Param   *string `json:"param"`
	Line    *int    `json:"line"`
}

// batchJSON is OpenAI's batch object.
type batchJSON struct {
	ID               string            `json:"id"`
	Object           string            `json:"object"`
	Endpoint         string            `json:"endpoint"`
	Errors           *batchErrorsJSON  `json:"errors"`
	InputFileID      string            `json:"input_file_id"`
	CompletionWindow string            `json:"completion_window"`
	Status           string            `json:"status"`
	OutputFileID     *string           `json:"output_file_id"`
	ErrorFileID      *string           `json:"error_file_id"`
	CreatedAt        int64             `json:"created_at"`
	InProgressAt     *int64            `json:"in_progress_at"`
	ExpiresAt        *int64            `json:"expires_at"`
	FinalizingAt     *int64            `json:"finalizing_at"`
	CompletedAt      *int64            `json:"completed_at"`
	FailedAt         *int64            `json:"failed_at"`
	ExpiredAt        *int64            `json:"expired_at"`
	CancellingAt     *int64            `json:"cancelling_at"`
	CancelledAt      *int64            `json:"cancelled_at"`
	RequestCounts    map[string]int    `json:"request_counts"`
	Metadata         map[string]string `json:"metadata"`
}

type batchErrorsJSON struct {
	Object string           `json:"object"`
	Data   []batchErrorJSON `json:"data"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (b *batch) json() batchJSON {
	at := func(st string) *int64 {
		if t, ok := b.at[st]; ok {
			return &t
		}
		return nil
	}
	out := batchJSON{
		ID: b.id, Object: "batch", Endpoint: b.endpoint, InputFileID: b.input,
		CompletionWindow: b.window, Status: b.status,
		OutputFileID: optional(b.outFile), ErrorFileID: optional(b.errFile),
		CreatedAt: b.created, ExpiresAt: &b.expires,
		InProgressAt: at("in_progress"), FinalizingAt: at("finalizing"), CompletedAt: at("completed"),
		FailedAt: at("failed"), ExpiredAt: at("expired"), CancellingAt: at("cancelling"), CancelledAt: at("cancelled"),
		RequestCounts: map[string]int{"total": len(b.reqs), "completed": b.completed, "failed": b.failedN},
		Metadata:      b.metadata,
	}
	if len(b.errors) > 0 {
		out.Errors = &batchErrorsJSON{Object: "list", Data: b.errors}
	}
	return out
}

// createBatch serves POST /batches.
func (s *Server) createBatch(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	var req struct {
		InputFileID      string         `json:"input_file_id"`
		Endpoint         string         `json:"endpoint"`
		CompletionWindow string         `json:"completion_window"`
		Metadata         map[string]any `json:"metadata"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		writeError(w, invalid("", "", "We could not parse the JSON body of your request."))
		return
	}
	switch {
	case req.Endpoint != "/v1/chat/completions":
		writeError(w, invalid("endpoint", "", fmt.Sprintf("Invalid value for 'endpoint': %q; the mock serves /v1/chat/completions.", req.Endpoint)))
		return
	case req.CompletionWindow != "24h":
		writeError(w, invalid("completion_window", "", fmt.Sprintf("Invalid value for 'completion_window': %q. Supported values are: '24h'.", req.CompletionWindow)))
		return
	case len(req.Metadata) > 16:
		writeError(w, invalid("metadata", "", "Invalid 'metadata': too many properties. Expected an object with at most 16 properties."))
		return
	}
	meta := map[string]string{}
	for k, v := range req.Metadata {
		str, ok := v.(string)
		if !ok || len(k) > 64 || len(str) > 512 {
			writeError(w, invalid("metadata", "", "Invalid 'metadata': keys must be strings of at most 64 characters and values strings of at most 512."))
			return
		}
		meta[k] = str
	}
	st := s.batches
	st.mu.Lock()
	f, ok := st.files[req.InputFileID]
	if !ok || f.purpose != "batch" {
		st.mu.Unlock()
		writeError(w, invalid("input_file_id", "", fmt.Sprintf("Invalid 'input_file_id': '%s'. The file must exist and have purpose 'batch'.", req.InputFileID)))
		return
	}
	st.seq++
	now := s.opts.Now().Unix()
	b := &batch{
		n: st.seq, id: fmt.Sprintf("batch_mock%06d", st.seq), input: f.id,
		endpoint: req.Endpoint, window: req.CompletionWindow, status: "validating",
		metadata: meta, created: now, expires: now + 24*3600, at: map[string]int64{},
	}
	st.batches[b.id] = b
	st.order = append(st.order, b.id)
	st.mu.Unlock()
	if fate := s.opts.Batches.Fate; fate != nil {
		b.fate = fate(BatchCall{N: b.n, ID: b.id, InputFileID: b.input, Metadata: meta})
	}
	st.mu.Lock()
	out := b.json()
	st.mu.Unlock()
	writeObject(w, out)
}

// errNoBatch answers a batch ID that does not exist.
func errNoBatch(id string) *apiError {
	return newAPIError(404, "invalid_request_error", "", "", fmt.Sprintf("No batch found with id '%s'.", id))
}

// retrieveBatch serves GET /batches/{id}, moving the batch on unless
// batches are stepped by hand.
func (s *Server) retrieveBatch(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	id := r.PathValue("id")
	st := s.batches
	st.mu.Lock()
	b, ok := st.batches[id]
	st.mu.Unlock()
	if !ok {
		writeError(w, errNoBatch(id))
		return
	}
	if !s.opts.Batches.Manual {
		s.step(b)
	}
	st.mu.Lock()
	out := b.json()
	st.mu.Unlock()
	writeObject(w, out)
}

// cancelBatch serves POST /batches/{id}/cancel.
func (s *Server) cancelBatch(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	id := r.PathValue("id")
	st := s.batches
	st.mu.Lock()
	defer st.mu.Unlock()
	b, ok := st.batches[id]
	if !ok {
		writeError(w, errNoBatch(id))
		return
	}
	switch b.status {
	case "validating", "in_progress", "finalizing":
		b.enter("cancelling", s.opts.Now().Unix())
	case "cancelling":
	default:
		writeError(w, newAPIError(409, "invalid_request_error", "", "", fmt.Sprintf("Cannot cancel a batch with status '%s'.", b.status)))
		return
	}
	writeObject(w, b.json())
}

// listBatches serves GET /batches, newest first, with after and limit.
func (s *Server) listBatches(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	limit := 20
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			writeError(w, invalid("limit", "", "Invalid 'limit': must be an integer between 1 and 100."))
			return
		}
		limit = n
	}
	after := r.URL.Query().Get("after")
	st := s.batches
	st.mu.Lock()
	var list []batchJSON
	started := after == ""
	more := false
	for i := len(st.order) - 1; i >= 0; i-- {
		id := st.order[i]
		if !started {
			started = id == after
			continue
		}
		if len(list) == limit {
			more = true
			break
		}
		list = append(list, st.batches[id].json())
	}
	st.mu.Unlock()
	page := struct {
		Object  string      `json:"object"`
		Data    []batchJSON `json:"data"`
		FirstID *string     `json:"first_id"`
		LastID  *string     `json:"last_id"`
		HasMore bool        `json:"has_more"`
	}{Object: "list", Data: list, HasMore: more}
	if page.Data == nil {
		page.Data = []batchJSON{}
	}
	if len(list) > 0 {
		page.FirstID, page.LastID = &list[0].ID, &list[len(list)-1].ID
	}
	writeObject(w, page)
}

// batchRoutes registers the Files and Batch APIs under prefix p.
func (s *Server) batchRoutes(p string) {
	s.mux.HandleFunc(p+"/files", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			s.listFiles(w, r, recordOf(r))
			return
		}
		s.method(http.MethodPost, s.uploadFile)(w, r)
	})
	s.mux.HandleFunc(p+"/files/{id}", func(w http.ResponseWriter, r *http.Request) { s.file(w, r, recordOf(r)) })
	s.mux.HandleFunc(p+"/files/{id}/content", s.method(http.MethodGet, s.fileContent))
	s.mux.HandleFunc(p+"/batches", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			s.listBatches(w, r, recordOf(r))
			return
		}
		s.method(http.MethodPost, s.createBatch)(w, r)
	})
	s.mux.HandleFunc(p+"/batches/{id}", s.method(http.MethodGet, s.retrieveBatch))
	s.mux.HandleFunc(p+"/batches/{id}/cancel", s.method(http.MethodPost, s.cancelBatch))
}
