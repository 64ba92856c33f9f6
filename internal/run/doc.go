// Package run is the batch engine shared by juru's translate and
// summarize commands: it runs items (one task on one input into one
// language, plus per-language digests in a later stage) with bounded
// concurrency, skips items whose recorded output is up to date, keeps to
// a budget, survives failures and interruptions, and reports progress.
//
// # Pieces
//
//   - Limit wraps the Completer every item calls through, so that one
//     bound holds requests in flight across files, languages and chunks;
//     it counts requests, cache hits, attempts and tokens, per run and
//     per item (through the context Task.Do receives).
//   - Runner runs the items. For each it loads the source (Task.Load,
//     once per source while its items are in progress, so memory holds
//     only the documents being worked on), asks the manifest whether
//     the output is current, reserves the item's estimate against the
//     budget, calls Task.Do, writes the output atomically and appends
//     the manifest record, in that order.
//   - Snapshot and Progress show a run as it goes; WriteTable and
//     WriteReport describe it when it ends.
//
// # Rules
//
// Results are kept in item order and every output depends only on its
// own item, so nothing depends on the order requests finish in. A failed
// item never stops the run; a fatal endpoint error (llm.IsFatal) stops
// starting new items; cancelling the context stops starting items and
// cancels requests in flight, and every item already finished stays
// written and recorded. A budget (MaxCost, MaxTokens) is checked before
// each item starts against what was spent plus what running items may
// still spend; items that would pass it are not started
// (StatusBudget), and no further item starts, though the rest are still
// checked so that up-to-date ones are reported as such.
package run
