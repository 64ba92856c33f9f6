// Package manifest keeps the record of what an output folder holds: for
// each item (task, source, language) the source content hash, the
// fingerprint of everything else that shapes the output, the output file
// and its hash, the status and the usage. A run consults it to skip items
// whose output is up to date and appends to it as items finish.
//
// # On disk
//
// The manifest is JSON Lines at <out>/.juru/manifest.jsonl (a shard of a
// sharded run writes <out>/.juru/manifest.<shard>.jsonl), one Record per
// line, appended with write and fsync per record, so that a kill -9 loses
// at most the record being written. On load the last record per key wins;
// a torn or unreadable line is skipped and reported as a Problem (a torn
// last line is cut off before the next append). Compact rewrites the file
// atomically with only the last record per key, sorted by key.
//
// A lock file beside it (manifest.jsonl.lock, held with flock and holding
// the owner's process id) keeps two runs from writing the same manifest:
// the second waits up to Options.LockTimeout, then fails with a
// *LockedError naming the folder and the pid.
//
// # Up to date
//
// Check compares a record with the current source hash and fingerprint
// and looks at the output file: a missing output is redone; an output
// whose content differs from the recorded hash was edited by a person and
// is reported as Edited, which a run must not overwrite unless forced. A
// failed record is never up to date. Timestamps play no part.
package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// Status is the outcome an item's record states.
type Status string

// The statuses a record can hold.
const (
	// StatusOK means the output was written and passed every check.
	StatusOK Status = "ok"
	// StatusViolations means the output was written but some checks failed
	// after repair; Record.Violations counts them.
	StatusViolations Status = "violations"
	// StatusFailed means no output was produced; Record.Error says why.
	StatusFailed Status = "failed"
)

// Known tasks; the manifest accepts any non-empty task name.
const (
	TaskTranslate = "translate"
	TaskSummarize = "summarize"
	TaskDigest    = "digest"
)

// Key identifies an item: one task on one source into one language. A
// digest has an empty Source.
type Key struct {
	Task   string `json:"task"`
	Source string `json:"source"`
	Lang   string `json:"lang"`
}

// String returns "task source lang" for messages.
func (k Key) String() string { return fmt.Sprintf("%s %s %s", k.Task, k.Source, k.Lang) }

// Less orders keys by task, source, then language.
func (k Key) Less(o Key) bool {
	if k.Task != o.Task {
		return k.Task < o.Task
	}
	if k.Source != o.Source {
		return k.Source < o.Source
	}
	return k.Lang < o.Lang
}

// Record is one line of the manifest.
type Record struct {
	// Seq numbers the records of one manifest file in the order written;
	// Append sets it.
	Seq int64 `json:"seq"`
	// Time is when the record was written (UTC); Append sets it when
	// zero. It orders records in Merge and never decides freshness.
	Time time.Time `json:"time"`
	Key
	// SourcePath is where the source was read: slash-separated and
	// relative to the output folder, or absolute where no relative path
	// leads there; empty for standard input. It tells juru check where
	// to find the source and never decides freshness.
	SourcePath string `json:"source_path,omitempty"`
	// SourceHash is the SHA-256 (hex) of the decoded source text.
	SourceHash string `json:"source_hash"`
	// Fingerprint is the caller's opaque digest of model, prompt version,
	// options and applicable glossary entries.
	Fingerprint string `json:"fingerprint"`
	// Output is the output file, slash-separated, relative to the output
	// folder; OutputHash is the SHA-256 (hex) of its bytes as written.
	Output     string `json:"output,omitempty"`
	OutputHash string `json:"output_hash,omitempty"`
	// Status and Error tell how the item ended.
	Status Status `json:"status"`
	Error  string `json:"error,omitempty"`
	// Usage counts the tokens paid for (answers from the cache excluded).
	Usage llm.Usage `json:"usage"`
	// Requests is the number of calls that reached the endpoint, Cached
	// the number answered from the cache, Attempts the HTTP attempts.
	Requests int `json:"requests"`
	Cached   int `json:"cached,omitempty"`
	Attempts int `json:"attempts"`
	// Violations counts the checks still failing in the written output.
	Violations int `json:"violations"`
	// LoadMS and RunMS time reading the source and doing the work.
	LoadMS int64 `json:"load_ms"`
	RunMS  int64 `json:"run_ms"`
}

// Hash returns the hex SHA-256 of b, the form of SourceHash and OutputHash.
func Hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// HashFile returns the hex SHA-256 of a file's bytes.
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hash %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
