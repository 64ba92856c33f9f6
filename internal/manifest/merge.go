package manifest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Newer reports whether a should replace b when two manifests disagree
// about one key: the later Time wins, then the higher Seq.
func Newer(a, b Record) bool {
	if !a.Time.Equal(b.Time) {
		return a.Time.After(b.Time)
	}
	return a.Seq > b.Seq
}

// Merge folds the records of the manifest files srcs into m: for each key
// the newer record (see Newer) wins; on a full tie the record already in
// m stays. Winning records are appended to m (with m's next Seq, their
// Time kept). It returns how many records it appended and the lines
// skipped in the sources.
func (m *Manifest) Merge(srcs ...string) (int, []Problem, error) {
	var problems []Problem
	n := 0
	for _, src := range srcs {
		f, err := os.Open(src)
		if err != nil {
			return n, problems, fmt.Errorf("merge manifest: %w", err)
		}
		l, err := Load(f)
		f.Close()
		if err != nil {
			return n, problems, fmt.Errorf("merge manifest %s: %w", src, err)
		}
		problems = append(problems, l.Problems...)
		recs := make([]Record, 0, len(l.Records))
		for _, r := range l.Records {
			recs = append(recs, r)
		}
		sort.Slice(recs, func(i, j int) bool { return recs[i].Seq < recs[j].Seq })
		for _, r := range recs {
			if cur, ok := m.Get(r.Key); ok && !Newer(r, cur) {
				continue
			}
			if _, err := m.Append(r); err != nil {
				return n, problems, err
			}
			n++
		}
	}
	return n, problems, nil
}

// ShardFiles lists the shard manifests in outDir, sorted.
func ShardFiles(outDir string) ([]string, error) {
	ms, err := filepath.Glob(filepath.Join(outDir, Dir, "manifest.*.jsonl"))
	sort.Strings(ms)
	return ms, err
}

// Merge opens the manifest of dstDir, folds in the manifest files srcs
// (see Manifest.Merge), compacts it and closes it.
func Merge(ctx context.Context, dstDir string, opts Options, srcs ...string) (int, error) {
	m, err := Open(ctx, dstDir, opts)
	if err != nil {
		return 0, err
	}
	n, _, err := m.Merge(srcs...)
	if err == nil {
		err = m.Compact()
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return n, err
}
