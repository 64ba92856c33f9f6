// Package shards joins the manifests of a sharded run, whose shards each
// record their items in a manifest of their own (see manifest.Options
// .Shard), so that any number of shards can work on one output folder at
// once.
//
// Fold takes the shard manifests of a folder into its main manifest and
// removes them; an unsharded run or "juru batch merge" does it. Seed
// gives a shard the main manifest's records of its own items, so that a
// sharded run after a merge still skips what is up to date. Import brings
// the outputs and records of a shard that ran in a folder of its own.
//
// When two records of one key meet, the one written later (Record.Time)
// wins; on a tie the record already there stays, so that folding or
// seeding twice changes nothing.
package shards

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/juru-cli/juru/internal/manifest"
)

// InUseError reports a shard manifest whose run still holds its lock.
type InUseError struct {
	// Shard names the shard, such as "2-of-4".
	Shard string
	Err   error
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("shard %s is still running: %v", e.Shard, e.Err)
}

func (e *InUseError) Unwrap() error { return e.Err }

// take appends r to m unless m holds a record of its key written at the
// same time or later. It reports whether it appended.
func take(m *manifest.Manifest, r manifest.Record) (bool, error) {
	if cur, ok := m.Get(r.Key); ok && !r.Time.After(cur.Time) {
		return false, nil
	}
	if _, err := m.Append(r); err != nil {
		return false, err
	}
	return true, nil
}

// shardName returns the shard of a shard manifest's file name.
func shardName(path string) string {
	return strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "manifest."), ".jsonl")
}

// Fold merges every shard manifest of m's folder into m, the folder's
// main manifest, and removes each shard manifest once merged, holding
// its lock meanwhile. A shard whose run still holds its lock gives an
// *InUseError. It returns the number of shard manifests folded and of
// records taken.
func Fold(ctx context.Context, m *manifest.Manifest) (files, records int, err error) {
	paths, err := manifest.ShardFiles(m.OutDir())
	if err != nil {
		return 0, 0, fmt.Errorf("fold shard manifests: %w", err)
	}
	for _, p := range paths {
		name := shardName(p)
		sm, err := manifest.Open(ctx, m.OutDir(), manifest.Options{Shard: name, LockTimeout: -1})
		if err != nil {
			var locked *manifest.LockedError
			if errors.As(err, &locked) {
				return files, records, &InUseError{Shard: name, Err: err}
			}
			return files, records, fmt.Errorf("fold shard %s: %w", name, err)
		}
		for _, r := range sm.Records() {
			ok, err := take(m, r)
			if err != nil {
				sm.Close()
				return files, records, err
			}
			if ok {
				records++
			}
		}
		err = os.Remove(sm.File())
		if cerr := sm.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return files, records, fmt.Errorf("fold shard %s: %w", name, err)
		}
		files++
	}
	if files > 0 {
		if err := m.Compact(); err != nil {
			return files, records, err
		}
	}
	return files, records, nil
}

// Seed gives m, a shard's manifest, the records of the folder's main
// manifest whose keys the shard owns. It returns how many it took.
func Seed(m *manifest.Manifest, owns func(manifest.Key) bool) (int, error) {
	l, err := loadFile(manifest.Path(m.OutDir(), ""))
	if err != nil || l == nil {
		return 0, err
	}
	n := 0
	for _, r := range l.Records {
		if !owns(r.Key) {
			continue
		}
		ok, err := take(m, r)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// loadFile reads a manifest file without locking it; nil when there is none.
func loadFile(path string) (*manifest.Loaded, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	defer f.Close()
	l, err := manifest.Load(f)
	if err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, err)
	}
	return l, nil
}
