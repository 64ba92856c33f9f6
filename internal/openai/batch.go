package openai

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/retry"
)

// BatchRequest is one request of a batch input file.
type BatchRequest struct {
	// CustomID names the request in the batch output; unique per file.
	CustomID string
	// Request is sent as Complete would send it; Stream is ignored.
	Request llm.Request
}

// File is a file stored at the endpoint.
type File struct {
	// ID names the file in later calls; Name is its file name.
	ID, Name string
	// Purpose is "batch" for batch input; Status is the endpoint's word
	// on its processing, such as "processed".
	Purpose, Status string
	// Bytes is its size.
	Bytes int64
	// CreatedAt is zero when unknown.
	CreatedAt time.Time
}

// Batch is a batch job at the endpoint.
type Batch struct {
	ID string
	// Status is validating, failed, in_progress, finalizing, completed,
	// expired, cancelling or cancelled.
	Status string
	// InputFileID, OutputFileID and ErrorFileID name the batch's files;
	// the last two are empty until the batch has them.
	InputFileID, OutputFileID, ErrorFileID string
	// Total, Completed and Failed count the batch's requests.
	Total, Completed, Failed int
	// CreatedAt, ExpiresAt and CompletedAt are zero when unknown.
	CreatedAt, ExpiresAt, CompletedAt time.Time
	// Errors lists what was wrong with the input file, if anything.
	Errors []string
	// Metadata is what CreateBatch attached.
	Metadata map[string]string
}

// UploadBatchFile builds a JSONL batch input file of chat completions
// from reqs and uploads it under name with purpose "batch".
func (c *Client) UploadBatchFile(ctx context.Context, name string, reqs []BatchRequest) (File, error) {
	var buf bytes.Buffer
	for _, br := range reqs {
		line, err := c.BatchLine(br)
		if err != nil {
			return File{}, err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return c.UploadBatchData(ctx, name, buf.Bytes())
}

// CreateBatch starts a batch of chat completions over an uploaded input
// file, to complete within 24 hours. It is never retried, so that a lost
// answer cannot start the same paid work twice: tag the batch with
// metadata and look for it with ListBatches before trying again.
func (c *Client) CreateBatch(ctx context.Context, inputFileID string, metadata map[string]string) (Batch, error) {
	cl := &call{}
	ctx = retry.WithMaxRetries(withCall(ctx, cl), 0)
	req := goopenai.CreateBatchRequest{
		InputFileID:      inputFileID,
		Endpoint:         goopenai.BatchEndpointChatCompletions,
		CompletionWindow: "24h",
	}
	if len(metadata) > 0 {
		req.Metadata = map[string]any{}
		for k, v := range metadata {
			req.Metadata[k] = v
		}
	}
	b, err := c.api.CreateBatch(ctx, req)
	if err != nil {
		return Batch{}, c.fail(ctx, cl, err)
	}
	return batchOf(b.Batch), nil
}

// RetrieveBatch returns the current state of a batch.
func (c *Client) RetrieveBatch(ctx context.Context, id string) (Batch, error) {
	cl := &call{}
	ctx = withCall(ctx, cl)
	b, err := c.api.RetrieveBatch(ctx, id)
	if err != nil {
		return Batch{}, c.fail(ctx, cl, err)
	}
	return batchOf(b.Batch), nil
}

// CancelBatch asks the endpoint to stop a batch and returns its state.
func (c *Client) CancelBatch(ctx context.Context, id string) (Batch, error) {
	cl := &call{}
	ctx = withCall(ctx, cl)
	b, err := c.api.CancelBatch(ctx, id)
	if err != nil {
		return Batch{}, c.fail(ctx, cl, err)
	}
	return batchOf(b.Batch), nil
}

// ListBatches returns up to limit batches, newest first, after the batch
// named by after (empty for the start), and whether more follow. A limit
// of zero leaves the endpoint's default.
func (c *Client) ListBatches(ctx context.Context, after string, limit int) ([]Batch, bool, error) {
	cl := &call{}
	ctx = withCall(ctx, cl)
	var afterp *string
	var limitp *int
	if after != "" {
		afterp = &after
	}
	if limit > 0 {
		limitp = &limit
	}
	list, err := c.api.ListBatch(ctx, afterp, limitp)
	if err != nil {
		return nil, false, c.fail(ctx, cl, err)
	}
	out := make([]Batch, 0, len(list.Data))
	for _, b := range list.Data {
		out = append(out, batchOf(b))
	}
	return out, list.HasMore, nil
}

// FileContent opens the content of a stored file, such as a batch's
// output. The caller closes it.
func (c *Client) FileContent(ctx context.Context, fileID string) (io.ReadCloser, error) {
	cl := &call{}
	ctx = withCall(ctx, cl)
	raw, err := c.api.GetFileContent(ctx, fileID)
	if err != nil {
		return nil, c.fail(ctx, cl, err)
	}
	return raw.ReadCloser, nil
}

func batchOf(b goopenai.Batch) Batch {
	out := Batch{
		ID: b.ID, Status: b.Status, InputFileID: b.InputFileID,
		OutputFileID: deref(b.OutputFileID), ErrorFileID: deref(b.ErrorFileID),
		Total: b.RequestCounts.Total, Completed: b.RequestCounts.Completed, Failed: b.RequestCounts.Failed,
		CreatedAt: unix(int64(b.CreatedAt)),
	}
	if b.ExpiresAt != nil {
		out.ExpiresAt = unix(int64(*b.ExpiresAt))
	}
	if b.CompletedAt != nil {
		out.CompletedAt = unix(int64(*b.CompletedAt))
	}
	if b.Errors != nil {
		for _, e := range b.Errors.Data {
			msg := e.Message
			if e.Line != nil {
				msg = fmt.Sprintf("line %d: %s", *e.Line, msg)
			}
			out.Errors = append(out.Errors, msg)
		}
	}
	for k, v := range b.Metadata {
		if out.Metadata == nil {
			out.Metadata = map[string]string{}
		}
		out.Metadata[k] = fmt.Sprint(v)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func unix(sec int64) time.Time {
	if sec <= 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}
