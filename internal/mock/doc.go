// Package mock is an in-process OpenAI-compatible endpoint for juru's
// tests and benchmarks.
//
// It serves chat completions (plain JSON and server-sent events), the model
// list, the same paths without the /v1 prefix and Azure OpenAI's
// deployment paths. It validates requests as strictly as the real service,
// answers juru's prompts with a deterministic pseudo-translation that keeps
// the Markdown structure, the numbers (by value, written the target
// language's way), the placeholders and the glossary's required forms, and
// writes the other words as pseudo-words in the target language's script.
// Summaries and key-fact notes follow the requested style.
//
// Every request is recorded for assertions. A Script chooses, per call,
// a fault to inject: HTTP errors with headers, connection resets,
// truncated bodies and streams, slow answers, truncated or refused
// answers, HTML pages from a proxy, wrong content types, and answers that
// break the glossary so that the client has to ask for a repair. An
// optional sliding-window rate limit announces OpenAI's x-ratelimit
// headers and answers 429 when exceeded.
//
// It also serves the Files and Batch APIs: uploads, file contents, and
// batches that move from validating through in_progress and finalizing
// to completed (or failed, expired, cancelling and cancelled), one step
// per retrieval or per AdvanceBatches; each request of a batch is
// answered under the Script, faults that break an HTTP exchange going to
// the error file, and results come in shuffled order (BatchOptions).
//
// A Server is an http.Handler; Start serves it on a local port through
// net/http/httptest, Restart drops every connection and listens again on
// the same address.
package mock
