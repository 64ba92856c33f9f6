package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/juru-cli/juru/internal/cache"
	"github.com/juru-cli/juru/internal/cost"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/openai"
	"github.com/juru-cli/juru/internal/outage"
	"github.com/juru-cli/juru/internal/pace"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/tokens"
)

// pipeline is the chain of Completers a run calls, outermost first: the
// limiter bounding requests in flight, the response cache, the outage
// rider (trying again for a while when an endpoint that answered before
// cannot be reached), the pacer keeping to the endpoint's rate limits
// (adaptive concurrency and a token-aware limiter), the endpoint client
// (which retries on its own).
type pipeline struct {
	completer llm.Completer
	limiter   *batchrun.Limiter
	cache     *cache.Cache
	pacer     *pace.Pacer
	costs     *cost.Table
	est       *tokens.Estimator
	model     string
}

// newPipeline connects to the endpoint and builds the chain. A dry run
// builds no client: nothing is sent.
func (a *app) newPipeline(ctx context.Context, eo endpointOptions, bo batchOptions) (*pipeline, error) {
	p := &pipeline{
		costs: cost.New(cost.Options{Overrides: bo.prices}),
		est:   tokens.New(),
		model: eo.Model,
	}
	if bo.dryRun {
		return p, nil
	}
	var pacer *pace.Pacer
	client, err := a.newClient(ctx, eo, func(cfg *openai.Config) {
		retried := cfg.OnRetry
		cfg.OnRetry = func(ri openai.RetryInfo) {
			if retried != nil {
				retried(ri)
			}
			if ri.StatusCode == 429 && pacer != nil {
				pacer.Observe429(ri.Delay)
			}
		}
		cfg.OnRateLimit = func(l openai.Limits) {
			if pacer != nil {
				pacer.ObserveLimits(pace.Quota(l.Requests), pace.Quota(l.Tokens))
			}
		}
		cfg.HTTPClient = pooledClient(bo.jobs)
	})
	if err != nil {
		return nil, err
	}
	pacer = pace.New(client, pace.Options{MaxConcurrency: bo.jobs, RPM: eo.RPM, TPM: eo.TPM})
	p.pacer = pacer
	var next llm.Completer = outage.New(pacer, outage.Options{OnWait: func(wait time.Duration, err error) {
		if eo.Verbose {
			fmt.Fprintf(a.stderr, "juru: %v; trying again in %s\n", err, wait)
		}
	}})
	if !bo.noCache {
		dir := bo.cacheDir
		if dir == "" {
			if dir, err = cache.DefaultDir(); err != nil {
				return nil, &inputError{fmt.Errorf("response cache: %w (use --cache-dir or --no-cache)", err)}
			}
		}
		p.cache = cache.New(dir, next, cache.Options{Namespace: namespace(eo)})
		next = p.cache
	}
	p.limiter = batchrun.Limit(next, bo.jobs)
	p.completer = p.limiter
	return p, nil
}

// namespace separates cached answers of different endpoints: the same
// model name on two servers may be two models.
func namespace(eo endpointOptions) string {
	u, err := url.Parse(eo.BaseURL)
	if err != nil || eo.BaseURL == "" {
		return "ollama-local"
	}
	u.User, u.RawQuery = nil, ""
	return u.String()
}

// price returns the cost of usage by the pipeline's model.
func (p *pipeline) price(model string, u llm.Usage) float64 {
	return p.costs.Cost(model, u)
}

// pooledClient returns an HTTP client that keeps enough idle connections
// to the endpoint for jobs requests in flight, so that connections are
// reused instead of opened for every request.
func pooledClient(jobs int) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = max(jobs, 2)
	t.MaxIdleConns = max(100, 2*jobs)
	return &http.Client{Transport: t}
}
