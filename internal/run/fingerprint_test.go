package run

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
)

// TestFingerprintFromSource checks that a fingerprint computed from the
// loaded source decides what is redone: changing what it depends on for
// one source redoes exactly that source's items.
func TestFingerprintFromSource(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t, 6)
	marked := "" // the source whose fingerprint gains a mark
	runOnce := func() *Summary {
		t.Helper()
		m, err := manifest.Open(ctx, w.out, manifest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		fake := newFake(1, time.Millisecond)
		lim := Limit(fake, 2)
		w.c = lim
		task := w.task()
		task.Fingerprint = func(it Item, src Source) (string, error) {
			fp := "base;" + src.Hash[:8]
			if it.Source == marked {
				fp += ";mark"
			}
			return fp, nil
		}
		s, err := New(Options{Manifest: m, Limiter: lim}).Run(ctx, w.items("id", "th"), task)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := statuses(runOnce()); got[StatusOK] != 12 {
		t.Fatalf("first run: %v", got)
	}
	if got := statuses(runOnce()); got[StatusUpToDate] != 12 {
		t.Fatalf("unchanged re-run: %v", got)
	}
	marked = "d01/a001.txt"
	s := runOnce()
	var redone []string
	for _, r := range s.Items {
		if r.Status == StatusOK {
			redone = append(redone, r.Source+":"+r.Lang)
		}
	}
	if got := strings.Join(redone, ","); got != "d01/a001.txt:id,d01/a001.txt:th" {
		t.Errorf("redone %q, want exactly the marked source's two items", got)
	}
}
