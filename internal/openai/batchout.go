package openai

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/juru-cli/juru/internal/llm"
)

// BatchResult is the outcome of one request of a batch.
type BatchResult struct {
	// CustomID is the request's name from the input file; empty when the
	// line was unreadable.
	CustomID string
	// Line is the line of the output file it came from, from 1.
	Line int
	// Response is the answer, when there was one.
	Response llm.Response
	// Err is nil for a usable answer, else an *llm.APIError for an error
	// the endpoint reported for this request, or an *llm.AnswerError as
	// from Complete.
	Err error
}

// ReadBatchOutput reads a batch output or error file (JSONL) and passes
// each request's result to fn in file order. It stops at the first error
// from reading r or from fn; a line it cannot understand is passed to fn
// as a result with an *llm.AnswerError wrapping llm.ErrMalformed.
func (c *Client) ReadBatchOutput(r io.Reader, fn func(BatchResult) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			if ferr := fn(c.batchResult(line, n)); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read batch output line %d: %w", n, err)
		}
	}
}

// batchLine is one line of a batch output or error file.
type batchLine struct {
	CustomID string         `json:"custom_id"`
	Response *batchResponse `json:"response"`
	Error    *struct {
		Code    json.RawMessage `json:"code"`
		Message string          `json:"message"`
	} `json:"error"`
}

func (c *Client) batchResult(line []byte, n int) BatchResult {
	res := BatchResult{Line: n, Response: llm.Response{Attempts: 1}}
	var bl batchLine
	if err := json.Unmarshal(line, &bl); err != nil {
		res.Err = malformed(res.Response, fmt.Sprintf("batch output line %d: %v", n, err))
		return res
	}
	res.CustomID = c.red.clean(bl.CustomID)
	switch {
	case bl.Error != nil:
		res.Err = &llm.APIError{
			StatusCode: statusOf(bl.Response),
			Code:       c.red.clean(scalar(bl.Error.Code)),
			Message:    c.red.clean(oneLine(bl.Error.Message, 500)),
			Attempts:   1,
		}
	case bl.Response == nil:
		res.Err = malformed(res.Response, fmt.Sprintf("batch output line %d: neither response nor error", n))
	case bl.Response.StatusCode < 200 || bl.Response.StatusCode > 299:
		typ, code, msg := parseErrorBody(bl.Response.Body)
		res.Err = &llm.APIError{
			StatusCode: bl.Response.StatusCode,
			Type:       c.red.clean(typ),
			Code:       c.red.clean(code),
			Message:    c.red.clean(oneLine(msg, 500)),
			Attempts:   1,
		}
	default:
		var resp goopenai.ChatCompletionResponse
		if err := json.Unmarshal(bl.Response.Body, &resp); err != nil {
			res.Err = malformed(res.Response, fmt.Sprintf("batch output line %d: %v", n, err))
			return res
		}
		res.Response, res.Err = c.answer(resp, 1)
	}
	return res
}

type batchResponse struct {
	StatusCode int             `json:"status_code"`
	Body       json.RawMessage `json:"body"`
}

func statusOf(r *batchResponse) int {
	if r == nil {
		return 0
	}
	return r.StatusCode
}
