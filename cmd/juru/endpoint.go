package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/openai"
)

const (
	defaultBaseURL = openai.DefaultBaseURL
	ollamaBaseURL  = openai.OllamaBaseURL
	defaultModel   = "gpt-4o-mini"
)

// endpointOptions says which endpoint to talk to and how.
type endpointOptions struct {
	BaseURL    string
	APIKey     secret
	Model      string
	Azure      bool
	APIVersion string
	// Temperature is sent as given when non-nil, zero included.
	Temperature *float32
	Seed        *int
	Timeout     time.Duration
	MaxRetries  int
	// RPM and TPM pace requests and tokens per minute; zero learns the
	// limits from the endpoint's rate-limit headers.
	RPM, TPM int64
	Verbose  bool
	Debug    bool
	// explicit reports that a key or base URL was configured, so that no
	// local Ollama is probed.
	explicit bool
	// modelSet reports that a model was chosen rather than defaulted.
	modelSet bool
}

// endpointFlags are the flags of every command that calls an endpoint.
func endpointFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "base-url", Usage: "endpoint base `URL` (default $OPENAI_BASE_URL, else " + defaultBaseURL + ")", Category: "Endpoint"},
		&cli.StringFlag{Name: "api-key", Usage: "API `KEY`; prefer the OPENAI_API_KEY variable, flags show up in process lists and shell history", Category: "Endpoint"},
		&cli.StringFlag{Name: "model", Aliases: []string{"m"}, Usage: "`MODEL` name, or the deployment name on Azure (default $JURU_MODEL, else " + defaultModel + ")", Category: "Endpoint"},
		&cli.Float64Flag{Name: "temperature", Usage: "sampling temperature `T`; default 0 (deterministic), left to the server for reasoning models", Category: "Endpoint"},
		&cli.IntFlag{Name: "seed", Usage: "sampling `SEED` for endpoints that support reproducible answers", Category: "Endpoint"},
		&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "time limit per request `DURATION`", Category: "Endpoint"},
		deadlineFlag(),
		&cli.IntFlag{Name: "max-retries", Value: 2, Usage: "retries per request after 408, 409, 429, 5xx and network errors", Category: "Endpoint"},
		&cli.IntFlag{Name: "rpm", Usage: "pace requests to `N` per minute (default: learned from the endpoint's rate-limit headers)", Category: "Endpoint"},
		&cli.IntFlag{Name: "tpm", Usage: "pace tokens to `N` per minute (default: learned from the endpoint's rate-limit headers)", Category: "Endpoint"},
		&cli.BoolFlag{Name: "azure", Usage: "talk to Azure OpenAI (implied by an *.openai.azure.com base URL)", Category: "Endpoint"},
		&cli.StringFlag{Name: "api-version", Usage: "Azure OpenAI api-version `VERSION` (default $OPENAI_API_VERSION, else " + openai.DefaultAzureAPIVersion + ")", Category: "Endpoint"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "report requests and retries on stderr", Category: "Output"},
		&cli.BoolFlag{Name: "debug", Usage: "dump requests and answers on stderr (the key is redacted)", Category: "Output"},
	}
}

// reasoningModel matches models that accept only their default temperature.
var reasoningModel = regexp.MustCompile(`(?i)(^|/)(o\d|gpt-5)`)

// endpointOptions reads the endpoint flags, environment and config file:
// flags win over the environment, which wins over juru.toml.
func (a *app) endpointOptions(c *cli.Context, cfg *configFile) (endpointOptions, error) {
	o := endpointOptions{
		BaseURL:    firstNonEmpty(c.String("base-url"), a.getenv("OPENAI_BASE_URL"), cfg.BaseURL),
		Model:      firstNonEmpty(c.String("model"), a.getenv("JURU_MODEL"), cfg.Model),
		APIVersion: firstNonEmpty(c.String("api-version"), a.getenv("OPENAI_API_VERSION"), a.getenv("AZURE_OPENAI_API_VERSION"), cfg.APIVersion),
		Azure:      c.Bool("azure") || cfg.Azure,
		Timeout:    c.Duration("timeout"),
		MaxRetries: c.Int("max-retries"),
		Verbose:    c.Bool("verbose") || c.Bool("debug"),
		Debug:      c.Bool("debug"),
	}
	if !c.IsSet("timeout") && cfg.Timeout.Duration > 0 {
		o.Timeout = cfg.Timeout.Duration
	}
	o.RPM, o.TPM = int64(c.Int("rpm")), int64(c.Int("tpm"))
	if !c.IsSet("rpm") && cfg.RPM > 0 {
		o.RPM = int64(cfg.RPM)
	}
	if !c.IsSet("tpm") && cfg.TPM > 0 {
		o.TPM = int64(cfg.TPM)
	}
	if o.RPM < 0 || o.TPM < 0 {
		return o, usagef("--rpm and --tpm must not be negative")
	}
	if !c.IsSet("max-retries") && cfg.MaxRetries != nil {
		o.MaxRetries = *cfg.MaxRetries
	}
	keyEnv := "OPENAI_API_KEY"
	if cfg.APIKeyEnv != "" {
		keyEnv = cfg.APIKeyEnv
	}
	o.APIKey = newSecret(firstNonEmpty(c.String("api-key"), a.getenv(keyEnv)))
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return o, usagef("--base-url %q is not an http(s) URL", redactURL(o.BaseURL))
		}
		if u.User != nil {
			return o, usagef("--base-url must not hold credentials; use OPENAI_API_KEY")
		}
		host := strings.ToLower(u.Hostname())
		if strings.HasSuffix(host, ".openai.azure.com") || strings.HasSuffix(host, ".cognitiveservices.azure.com") {
			o.Azure = true
		}
	}
	if o.Azure {
		o.APIKey = newSecret(firstNonEmpty(o.APIKey.Value(), a.getenv("AZURE_OPENAI_API_KEY")))
		o.BaseURL = firstNonEmpty(o.BaseURL, a.getenv("AZURE_OPENAI_ENDPOINT"))
		if o.BaseURL == "" {
			return o, usagef("--azure needs --base-url https://RESOURCE.openai.azure.com (or AZURE_OPENAI_ENDPOINT)")
		}
	}
	o.explicit = o.BaseURL != "" || o.APIKey.Set()
	if o.BaseURL == "" && o.APIKey.Set() {
		o.BaseURL = defaultBaseURL
	}
	o.modelSet = o.Model != ""
	if o.Model == "" {
		o.Model = defaultModel
	}
	switch {
	case c.IsSet("temperature"):
		t := float32(c.Float64("temperature"))
		if t < 0 || t > 2 {
			return o, usagef("--temperature %g is outside 0..2", c.Float64("temperature"))
		}
		o.Temperature = &t
	case cfg.Temp != nil:
		t := float32(*cfg.Temp)
		o.Temperature = &t
	case !reasoningModel.MatchString(o.Model):
		zero := float32(0)
		o.Temperature = &zero
	}
	if c.IsSet("seed") {
		s := c.Int("seed")
		o.Seed = &s
	}
	if o.Timeout <= 0 {
		return o, usagef("--timeout must be positive")
	}
	if o.MaxRetries < 0 {
		return o, usagef("--max-retries must not be negative")
	}
	return o, nil
}

// noEndpointError means nothing was configured and no local Ollama answered.
type noEndpointError struct{ err error }

func (e *noEndpointError) Error() string {
	return "no endpoint configured, and no local Ollama answers at " + ollamaBaseURL + "\n" +
		"  to use OpenAI:        export OPENAI_API_KEY=sk-...\n" +
		"  to use another server: export OPENAI_BASE_URL=http://host:port/v1 (and OPENAI_API_KEY if it needs one)\n" +
		"  to use Ollama:         ollama serve, then juru ... --model llama3.1"
}

func (e *noEndpointError) Unwrap() error { return e.err }

// newClient builds the endpoint client. With nothing configured it tries
// a local Ollama before giving up with instructions.
//
// Each hook may adjust the client's configuration first, for example to
// observe rate-limit headers.
func (a *app) newClient(ctx context.Context, o endpointOptions, hooks ...func(*openai.Config)) (llm.Completer, error) {
	var debug io.Writer
	if o.Debug {
		debug = a.stderr
	}
	cfg := openai.Config{
		BaseURL:    o.BaseURL,
		APIKey:     o.APIKey.Value(),
		Model:      o.Model,
		Azure:      o.Azure,
		APIVersion: o.APIVersion,
		Timeout:    o.Timeout,
		MaxRetries: o.MaxRetries,
		Debug:      debug,
	}
	if o.MaxRetries == 0 {
		cfg.MaxRetries = openai.NoRetries
	}
	if o.Verbose {
		cfg.OnRetry = func(info openai.RetryInfo) {
			fmt.Fprintln(a.stderr, "juru: "+describeRetry(info))
		}
	}
	for _, h := range hooks {
		h(&cfg)
	}
	if !o.explicit {
		cfg.BaseURL = ollamaBaseURL
		client, err := openai.New(cfg)
		if err != nil {
			return nil, err
		}
		if err := client.Ping(ctx); err != nil {
			return nil, &noEndpointError{err: err}
		}
		if !o.modelSet {
			return nil, usagef("a local Ollama answers at %s: choose one of its models with --model or JURU_MODEL (see 'ollama list')", ollamaBaseURL)
		}
		fmt.Fprintf(a.stderr, "juru: no endpoint configured; using the local Ollama at %s\n", ollamaBaseURL)
		return client, nil
	}
	return openai.New(cfg)
}

// redactURL drops credentials and query from a URL for messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparseable URL)"
	}
	u.User = nil
	u.RawQuery = ""
	return u.String()
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// describeRetry words a retry for --verbose.
func describeRetry(info openai.RetryInfo) string {
	why := fmt.Sprintf("HTTP %d", info.StatusCode)
	if info.StatusCode == 0 && info.Err != nil {
		why = info.Err.Error()
	}
	wait := "backoff"
	if info.ServerDelay {
		wait = "as the server asked"
	}
	return fmt.Sprintf("%s %s: attempt %d failed (%s); retrying in %s (%s)",
		info.Method, info.URL, info.Attempt, why, info.Delay.Round(time.Millisecond), wait)
}

// secret holds an API key behind a pointer, so that printing a settings
// struct that holds it, with any verb and at any depth, shows at most an
// address, never the key; printed on its own it shows "[redacted]".
type secret struct{ p *string }

// newSecret wraps a key; an empty key gives the zero secret.
func newSecret(key string) secret {
	if key == "" {
		return secret{}
	}
	return secret{p: &key}
}

// Value returns the key.
func (s secret) Value() string {
	if s.p == nil {
		return ""
	}
	return *s.p
}

// Set reports whether a key is held.
func (s secret) Set() bool { return s.p != nil }

// String returns "[redacted]" for a key and "" for none.
func (s secret) String() string {
	if s.p == nil {
		return ""
	}
	return "[redacted]"
}

// GoString is what %#v prints.
func (s secret) GoString() string { return `secret("` + s.String() + `")` }
