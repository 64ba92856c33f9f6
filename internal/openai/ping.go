package openai

import (
	"context"

	"github.com/juru-cli/juru/internal/retry"
)

// Ping checks that the endpoint answers by listing its models, once and
// within PingTimeout. It is how a local Ollama is detected when neither a
// key nor a base URL is configured. Errors are as for Models.
func (c *Client) Ping(ctx context.Context) error {
	_, err := c.Models(ctx)
	return err
}

// Models lists the model names the endpoint offers (GET /models), once
// and within PingTimeout. Errors are *llm.APIError for an HTTP error and
// *llm.UnreachableError when nothing answered in time.
func (c *Client) Models(ctx context.Context) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, PingTimeout)
	defer cancel()
	cl := &call{}
	ctx = retry.WithMaxRetries(withCall(ctx, cl), 0)
	list, err := c.api.ListModels(ctx)
	if err != nil {
		return nil, c.fail(ctx, cl, err)
	}
	names := make([]string, 0, len(list.Models))
	for _, m := range list.Models {
		names = append(names, m.ID)
	}
	return names, nil
}
