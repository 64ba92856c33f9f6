package cache

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestStoreRemovesStaleTemporaries: a run killed while storing an entry
// leaves a temporary file beside it; storing that entry again removes
// it, and leaves the temporaries of other entries alone.
func TestStoreRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	c := New(dir, &endpoint{key: fakeKey}, Options{Namespace: "http://localhost:1/v1"})
	p := c.Path(c.Key(req("hello")))
	other := c.Path(c.Key(req("other")))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(other), 0o755); err != nil {
		t.Fatal(err)
	}
	stale := []string{
		filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp-123"),
		filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp-456"),
	}
	kept := filepath.Join(filepath.Dir(other), "."+filepath.Base(other)+".tmp-789")
	for _, f := range append(stale, kept) {
		if err := os.WriteFile(f, []byte(`{"key":`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Complete(context.Background(), req("hello")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Errorf("entry not stored: %v", err)
	}
	for _, f := range stale {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("stale temporary %s left: %v", filepath.Base(f), err)
		}
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the temporary of another entry was removed: %v", err)
	}
	if s := c.Stats(); s.Stores != 1 || s.WriteErrors != 0 {
		t.Errorf("stats %+v", s)
	}
}
