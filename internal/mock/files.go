package mock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// maxFile is the largest file the mock accepts, as OpenAI's Files API
// does for batch input.
const maxFile = 512 << 20

// storedFile is a file uploaded to the mock or written by a batch.
type storedFile struct {
	id, name, purpose string
	data              []byte
	created           int64
}

// fileJSON is OpenAI's file object.
type fileJSON struct {
	ID            string  `json:"id"`
	Object        string  `json:"object"`
	Bytes         int     `json:"bytes"`
	CreatedAt     int64   `json:"created_at"`
	ExpiresAt     *int64  `json:"expires_at"`
	Filename      string  `json:"filename"`
	Purpose       string  `json:"purpose"`
	Status        string  `json:"status"`
	StatusDetails *string `json:"status_details"`
}

func (f *storedFile) json() fileJSON {
	return fileJSON{ID: f.id, Object: "file", Bytes: len(f.data), CreatedAt: f.created,
		Filename: f.name, Purpose: f.purpose, Status: "processed"}
}

// uploadPurposes are the purposes a client may upload with.
var uploadPurposes = map[string]bool{"assistants": true, "batch": true, "fine-tune": true, "vision": true, "user_data": true, "evals": true}

// addFile stores a file and returns it.
func (b *batchStore) addFile(name, purpose string, data []byte, now int64) *storedFile {
	b.fileSeq++
	f := &storedFile{id: fmt.Sprintf("file-mock%06d", b.fileSeq), name: name, purpose: purpose, data: data, created: now}
	b.files[f.id] = f
	b.fileOrder = append(b.fileOrder, f.id)
	return f
}

// uploadFile serves POST /files: a multipart form with file and purpose.
func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		writeError(w, invalid("file", "", "The request must be multipart/form-data with a file and a purpose."))
		return
	}
	purpose := r.FormValue("purpose")
	if !uploadPurposes[purpose] {
		writeError(w, invalid("purpose", "", fmt.Sprintf("'%s' is not one of ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'] - 'purpose'", purpose)))
		return
	}
	part, hdr, err := r.FormFile("file")
	if err != nil {
		writeError(w, invalid("file", "", "No file was uploaded under 'file'."))
		return
	}
	defer part.Close()
	data, err := io.ReadAll(io.LimitReader(part, maxFile+1))
	if err != nil || len(data) > maxFile {
		writeError(w, invalid("file", "", "The file could not be read, or is larger than the limit."))
		return
	}
	if purpose == "batch" && !strings.HasSuffix(hdr.Filename, ".jsonl") {
		writeError(w, invalid("file", "invalid_file_format", "Invalid file format for Batch API. Must be .jsonl"))
		return
	}
	b := s.batches
	b.mu.Lock()
	f := b.addFile(hdr.Filename, purpose, data, s.opts.Now().Unix())
	out := f.json()
	b.mu.Unlock()
	writeObject(w, out)
}

// listFiles serves GET /files.
func (s *Server) listFiles(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	b := s.batches
	b.mu.Lock()
	list := []fileJSON{}
	for i := len(b.fileOrder) - 1; i >= 0; i-- {
		list = append(list, b.files[b.fileOrder[i]].json())
	}
	b.mu.Unlock()
	writeObject(w, struct {
		Object  string     `json:"object"`
		Data    []fileJSON `json:"data"`
		HasMore bool       `json:"has_more"`
	}{"list", list, false})
}

// errNoFile answers a file ID that does not exist.
func errNoFile(id string) *apiError {
	return newAPIError(404, "invalid_request_error", "id", "", fmt.Sprintf("No such File object: %s", id))
}

// file serves GET /files/{id} and DELETE /files/{id}.
func (s *Server) file(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	id := r.PathValue("id")
	b := s.batches
	b.mu.Lock()
	f, ok := b.files[id]
	if ok && r.Method == http.MethodDelete {
		delete(b.files, id)
	}
	b.mu.Unlock()
	switch {
	case !ok:
		writeError(w, errNoFile(id))
	case r.Method == http.MethodDelete:
		writeObject(w, map[string]any{"id": id, "object": "file", "deleted": true})
	case r.Method == http.MethodGet:
		writeObject(w, f.json())
	default:
		w.Header().Set("Allow", "GET, DELETE")
		writeError(w, newAPIError(405, "invalid_request_error", "", "method_not_allowed", "Method not allowed."))
	}
}

// fileContent serves GET /files/{id}/content.
func (s *Server) fileContent(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	id := r.PathValue("id")
	b := s.batches
	b.mu.Lock()
	f, ok := b.files[id]
	b.mu.Unlock()
	if !ok {
		writeError(w, errNoFile(id))
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", f.name))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(f.data)
}

// FileContent returns the content of a stored file, for tests.
func (s *Server) FileContent(id string) ([]byte, error) {
	b := s.batches
	b.mu.Lock()
	defer b.mu.Unlock()
	f, ok := b.files[id]
	if !ok {
		return nil, errors.New("no such file " + id)
	}
	return append([]byte(nil), f.data...), nil
}

// writeObject writes v as a JSON answer with status 200.
func writeObject(w http.ResponseWriter, v any) {
	body, _ := json.Marshal(v)
	writeJSON(w, http.StatusOK, body)
}
