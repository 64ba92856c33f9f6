// Package pace paces the requests of a batch so that it runs close to the
// rate an endpoint allows without a storm of 429 answers.
//
// A Pacer is an llm.Completer middleware that combines two controls:
//
//   - Adaptive concurrency (AIMD): a limit on requests in flight between
//     one and Options.MaxConcurrency. A 429 halves it (at most once per
//     round trip) and holds every new request for the wait the server
//     asked for; each window of successful answers adds one again, up to
//     the maximum. A request still refused once the client's own retries
//     are spent is queued again behind the pause (Options.Requeue).
//   - A token-aware rate limiter built on golang.org/x/time/rate, one
//     bucket for requests and one for tokens. Their limits come from
//     Options.RPM and Options.TPM when set by hand, otherwise from the
//     x-ratelimit-* headers the endpoint announces (ObserveLimits). Before
//     sending, a request reserves its estimated tokens (prompt plus
//     expected answer); after the answer, the reservation is corrected
//     with the usage the endpoint reported (prompt tokens plus the larger
//     of the answer's tokens and MaxTokens, as endpoints count a cap
//     against the limit). What an announcement says remains may be used
//     at once, but no more until its reset: when the remaining count is
//     low for the time left, new requests are slowed so that the window
//     is not exhausted. Requests sent after the one answered, which the
//     announcement may not count yet, are set against it.
//
// With no limit set and no headers (vLLM, Ollama, llama.cpp server), a
// Pacer only bounds concurrency. Every wait selects on the request's
// context, so cancelling stops waiting at once.
//
// # Wiring
//
// The retry layer inside the endpoint client retries 429 answers itself,
// so the Pacer learns of them early through hooks on the client's
// configuration, and of the announced limits through another:
//
//	var p *pace.Pacer
//	cfg.OnRetry = func(ri openai.RetryInfo) {
//		if ri.StatusCode == http.StatusTooManyRequests {
//			p.Observe429(ri.Delay)
//		}
//	}
//	cfg.OnRateLimit = func(l openai.Limits) {
//		p.ObserveLimits(pace.Quota(l.Requests), pace.Quota(l.Tokens))
//	}
//	client, err := openai.New(cfg)
//	...
//	p = pace.New(client, pace.Options{MaxConcurrency: jobs, RPM: rpm, TPM: tpm,
//		PromptTokens: func(r llm.Request) int { return est.CountMessages(r.Model, r.Messages) }})
//	completer := run.Limit(cache.New(dir, p, cacheOpts), jobs)
//
// The hooks fire only while a request is being served, after p is set. A
// 429 that reaches the Pacer as an *llm.APIError (the retries ran out) is
// counted from the error; one retried inside the client is counted from
// the hook, so that each 429 answer is seen once.
//
// The order is run.Limit outermost, then the response cache, then the
// Pacer, then the client: cache hits are never paced and spend no quota,
// and the outer limiter still counts every call. Requests waiting in the
// Pacer hold a slot of the outer limiter, so the requests really in
// flight at the endpoint are those of Stats.InFlight.
package pace
