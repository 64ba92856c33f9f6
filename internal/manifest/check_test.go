package manifest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	m := open(t, dir)
	write := func(name, content string) string {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
		return Hash([]byte(content))
	}
	add := func(src string, st Status, out, outHash string) Key {
		r := rec("translate", src, "id")
		r.SourceHash, r.Fingerprint, r.Status, r.Output, r.OutputHash = "h1", "f1", st, out, outHash
		_, err := m.Append(r)
		must(t, err)
		return r.Key
	}
	kOK := add("ok.txt", StatusOK, "ok.id.md", write("ok.id.md", "hello"))
	kViol := add("v.txt", StatusViolations, "v.id.md", write("v.id.md", "viol"))
	kGone := add("gone.txt", StatusOK, "gone.id.md", Hash([]byte("x")))
	kEdited := add("ed.txt", StatusOK, "ed.id.md", write("ed.id.md", "machine"))
	write("ed.id.md", "a person's fix")
	kFailed := add("f.txt", StatusFailed, "", "")
	kFailedOld := add("fo.txt", StatusFailed, "fo.id.md", write("fo.id.md", "old output"))
	kFailedEdited := add("fe.txt", StatusFailed, "fe.id.md", write("fe.id.md", "old"))
	write("fe.id.md", "edited")
	kFailedGone := add("fg.txt", StatusFailed, "fg.id.md", Hash([]byte("never written")))

	tests := []struct {
		name     string
		key      Key
		src, fp  string
		want     State
		redo     bool
		redoWhen bool // Redo(force=true)
	}{
		{"no record", Key{"translate", "new.txt", "id"}, "h1", "f1", StateMissing, true, true},
		{"current", kOK, "h1", "f1", StateCurrent, false, true},
		{"violations are done", kViol, "h1", "f1", StateCurrent, false, true},
		{"source edited", kOK, "h2", "f1", StateChanged, true, true},
		{"glossary or options changed", kOK, "h1", "f2", StateChanged, true, true},
		{"output deleted", kGone, "h1", "f1", StateOutputMissing, true, true},
		{"output edited by a person", kEdited, "h1", "f1", StateEdited, false, true},
		{"output edited and source changed", kEdited, "h2", "f1", StateEdited, false, true},
		{"failed", kFailed, "h1", "f1", StateFailed, true, true},
		{"failed with old output", kFailedOld, "h1", "f1", StateFailed, true, true},
		{"failed with edited old output", kFailedEdited, "h1", "f1", StateEdited, false, true},
		{"failed, old output gone", kFailedGone, "h1", "f1", StateFailed, true, true},
		{"other language", Key{"translate", "ok.txt", "th"}, "h1", "f1", StateMissing, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := m.Check(tt.key, tt.src, tt.fp)
			if got != tt.want {
				t.Fatalf("state %v, want %v", got, tt.want)
			}
			if got.Redo(false) != tt.redo || got.Redo(true) != tt.redoWhen {
				t.Errorf("redo %v/%v", got.Redo(false), got.Redo(true))
			}
			_, up := m.UpToDate(tt.key, tt.src, tt.fp)
			if up != (tt.want == StateCurrent) {
				t.Errorf("UpToDate = %v", up)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	dir := t.TempDir()
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	at := func(r Record, d time.Duration, req int) Record {
		r.Time, r.Requests = t0.Add(d), req
		return r
	}
	m := open(t, dir)
	_, err := m.Append(at(rec("translate", "a.txt", "id"), 0, 1))
	must(t, err)
	_, err = m.Append(at(rec("translate", "c.txt", "id"), 10*time.Second, 1))
	must(t, err)
	must(t, m.Close())

	for i, rs := range [][]Record{
		{at(rec("translate", "a.txt", "id"), time.Second, 2), at(rec("translate", "b.txt", "id"), 0, 2)},
		{at(rec("translate", "c.txt", "id"), 5*time.Second, 3), at(rec("translate", "d.txt", "th"), 0, 3)},
	} {
		s, err := Open(context.Background(), dir, Options{Shard: []string{"0-of-2", "1-of-2"}[i]})
		must(t, err)
		for _, r := range rs {
			_, err := s.Append(r)
			must(t, err)
		}
		must(t, s.Close())
	}
	shards, err := ShardFiles(dir)
	must(t, err)
	if len(shards) != 2 {
		t.Fatalf("shards %v", shards)
	}
	n, err := Merge(context.Background(), dir, Options{}, shards...)
	must(t, err)
	if n != 3 {
		t.Errorf("appended %d, want 3", n)
	}
	got := map[string]int{}
	for _, r := range open(t, dir).Records() {
		got[r.Source] = r.Requests
	}
	want := map[string]int{"a.txt": 2, "b.txt": 2, "c.txt": 1, "d.txt": 3}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: requests %d, want %d (newer record must win)", k, got[k], v)
		}
	}
}
