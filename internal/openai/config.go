// Package openai implements llm.Completer for any OpenAI-compatible chat
// endpoint (OpenAI, Azure OpenAI, OpenRouter, Ollama, vLLM, llama.cpp
// server, LM Studio, SEA-LION) on top of go-openai.
//
// It adds what go-openai lacks: retries with the official SDKs' policy
// (package retry), a temperature of zero that really reaches the server,
// typed errors that keep the status, the server's wait and the attempt
// count, rate-limit headers, and request dumps with the key redacted.
// The key never appears in an error or a dump.
package openai

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/juru-cli/juru/internal/retry"
)

// Well-known endpoint settings.
const (
	// DefaultBaseURL is OpenAI's own endpoint.
	DefaultBaseURL = "https://api.openai.com/v1"
	// OllamaBaseURL is where a local Ollama serves its OpenAI-compatible API.
	OllamaBaseURL = "http://localhost:11434/v1"
	// DefaultAzureAPIVersion is the Azure OpenAI api-version sent when none
	// is configured; it is the first GA version that streams token usage.
	DefaultAzureAPIVersion = "2024-10-21"
	// DefaultTimeout bounds one attempt when Config.Timeout is zero.
	DefaultTimeout = 10 * time.Minute
	// PingTimeout bounds Ping and Models.
	PingTimeout = 3 * time.Second
	// NoRetries, as Config.MaxRetries, turns retries off.
	NoRetries = -1
)

// ErrNoModel is returned by Complete when neither the request nor the
// configuration names a model.
var ErrNoModel = errors.New("no model named")

// RetryInfo describes an attempt about to be retried.
type RetryInfo = retry.RetryInfo

// Config says how to reach an endpoint.
type Config struct {
	// BaseURL is the API root, such as https://api.openai.com/v1 or
	// http://localhost:11434/v1; for Azure, the resource address such as
	// https://NAME.openai.azure.com. Empty means DefaultBaseURL.
	BaseURL string
	// APIKey authenticates the client; local servers need none.
	APIKey string
	// Model is the model used when a request names none. For Azure it is
	// the deployment name.
	Model string
	// Azure selects Azure OpenAI: the model names the deployment, the key
	// travels in the api-key header and api-version in the query.
	Azure bool
	// APIVersion is Azure's api-version; empty means DefaultAzureAPIVersion.
	APIVersion string
	// Timeout bounds one attempt (for a stream, each wait for more data).
	// Zero means DefaultTimeout, negative means no bound; the caller's
	// context sets the overall deadline.
	Timeout time.Duration
	// MaxRetries is the number of retries after a failed attempt. Zero
	// means retry.DefaultMaxRetries; NoRetries (or any negative value)
	// turns retries off.
	MaxRetries int
	// Headers are sent with every request, for example OpenRouter's
	// HTTP-Referer and X-Title.
	Headers map[string]string
	// Debug, if set, receives a dump of every HTTP attempt: method, URL,
	// status, headers and bodies (truncated), with credentials redacted.
	Debug io.Writer
	// HTTPClient sends the requests; nil means a client with Go's default
	// transport. It is copied, not changed.
	HTTPClient *http.Client
	// OnRetry, if set, is called before each wait for a retry.
	OnRetry func(RetryInfo)
	// OnRateLimit, if set, is called with the rate-limit headers of every
	// response that carries any.
	OnRateLimit func(Limits)
}

// String describes the configuration without its key.
func (c Config) String() string {
	key := "none"
	if c.APIKey != "" {
		key = "[redacted]"
	}
	return fmt.Sprintf("openai.Config{BaseURL: %q, Model: %q, Azure: %v, APIKey: %s}",
		safeBaseURL(c.BaseURL), c.Model, c.Azure, key)
}

// GoString is String, so that %#v hides the key too.
func (c Config) GoString() string { return c.String() }

func (c Config) baseURL() string {
	if c.BaseURL == "" {
		return DefaultBaseURL
	}
	return c.BaseURL
}

func (c Config) timeout() time.Duration {
	switch {
	case c.Timeout == 0:
		return DefaultTimeout
	case c.Timeout < 0:
		return 0
	}
	return c.Timeout
}

func (c Config) policy() retry.Policy {
	p := retry.DefaultPolicy()
	switch {
	case c.MaxRetries < 0:
		p.MaxRetries = 0
	case c.MaxRetries > 0:
		p.MaxRetries = c.MaxRetries
	}
	p.AttemptTimeout = c.timeout()
	return p
}

// validate checks the configuration before any request is made.
func (c Config) validate() error {
	u, err := url.Parse(c.baseURL())
	if err != nil {
		return fmt.Errorf("base URL %q: not a URL", safeBaseURL(c.baseURL()))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("base URL %q: scheme must be http or https", safeBaseURL(c.baseURL()))
	}
	if u.Host == "" {
		return fmt.Errorf("base URL %q: no host", safeBaseURL(c.baseURL()))
	}
	if c.Azure && c.APIKey == "" {
		return errors.New("azure OpenAI needs an API key")
	}
	return nil
}

// safeBaseURL renders a base URL without user information, query or
// fragment, so that it can be shown.
func safeBaseURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return u.String()
}
