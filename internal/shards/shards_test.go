package shards

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
)

func open(t *testing.T, dir, shard string) *manifest.Manifest {
	t.Helper()
	m, err := manifest.Open(context.Background(), dir, manifest.Options{Shard: shard, LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func record(src, out string, at time.Time) manifest.Record {
	return manifest.Record{Time: at, Key: manifest.Key{Task: "translate", Source: src, Lang: "th"},
		SourceHash: "s-" + src, Fingerprint: "f", Output: out, OutputHash: manifest.Hash([]byte(out)), Status: manifest.StatusOK}
}

func appendAll(t *testing.T, m *manifest.Manifest, rs ...manifest.Record) {
	t.Helper()
	for _, r := range rs {
		if _, err := m.Append(r); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFoldTakesNewerRecordsAndRemovesShards(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	main := open(t, dir, "")
	appendAll(t, main, record("a.md", "old-a", t0), record("b.md", "b", t0.Add(time.Hour)))
	s0 := open(t, dir, "0-of-2")
	appendAll(t, s0, record("a.md", "new-a", t0.Add(time.Minute)), record("c.md", "c", t0))
	s0.Close()
	s1 := open(t, dir, "1-of-2")
	appendAll(t, s1, record("b.md", "stale-b", t0)) // older than main's
	s1.Close()

	files, n, err := Fold(context.Background(), main)
	if err != nil {
		t.Fatal(err)
	}
	if files != 2 || n != 2 {
		t.Errorf("folded %d files, %d records; want 2, 2", files, n)
	}
	want := map[string]string{"a.md": "new-a", "b.md": "b", "c.md": "c"}
	for src, out := range want {
		r, ok := main.Get(manifest.Key{Task: "translate", Source: src, Lang: "th"})
		if !ok || r.Output != out {
			t.Errorf("%s: %+v", src, r)
		}
	}
	if left, _ := manifest.ShardFiles(dir); len(left) != 0 {
		t.Errorf("shard manifests left: %v", left)
	}
	if _, n, _ := Fold(context.Background(), main); n != 0 {
		t.Errorf("a second fold took %d records", n)
	}
	main.Close()
}

func TestFoldRefusesARunningShard(t *testing.T) {
	dir := t.TempDir()
	busy := open(t, dir, "1-of-2")
	defer busy.Close()
	main := open(t, dir, "")
	defer main.Close()
	_, _, err := Fold(context.Background(), main)
	var inUse *InUseError
	if !errors.As(err, &inUse) || inUse.Shard != "1-of-2" {
		t.Errorf("fold with a running shard: %v", err)
	}
}

func TestSeedTakesOwnRecordsOnce(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	main := open(t, dir, "")
	appendAll(t, main, record("mine.md", "m", t0), record("theirs.md", "t", t0))
	main.Close()
	s := open(t, dir, "0-of-2")
	defer s.Close()
	owns := func(k manifest.Key) bool { return k.Source == "mine.md" }
	if n, err := Seed(s, owns); err != nil || n != 1 {
		t.Fatalf("seeded %d (%v), want 1", n, err)
	}
	if n, _ := Seed(s, owns); n != 0 {
		t.Errorf("a second seed took %d", n)
	}
	if _, ok := s.Get(manifest.Key{Task: "translate", Source: "theirs.md", Lang: "th"}); ok {
		t.Error("the shard took a record it does not own")
	}
}

func TestImportCopiesCheckedOutputs(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	src := t.TempDir()
	m := open(t, src, "3-of-4")
	good, edited := record("good.md", "good.th.md", t0), record("edited.md", "edited.th.md", t0)
	appendAll(t, m, good, edited)
	m.Close()
	for name, content := range map[string]string{"good.th.md": "good.th.md", "edited.th.md": "changed by hand"} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := t.TempDir()
	into := open(t, dst, "")
	defer into.Close()
	taken, skipped, err := Import(into, src)
	if err != nil || taken != 1 || skipped != 1 {
		t.Fatalf("import: %d taken, %d skipped, %v", taken, skipped, err)
	}
	b, err := os.ReadFile(filepath.Join(dst, "good.th.md"))
	if err != nil || string(b) != "good.th.md" {
		t.Errorf("copied %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dst, "edited.th.md")); err == nil {
		t.Error("an edited output was copied")
	}
	if taken, _, _ := Import(into, src); taken != 0 {
		t.Errorf("a second import took %d", taken)
	}
}
