// Package batchapi hands the first requests of a juru run to a batch
// engine, OpenAI's Batch API or vLLM's run-batch, and answers them back
// from the engine's results, so that a run over a whole archive costs
// half as much and needs no machine waiting on the answers.
//
// # Requests and their names
//
// Every first request of an item (one chunk of one article into one
// language, as translate.DryRun plans it) becomes one line of a batch
// input file in OpenAI's batch format: {"custom_id", "method": "POST",
// "url": "/v1/chat/completions", "body"}, where body is byte for byte
// the chat request the interactive client sends. Its custom_id is
//
//	<task>.<lang>.<source>.<chunk>.<key>
//
// for example "tr.th.5f1c09a2.0.0c1d7e9f3a5b2c4d6e8f": the task ("tr"
// translate, "su" summarize), the target language, the first 8 hex
// digits of the SHA-256 of the source's relative path (the state file
// maps them back to paths), the chunk's position, and the first 20 hex
// digits of the request's Key, the SHA-256 of everything in the request
// that shapes its answer. Results are matched by that key, never by
// position: batch engines return lines in any order, and a request that
// changed since it was sent (an edited article, a new glossary entry)
// simply finds no answer.
//
// # On disk
//
// A run's state lives in the output folder beside the manifest:
//
//	<out>/.juru/batch.json           the state file (batch.<shard>.json for a shard)
//	<out>/.juru/batch/<name>.ids     the custom_ids of each uploaded input file
//	<out>/.juru/batch/<batch>.output.jsonl, <batch>.errors.jsonl
//	                                  downloaded result files
//
// The state file is JSON, rewritten atomically under a lock file
// (batch.json.lock) by every command that changes it; it holds the run's
// tag, the endpoint, each input file with its batch, status and counts,
// and the source paths of the hashes in custom_ids. Input files
// themselves are not kept: they are rebuilt from the sources whenever
// requests have to be sent again.
//
// # Collecting
//
// Replay is an llm.Completer placed in front of the endpoint: a request
// whose key has a batch result is answered from it, a first request
// without one fails with a *PendingError (never silently sent live), and
// any other request (repairs of answers that break the glossary, halves
// of a chunk whose answer was cut off) goes to the live endpoint. The
// normal translation runs on top of it, so chunks are joined, checked
// and repaired exactly as in an interactive run.
package batchapi
