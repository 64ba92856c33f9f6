package shards

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
)

// Import brings into m's folder what the output folder dir holds: every
// record of its manifests (main and shards) that is newer than m's, with
// its output file, copied atomically after checking that its bytes are
// the ones recorded. A record whose output is missing or was edited in
// dir is left out and counted in skipped. It returns how many records it
// took.
func Import(m *manifest.Manifest, dir string) (taken, skipped int, err error) {
	paths, err := manifest.ShardFiles(dir)
	if err != nil {
		return 0, 0, fmt.Errorf("import %s: %w", dir, err)
	}
	paths = append([]string{manifest.Path(dir, "")}, paths...)
	var recs []manifest.Record
	for _, p := range paths {
		l, err := loadFile(p)
		if err != nil {
			return 0, 0, err
		}
		if l == nil {
			continue
		}
		for _, r := range l.Records {
			recs = append(recs, r)
		}
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Time.Before(recs[j].Time) })
	for _, r := range recs {
		if cur, ok := m.Get(r.Key); ok && !r.Time.After(cur.Time) {
			continue
		}
		if r.Output != "" && r.OutputHash != "" {
			ok, err := copyOutput(m.OutDir(), dir, r)
			if err != nil {
				return taken, skipped, err
			}
			if !ok {
				skipped++
				continue
			}
		}
		if _, err := m.Append(r); err != nil {
			return taken, skipped, err
		}
		taken++
	}
	return taken, skipped, nil
}

// copyOutput copies a record's output from dir to outDir if its bytes
// are the ones recorded.
func copyOutput(outDir, dir string, r manifest.Record) (bool, error) {
	rel := filepath.FromSlash(r.Output)
	if !filepath.IsLocal(rel) {
		return false, nil
	}
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil || manifest.Hash(data) != r.OutputHash {
		return false, nil
	}
	to, err := inputs.Resolve(outDir, r.Output)
	if err != nil {
		return false, err
	}
	if err := atomicfile.WriteFile(to, data, 0o644); err != nil {
		return false, fmt.Errorf("import %s: %w", r.Output, err)
	}
	return true, nil
}
