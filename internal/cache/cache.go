// Package cache is a response cache for chat completions: an
// llm.Completer middleware that answers a request it has seen before from
// disk, so that the same request is never paid for twice, across folders
// and runs.
//
// # Key
//
// The key is the SHA-256 of the canonical JSON of everything in a request
// that shapes the answer: a namespace (the endpoint's base URL or a name
// the caller gives), the model, the messages, temperature, seed and
// max_tokens. The Stream callback is not part of it.
//
// # Layout
//
// One file per key, <dir>/v1/<first two hex digits>/<key>.json, written
// atomically (temporary file in the same folder, fsync, rename), so two
// runs sharing a cache folder never see a partial entry. An entry holds
// the key, the model and the answer (content, finish reason, answering
// model, usage); never a request, header or key. Only good answers
// (llm.CheckAnswer passes) are stored. An entry that cannot be read or
// does not match its key is a miss and is replaced.
package cache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"golang.org/x/sync/singleflight"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/llm"
)

// Version names the key scheme and entry format; it is the first folder
// under the cache folder, so a new scheme never reads old entries.
const Version = "v1"

// Options tunes a Cache.
type Options struct {
	// Namespace separates endpoints that could answer the same request
	// differently: the endpoint's base URL, or a name the caller gives.
	Namespace string
}

// Stats counts what a Cache did.
type Stats struct {
	// Hits were answered from disk; Misses went to the next Completer.
	Hits, Misses int64
	// Stores are answers written; Corrupt are entries found unreadable
	// and replaced; WriteErrors are answers that could not be written.
	Stores, Corrupt, WriteErrors int64
}

// Cache is an llm.Completer that answers from disk when it can. It is
// safe for concurrent use, and several processes may share its folder.
type Cache struct {
	dir  string
	next llm.Completer
	ns   string

	group                                   singleflight.Group
	hits, misses, stores, corrupt, writeErr atomic.Int64
}

var _ llm.Completer = (*Cache)(nil)

// New returns a cache in dir (created when first written) in front of next.
func New(dir string, next llm.Completer, opts Options) *Cache {
	return &Cache{dir: dir, next: next, ns: opts.Namespace}
}

// DefaultDir returns the default cache folder: juru/responses under the
// user's cache folder (os.UserCacheDir).
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache folder: %w", err)
	}
	return filepath.Join(d, "juru", "responses"), nil
}

// keyed is what the key hashes, in a fixed field order.
type keyed struct {
	Version     string        `json:"v"`
	Namespace   string        `json:"ns"`
	Model       string        `json:"model"`
	Messages    []llm.Message `json:"messages"`
	Temperature *float32      `json:"temperature"`
	Seed        *int          `json:"seed"`
	MaxTokens   int           `json:"max_tokens"`
}

// Key returns the hex SHA-256 that identifies req in this cache.
func (c *Cache) Key(req llm.Request) string {
	b, _ := json.Marshal(keyed{Version, c.ns, req.Model, req.Messages, req.Temperature, req.Seed, req.MaxTokens})
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Path returns the file that holds the entry for a key.
func (c *Cache) Path(key string) string {
	return filepath.Join(c.dir, Version, key[:2], key+".json")
}

// Stats returns the counts so far.
func (c *Cache) Stats() Stats {
	return Stats{Hits: c.hits.Load(), Misses: c.misses.Load(), Stores: c.stores.Load(),
		Corrupt: c.corrupt.Load(), WriteErrors: c.writeErr.Load()}
}

// entry is the stored form of an answer.
type entry struct {
	Key      string       `json:"key"`
	Model    string       `json:"model"`
	Response llm.Response `json:"response"`
}

// Complete answers from disk with Cached set and Attempts zero, or asks
// the next Completer and stores a good answer. Identical requests in
// flight at once in this process share one call to the next Completer
// (except streamed ones); the callers that did not make it get the
// answer with Cached set, as they paid nothing for it.
func (c *Cache) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	key := c.Key(req)
	if r, ok := c.lookup(key, true); ok {
		c.hits.Add(1)
		if req.Stream != nil {
			req.Stream(r.Content)
		}
		return r, nil
	}
	if req.Stream != nil {
		c.misses.Add(1)
		return c.fetch(ctx, key, req)
	}
	var led atomic.Bool // set only if this caller's function runs
	ch := c.group.DoChan(key, func() (any, error) {
		led.Store(true)
		// Another process may have stored it since the first look.
		if r, ok := c.lookup(key, false); ok {
			c.hits.Add(1)
			return r, nil
		}
		c.misses.Add(1)
		return c.fetch(ctx, key, req)
	})
	select {
	case <-ctx.Done():
		return llm.Response{}, ctx.Err()
	case res := <-ch:
		r, _ := res.Val.(llm.Response)
		if res.Err != nil && isContextErr(res.Err) && ctx.Err() == nil {
			// The shared call belonged to a caller that gave up; this
			// one has not, so it asks itself.
			c.misses.Add(1)
			return c.fetch(ctx, key, req)
		}
		if !led.Load() && res.Err == nil {
			// Another caller paid for this answer.
			r.Cached, r.Attempts = true, 0
		}
		return r, res.Err
	}
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// fetch asks the next Completer and stores a good answer.
func (c *Cache) fetch(ctx context.Context, key string, req llm.Request) (llm.Response, error) {
	r, err := c.next.Complete(ctx, req)
	if err != nil || llm.CheckAnswer(r) != nil {
		return r, err
	}
	c.store(key, req.Model, r)
	return r, nil
}

// lookup reads an entry; count says whether to count a corrupt one.
func (c *Cache) lookup(key string, count bool) (llm.Response, bool) {
	b, err := os.ReadFile(c.Path(key))
	if err != nil {
		if count && !errors.Is(err, os.ErrNotExist) {
			c.corrupt.Add(1)
		}
		return llm.Response{}, false
	}
	var e entry
	if err := json.Unmarshal(b, &e); err != nil || e.Key != key || llm.CheckAnswer(e.Response) != nil {
		if count {
			c.corrupt.Add(1)
		}
		return llm.Response{}, false
	}
	r := e.Response
	r.Cached, r.Attempts = true, 0
	return r, true
}

// store writes an entry atomically, first removing the temporary files
// that an interrupted earlier write of the same entry left (a run killed
// while storing), so that the folder does not fill with them. A process
// storing the same entry at that very moment then fails to rename its
// own temporary file, which costs nothing: the entry is written once.
func (c *Cache) store(key, model string, r llm.Response) {
	stored := llm.Response{Content: r.Content, FinishReason: r.FinishReason, Model: r.Model, Usage: r.Usage}
	b, err := json.Marshal(entry{Key: key, Model: model, Response: stored})
	if err == nil {
		p := c.Path(key)
		if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
			stale, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "."+key+".json.tmp-*"))
			for _, s := range stale {
				_ = os.Remove(s)
			}
			err = atomicfile.WriteFile(p, b, 0o644)
		}
	}
	if err != nil {
		c.writeErr.Add(1)
		return
	}
	c.stores.Add(1)
}
