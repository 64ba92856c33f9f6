package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
)

// Default limits of a batch input file.
const (
	defaultBatchLines = 50_000
	defaultBatchBytes = 200_000_000
)

// maxBatchErrors is how many problems a failed validation lists.
const maxBatchErrors = 10

// enter moves a batch to a status, noting when.
func (b *batch) enter(status string, now int64) {
	b.status = status
	if b.at == nil {
		b.at = map[string]int64{}
	}
	b.at[status] = now
}

// AdvanceBatches moves every unfinished batch one step on, as time would;
// it returns how many moved.
func (s *Server) AdvanceBatches() int {
	st := s.batches
	st.mu.Lock()
	var open []*batch
	for _, id := range st.order {
		if b := st.batches[id]; !finished(b.status) {
			open = append(open, b)
		}
	}
	st.mu.Unlock()
	for _, b := range open {
		s.step(b)
	}
	return len(open)
}

// BatchRequests returns how many batch requests the mock has answered
// (or failed), apart from the chat requests it served one by one.
func (s *Server) BatchRequests() int {
	st := s.batches
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.lines
}

func finished(status string) bool {
	switch status {
	case "completed", "failed", "expired", "cancelled":
		return true
	}
	return false
}

// step moves a batch one status on: validating to in_progress (or
// failed), in_progress answering requests to finalizing (or expired),
// finalizing to completed, cancelling to cancelled.
func (s *Server) step(b *batch) {
	st := s.batches
	st.mu.Lock()
	defer st.mu.Unlock()
	now := s.opts.Now().Unix()
	switch b.status {
	case "validating":
		if b.fate.Fail != "" {
			b.errors = []batchErrorJSON{{Code: "invalid_request", Message: b.fate.Fail}}
		} else {
			b.errors = s.validateBatch(b, st.files[b.input])
		}
		if len(b.errors) > 0 {
			b.enter("failed", now)
			return
		}
		b.enter("in_progress", now)
	case "in_progress":
		n := s.opts.Batches.LinesPerStep
		if n <= 0 {
			n = len(b.reqs)
		}
		for ; n > 0 && b.done < len(b.reqs); n-- {
			if b.fate.Expire && b.done >= b.fate.Answer {
				break
			}
			s.answerBatchLine(b, b.done)
			b.done++
		}
		switch {
		case b.fate.Expire && b.done >= min(b.fate.Answer, len(b.reqs)):
			s.closeBatch(b, "expired", "batch_expired", "This request could not be executed before the completion window expired.", now)
		case b.done == len(b.reqs):
			b.enter("finalizing", now)
		}
	case "finalizing":
		s.closeBatch(b, "completed", "", "", now)
	case "cancelling":
		s.closeBatch(b, "cancelled", "batch_cancelled", "This request was not executed because the batch was cancelled.", now)
	}
}

// validateBatch reads an input file as OpenAI does, returning what is
// wrong with it.
func (s *Server) validateBatch(b *batch, f *storedFile) []batchErrorJSON {
	var errs []batchErrorJSON
	fail := func(line int, code, msg string) {
		if len(errs) < maxBatchErrors {
			errs = append(errs, batchErrorJSON{Code: code, Message: msg, Line: &line})
		}
	}
	maxLines, maxBytes := s.opts.Batches.MaxLines, s.opts.Batches.MaxBytes
	if maxLines <= 0 {
		maxLines = defaultBatchLines
	}
	if maxBytes <= 0 {
		maxBytes = defaultBatchBytes
	}
	if f == nil {
		return []batchErrorJSON{{Code: "file_not_found", Message: "The input file no longer exists."}}
	}
	if len(f.data) > maxBytes {
		return []batchErrorJSON{{Code: "file_too_large", Message: fmt.Sprintf("The input file is larger than %d bytes.", maxBytes)}}
	}
	seen := map[string]bool{}
	model := ""
	var reqs []batchLine
	for i, raw := range bytes.Split(f.data, []byte("\n")) {
		n := i + 1
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var l struct {
			CustomID *string         `json:"custom_id"`
			Method   string          `json:"method"`
			URL      string          `json:"url"`
			Body     json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(raw, &l); err != nil {
			fail(n, "invalid_json_line", "This line is not parseable as valid JSON.")
			continue
		}
		switch {
		case l.CustomID == nil || *l.CustomID == "":
			fail(n, "missing_required_parameter", "Missing required parameter: 'custom_id'.")
			continue
		case seen[*l.CustomID]:
			fail(n, "duplicate_custom_id", fmt.Sprintf("The custom_id '%s' is used more than once in this file.", *l.CustomID))
			continue
		case l.Method != http.MethodPost:
			fail(n, "invalid_method", "The method must be 'POST'.")
			continue
		case l.URL != b.endpoint:
			fail(n, "invalid_url", fmt.Sprintf("The url '%s' does not match the batch endpoint '%s'.", l.URL, b.endpoint))
			continue
		}
		seen[*l.CustomID] = true
		req, e := parseChat(l.Body, s.opts.Lenient, true)
		if e != nil {
			fail(n, "invalid_request", e.Message)
			continue
		}
		if req.Stream {
			fail(n, "invalid_request", "Streaming is not supported in batches.")
			continue
		}
		if model == "" {
			model = req.Model
		} else if req.Model != model {
			fail(n, "mismatched_model", "Every request of a batch must use the same model.")
			continue
		}
		if !s.modelExists(req.Model) {
			fail(n, "model_not_found", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", req.Model))
			continue
		}
		reqs = append(reqs, batchLine{customID: *l.CustomID, body: l.Body, req: req})
	}
	if len(errs) == 0 && len(reqs) > maxLines {
		errs = append(errs, batchErrorJSON{Code: "too_many_requests", Message: fmt.Sprintf("The input file holds %d requests; the limit is %d.", len(reqs), maxLines)})
	}
	if len(errs) == 0 && len(reqs) == 0 {
		errs = append(errs, batchErrorJSON{Code: "empty_file", Message: "The input file holds no requests."})
	}
	b.reqs = reqs
	return errs
}

// resultLine is one line of a batch's output or error file.
type resultLine struct {
	ID       string          `json:"id"`
	CustomID string          `json:"custom_id"`
	Response *resultResponse `json:"response"`
	Error    *resultError    `json:"error"`
}

type resultResponse struct {
	StatusCode int             `json:"status_code"`
	RequestID  string          `json:"request_id"`
	Body       json.RawMessage `json:"body"`
}

type resultError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// answerBatchLine answers request i of a batch under the Script: faults
// that break the HTTP exchange become error lines, the others shape the
// answer as they would a chat request's.
func (s *Server) answerBatchLine(b *batch, i int) {
	l := b.reqs[i]
	call := s.newCall(l.req, "")
	var f Fault
	if s.opts.Script != nil {
		f = s.opts.Script(call)
	}
	s.batches.lines++
	seq := s.batches.lines
	out := resultLine{ID: fmt.Sprintf("batch_req_mock%06d", seq), CustomID: l.customID}
	status := 0
	switch f.Kind {
	case Status, HTMLPage:
		status = f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
	case ServerError, Reset, Truncated, WrongContentType, BadJSON:
		status = http.StatusInternalServerError
	case Overloaded:
		status = http.StatusServiceUnavailable
	case RateLimited:
		status = http.StatusTooManyRequests
	}
	reqID := fmt.Sprintf("req_mockb%06d", seq)
	if status != 0 && status != http.StatusOK {
		out.Response = &resultResponse{StatusCode: status, RequestID: reqID, Body: statusError(status).body()}
		line, _ := json.Marshal(out)
		b.errs = append(b.errs, line)
		b.failedN++
		return
	}
	a := s.buildAnswer(l.req, call, f, l.req.Model, 900000+seq)
	out.Response = &resultResponse{StatusCode: http.StatusOK, RequestID: reqID, Body: a.completion(true)}
	line, _ := json.Marshal(out)
	b.out = append(b.out, line)
	b.completed++
}

// closeBatch ends a batch: requests not answered go to the error file
// with code (when not empty), the result files are written in shuffled
// order, and the batch enters status.
func (s *Server) closeBatch(b *batch, status, code, msg string, now int64) {
	if code != "" {
		for ; b.done < len(b.reqs); b.done++ {
			s.batches.lines++
			line, _ := json.Marshal(resultLine{
				ID: fmt.Sprintf("batch_req_mock%06d", s.batches.lines), CustomID: b.reqs[b.done].customID,
				Error: &resultError{Code: code, Message: msg},
			})
			b.errs = append(b.errs, line)
			b.failedN++
		}
	}
	rng := rand.New(rand.NewPCG(uint64(b.n), 0x6a75727521))
	for _, lines := range [][][]byte{b.out, b.errs} {
		rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	}
	if len(b.out) > 0 {
		b.outFile = s.batches.addFile(b.id+"_output.jsonl", "batch_output", joinLines(b.out), now).id
	}
	if len(b.errs) > 0 {
		b.errFile = s.batches.addFile(b.id+"_error.jsonl", "batch_output", joinLines(b.errs), now).id
	}
	b.enter(status, now)
}

func joinLines(lines [][]byte) []byte {
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}
