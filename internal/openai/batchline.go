package openai

import (
	"context"
	"encoding/json"
	"fmt"

	goopenai "github.com/sashabaranov/go-openai"
)

// BatchLine returns one line of a batch input file, without its newline:
// {"custom_id", "method": "POST", "url", "body"}, where body is exactly
// the JSON that Complete sends for the request (a temperature of zero
// included) and url is the chat-completion path the endpoint expects in
// batch files ("/v1/chat/completions"; "/chat/completions" for Azure).
// The same lines serve OpenAI's Batch API and vLLM's run-batch.
func (c *Client) BatchLine(br BatchRequest) ([]byte, error) {
	url := string(goopenai.BatchEndpointChatCompletions)
	if c.azure {
		url = "/chat/completions"
	}
	cr, cl, err := c.prepare(br.Request)
	if err != nil {
		return nil, fmt.Errorf("batch request %q: %w", br.CustomID, err)
	}
	body, err := json.Marshal(cr)
	if err == nil {
		body, err = setFields(body, cl.fields)
	}
	if err != nil {
		return nil, fmt.Errorf("batch request %q: %w", br.CustomID, err)
	}
	line, err := json.Marshal(struct {
		CustomID string          `json:"custom_id"`
		Method   string          `json:"method"`
		URL      string          `json:"url"`
		Body     json.RawMessage `json:"body"`
	}{br.CustomID, "POST", url, body})
	if err != nil {
		return nil, fmt.Errorf("batch request %q: %w", br.CustomID, err)
	}
	return line, nil
}

// UploadBatchData uploads a batch input file already built from
// BatchLine lines (each ending in a newline) under name with purpose
// "batch".
func (c *Client) UploadBatchData(ctx context.Context, name string, data []byte) (File, error) {
	cl := &call{}
	ctx = withCall(ctx, cl)
	f, err := c.api.CreateFileBytes(ctx, goopenai.FileBytesRequest{Name: name, Bytes: data, Purpose: goopenai.PurposeBatch})
	if err != nil {
		return File{}, c.fail(ctx, cl, err)
	}
	return File{ID: f.ID, Name: f.FileName, Purpose: f.Purpose, Status: f.Status,
		Bytes: int64(f.Bytes), CreatedAt: unix(int64(f.CreatedAt))}, nil
}
