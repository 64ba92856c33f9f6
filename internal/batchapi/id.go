package batchapi

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/juru-cli/juru/internal/llm"
)

// Task codes in custom_ids.
const (
	TaskTranslate = "tr"
	TaskSummarize = "su"
)

// keyDigits is how many hex digits of a request key a custom_id holds:
// 80 bits, so that millions of requests never collide.
const keyDigits = 20

// sourceDigits is how many hex digits of a source path's hash a
// custom_id holds.
const sourceDigits = 8

// Key returns the hex SHA-256 of everything in a request that shapes its
// answer: model, messages, temperature, seed and token cap. Two requests
// with the same key get the same answer from a deterministic model.
func Key(req llm.Request) string {
	b, _ := json.Marshal(struct {
		Model       string        `json:"model"`
		Messages    []llm.Message `json:"messages"`
		Temperature *float32      `json:"temperature"`
		Seed        *int          `json:"seed"`
		MaxTokens   int           `json:"max_tokens"`
	}{req.Model, req.Messages, req.Temperature, req.Seed, req.MaxTokens})
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// SourceHash returns the short hash of a source's relative path that
// custom_ids carry.
func SourceHash(rel string) string {
	s := sha256.Sum256([]byte(rel))
	return hex.EncodeToString(s[:])[:sourceDigits]
}

// ID is a custom_id taken apart.
type ID struct {
	// Task is TaskTranslate or TaskSummarize.
	Task string
	// Lang is the target language code.
	Lang string
	// Source is SourceHash of the source's relative path.
	Source string
	// Chunk is the position of the request among the item's first
	// requests.
	Chunk int
	// Key is the first 20 hex digits of the request's Key.
	Key string
}

// NewID names the first request chunk of an item.
func NewID(task, lang, rel string, chunk int, key string) ID {
	return ID{Task: task, Lang: lang, Source: SourceHash(rel), Chunk: chunk, Key: ShortKey(key)}
}

// String renders the custom_id.
func (id ID) String() string {
	return id.Task + "." + id.Lang + "." + id.Source + "." + strconv.Itoa(id.Chunk) + "." + id.Key
}

// ShortKey cuts a request key to the 20 hex digits a custom_id holds;
// maps of this package are keyed by short keys.
func ShortKey(key string) string {
	if len(key) > keyDigits {
		return key[:keyDigits]
	}
	return key
}

// ParseID reads a custom_id that NewID made.
func ParseID(s string) (ID, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 5 {
		return ID{}, fmt.Errorf("custom_id %q: want 5 dot-separated fields", s)
	}
	n, err := strconv.Atoi(parts[3])
	if err != nil || n < 0 {
		return ID{}, fmt.Errorf("custom_id %q: bad chunk %q", s, parts[3])
	}
	id := ID{Task: parts[0], Lang: parts[1], Source: parts[2], Chunk: n, Key: parts[4]}
	switch {
	case id.Task != TaskTranslate && id.Task != TaskSummarize:
		return ID{}, fmt.Errorf("custom_id %q: unknown task %q", s, id.Task)
	case id.Lang == "" || !isHex(id.Source, sourceDigits) || !isHex(id.Key, keyDigits):
		return ID{}, fmt.Errorf("custom_id %q: malformed", s)
	}
	return id, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Request returns the first request of a chunk as the translation sends
// it: the model, the messages, and temperature and seed when set.
func Request(model string, msgs []llm.Message, temperature *float32, seed *int) llm.Request {
	return llm.Request{Model: model, Messages: msgs, Temperature: temperature, Seed: seed}
}
