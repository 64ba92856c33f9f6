package openai

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/retry"
)

// Client talks to one OpenAI-compatible endpoint. It is safe for
// concurrent use.
type Client struct {
	api         *goopenai.Client
	retry       *retry.Doer
	model       string
	url         string // base URL without credentials, for errors
	red         redactor
	onRateLimit func(Limits)
	azure       bool
}

var _ llm.Completer = (*Client)(nil)

// New checks cfg and returns a client for it. It makes no request.
func New(cfg Config) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	red := newRedactor(cfg.APIKey, cfg.Headers)
	if u, err := url.Parse(cfg.baseURL()); err == nil && u.User != nil {
		if pass, ok := u.User.Password(); ok {
			red = newRedactor(cfg.APIKey, cfg.Headers, pass)
		}
	}
	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	if cfg.Debug != nil {
		next := hc.Transport
		if next == nil {
			next = http.DefaultTransport
		}
		hc.Transport = &dumper{next: next, w: cfg.Debug, mu: &sync.Mutex{}, red: red}
	}
	c := &Client{
		model:       cfg.Model,
		url:         safeBaseURL(cfg.baseURL()),
		red:         red,
		onRateLimit: cfg.OnRateLimit,
		azure:       cfg.Azure,
	}
	c.retry = retry.New(hc, cfg.policy())
	if hook := cfg.OnRetry; hook != nil {
		c.retry.OnRetry = func(ri RetryInfo) {
			ri.Err = red.cleanErr(ri.Err)
			hook(ri)
		}
	}
	c.retry.OnResponse = c.observe
	c.retry.Permanent = quotaExhausted

	var gc goopenai.ClientConfig
	if cfg.Azure {
		gc = goopenai.DefaultAzureConfig(cfg.APIKey, strings.TrimRight(cfg.baseURL(), "/"))
		gc.APIVersion = cfg.APIVersion
		if gc.APIVersion == "" {
			gc.APIVersion = DefaultAzureAPIVersion
		}
		// The deployment is named exactly as configured.
		gc.AzureModelMapperFunc = func(model string) string { return model }
	} else {
		gc = goopenai.DefaultConfig(cfg.APIKey)
		gc.BaseURL = strings.TrimRight(cfg.baseURL(), "/")
		gc.APIVersion = cfg.APIVersion
	}
	gc.HTTPClient = &doer{next: c.retry, headers: canonical(cfg.Headers)}
	c.api = goopenai.NewClientWithConfig(gc)
	return c, nil
}

// String describes the client without its key.
func (c *Client) String() string {
	return "openai.Client{" + c.url + "}"
}

// Complete sends one chat completion and returns the answer, streamed when
// req.Stream is set. Errors are *llm.APIError for an HTTP error,
// *llm.UnreachableError when no answer came, *llm.AnswerError for an
// answer that is malformed, truncated, refused, filtered or empty, and the
// context's error when ctx ends first (an ended deadline with no answer
// is an *llm.UnreachableError).
func (c *Client) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	cr, cl, err := c.prepare(req)
	if err != nil {
		return llm.Response{}, err
	}
	ctx = withCall(ctx, cl)
	if req.Stream != nil {
		return c.completeStream(ctx, cr, cl, req.Stream)
	}
	resp, err := c.api.CreateChatCompletion(ctx, cr)
	if err != nil {
		return llm.Response{Attempts: cl.rec.Attempts}, c.fail(ctx, cl, err)
	}
	if err := c.checkType(cl, false); err != nil {
		return llm.Response{Attempts: cl.rec.Attempts}, err
	}
	return c.answer(resp, cl.rec.Attempts)
}

// answer reads the first choice of a whole (not streamed) answer.
func (c *Client) answer(resp goopenai.ChatCompletionResponse, attempts int) (llm.Response, error) {
	out := llm.Response{Attempts: attempts, Model: resp.Model, Usage: usage(resp.Usage)}
	i := pick(len(resp.Choices), func(i int) int { return resp.Choices[i].Index })
	if i < 0 {
		return out, malformed(out, "no choices in the answer")
	}
	ch := resp.Choices[i]
	out.Content = c.red.clean(ch.Message.Content)
	out.Refusal = c.red.clean(ch.Message.Refusal)
	out.FinishReason = string(ch.FinishReason)
	if err := llm.CheckAnswer(out); err != nil {
		return out, err
	}
	return out, nil
}

// prepare turns an llm.Request into go-openai's request plus the fields
// that go-openai cannot send as asked.
func (c *Client) prepare(req llm.Request) (goopenai.ChatCompletionRequest, *call, error) {
	model := req.Model
	if model == "" {
		model = c.model
	}
	if model == "" {
		return goopenai.ChatCompletionRequest{}, nil, ErrNoModel
	}
	cr := goopenai.ChatCompletionRequest{Model: model, Seed: req.Seed}
	msgs := make([]llm.Message, len(req.Messages))
	for i, m := range req.Messages {
		cr.Messages = append(cr.Messages, goopenai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content})
		msgs[i] = m
	}
	cl := &call{fields: map[string]any{
		// go-openai omits empty contents; an empty turn must still have one.
		"messages": msgs,
	}}
	if req.Temperature != nil {
		// go-openai drops a zero temperature; the body is amended instead.
		cl.fields["temperature"] = *req.Temperature
	}
	if req.MaxTokens > 0 {
		cl.fields[maxTokensField(model)] = req.MaxTokens
	}
	return cr, cl, nil
}

// maxTokensField names the token cap as the model expects it: OpenAI's
// reasoning models accept only max_completion_tokens, while many local
// servers know only max_tokens.
func maxTokensField(model string) string {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return "max_completion_tokens"
		}
	}
	return "max_tokens"
}

// pick returns the position of the choice with index 0, else of the first
// choice, or -1 when there is none.
func pick(n int, index func(int) int) int {
	for i := range n {
		if index(i) == 0 {
			return i
		}
	}
	if n > 0 {
		return 0
	}
	return -1
}

func usage(u goopenai.Usage) llm.Usage {
	return llm.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
}

func malformed(r llm.Response, detail string) error {
	return &llm.AnswerError{Err: llm.ErrMalformed, Detail: detail, Response: r}
}
