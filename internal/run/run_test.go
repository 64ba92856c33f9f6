package run

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

func TestResume(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t, 12)
	langs := []string{"id", "th", "vi"}
	fake := newFake(1, time.Millisecond)
	s, err := w.run(ctx, fake, 4, Options{}, langs...)
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(s); got[StatusOK] != 36 || fake.Calls() != 108 {
		t.Fatalf("first run: %v, %d calls", got, fake.Calls())
	}
	first := tree(t, w.out)

	steps := []struct {
		name   string
		change func()
		opts   Options
		calls  int // endpoint calls the run must make
		want   map[Status]int
	}{
		{"unchanged", func() {}, Options{}, 0, map[Status]int{StatusUpToDate: 36}},
		{"one article edited", func() { w.docs["d01/a004.txt"] = "new text\n\nmore" }, Options{}, 6,
			map[Status]int{StatusOK: 3, StatusUpToDate: 33}},
		{"one language's glossary changed", func() { w.fps["th"] = "model=m;prompt=1;glossary=2" }, Options{}, 12*3 - 1,
			map[Status]int{StatusOK: 12, StatusUpToDate: 24}},
		{"an output deleted", func() { os.Remove(filepath.Join(w.out, "d00/a000.vi.md")) }, Options{}, 3,
			map[Status]int{StatusOK: 1, StatusUpToDate: 35}},
		{"an output edited by a person", func() {
			os.WriteFile(filepath.Join(w.out, "d02/a002.id.md"), []byte("fixed by an editor\n"), 0o644)
		}, Options{}, 0, map[Status]int{StatusEdited: 1, StatusUpToDate: 35}},
		{"force", func() {}, Options{Force: true}, 12*3*3 - 3, map[Status]int{StatusOK: 36}},
	}
	for _, st := range steps {
		st.change()
		fake := newFake(2, time.Millisecond)
		s, err := w.run(ctx, fake, 4, st.opts, langs...)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := statuses(s); !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: statuses %v, want %v", st.name, got, st.want)
		}
		if fake.Calls() != st.calls || s.Requests != st.calls {
			t.Errorf("%s: %d calls (summary %d), want %d", st.name, fake.Calls(), s.Requests, st.calls)
		}
		if st.name == "an output edited by a person" {
			b, _ := os.ReadFile(filepath.Join(w.out, "d02/a002.id.md"))
			if string(b) != "fixed by an editor\n" {
				t.Errorf("edited output overwritten")
			}
		}
	}
	final := tree(t, w.out)
	if final["d00/a000.vi.md"] != first["d00/a000.vi.md"] || final["d01/a004.th.md"] == first["d01/a004.th.md"] {
		t.Error("outputs not as expected after the steps")
	}
}

// TestOrderIndependent runs the same work twice with different random
// delays: the trees are identical and results keep the item order.
func TestOrderIndependent(t *testing.T) {
	var trees []map[string]string
	for seed := uint64(1); seed <= 2; seed++ {
		w := newWorld(t, 20)
		s, err := w.run(context.Background(), newFake(seed, 3*time.Millisecond), 8, Options{}, "id", "km")
		if err != nil {
			t.Fatal(err)
		}
		items := w.items("id", "km")
		for i, r := range s.Items {
			if r.Key != items[i].Key || r.Status != StatusOK {
				t.Fatalf("result %d is %v %s, want %v", i, r.Key, r.Status, items[i].Key)
			}
		}
		trees = append(trees, tree(t, w.out))
	}
	if len(trees[0]) != 40 || !reflect.DeepEqual(trees[0], trees[1]) {
		t.Fatalf("trees differ or are incomplete (%d files)", len(trees[0]))
	}
	if got := trees[0]["d01/a004.km.md"]; got != "km:FIRST PART OF 4\n\nkm:SECOND PART OF 4\n\nkm:THIRD 4\n" {
		t.Errorf("output %q", got)
	}
}

func TestJobsBoundRequests(t *testing.T) {
	for _, jobs := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(jobs), func(t *testing.T) {
			w := newWorld(t, 16)
			fake := newFake(3, 2*time.Millisecond)
			if _, err := w.run(context.Background(), fake, jobs, Options{}, "id", "th"); err != nil {
				t.Fatal(err)
			}
			lim := w.c.(*Limiter)
			if fake.peak > jobs || lim.Stats().Peak != fake.peak {
				t.Fatalf("peak %d in flight (limiter saw %d), jobs %d", fake.peak, lim.Stats().Peak, jobs)
			}
			if fake.peak < jobs {
				t.Errorf("peak %d never reached jobs %d: work not spread", fake.peak, jobs)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	price := func(model string, u llm.Usage) float64 { return float64(u.Total()) / 100 }
	for _, parallel := range []int{1, 6} {
		t.Run(fmt.Sprint(parallel), func(t *testing.T) {
			w := newWorld(t, 10)
			for s := range w.docs {
				w.docs[s] = strings.Repeat("x", 50)
			}
			w.price = price
			// Estimates equal actual usage: 100 tokens, $1 per item.
			s, err := w.run(context.Background(), newFake(4, time.Millisecond), 4,
				Options{MaxCost: 5.5, Cost: price, Parallel: parallel}, "id")
			if err != nil {
				t.Fatal(err)
			}
			got := statuses(s)
			if got[StatusOK] != 5 || got[StatusBudget] != 5 || s.Stopped != StopBudget {
				t.Fatalf("statuses %v, stopped %q", got, s.Stopped)
			}
			if s.Cost > 5.5 || s.Cost != 5 {
				t.Errorf("cost %v", s.Cost)
			}
			// A second run with a token budget: up-to-date items are
			// reported as such, the rest still stop at the budget.
			s, err = w.run(context.Background(), newFake(5, time.Millisecond), 4,
				Options{MaxTokens: 250, Cost: price, Parallel: parallel}, "id")
			if err != nil {
				t.Fatal(err)
			}
			got = statuses(s)
			if got[StatusUpToDate] != 5 || got[StatusOK] != 2 || got[StatusBudget] != 3 {
				t.Fatalf("second run statuses %v", got)
			}
		})
	}
}

func TestFailuresAndFatal(t *testing.T) {
	t.Run("one failure does not stop the run", func(t *testing.T) {
		w := newWorld(t, 6)
		fake := newFake(6, time.Millisecond)
		fake.fail = func(req llm.Request) error {
			if strings.Contains(req.Messages[1].Content, "of 3") && req.Messages[0].Content == "th" {
				return &llm.APIError{StatusCode: 500, Message: "boom"}
			}
			return nil
		}
		s, err := w.run(context.Background(), fake, 2, Options{}, "id", "th")
		if err != nil {
			t.Fatal(err)
		}
		if got := statuses(s); got[StatusFailed] != 1 || got[StatusOK] != 11 {
			t.Fatalf("statuses %v", got)
		}
		if r, _ := findResult(s, "d00/a003.txt", "th"); !strings.Contains(r.Error, "HTTP 500") {
			t.Errorf("failed item error %q", r.Error)
		}
		// The failure is recorded; the next run redoes exactly it.
		fake.fail = nil
		fake2 := newFake(7, 0)
		s, _ = w.run(context.Background(), fake2, 2, Options{}, "id", "th")
		if got := statuses(s); got[StatusOK] != 1 || fake2.Calls() != 3 {
			t.Fatalf("rerun statuses %v, %d calls", got, fake2.Calls())
		}
	})
	t.Run("fatal error stops scheduling", func(t *testing.T) {
		w := newWorld(t, 20)
		fake := newFake(8, 0)
		fake.fail = func(llm.Request) error { return &llm.APIError{StatusCode: 401, Message: "invalid key"} }
		s, err := w.run(context.Background(), fake, 2, Options{Parallel: 1}, "id")
		if !llm.IsFatal(err) || s.Stopped != StopFatal || !llm.IsFatal(s.Fatal) {
			t.Fatalf("err %v stopped %q", err, s.Stopped)
		}
		got := statuses(s)
		if got[StatusFailed] != 1 || got[StatusFatal] != 19 || fake.Calls() > 3 {
			t.Fatalf("statuses %v after %d calls", got, fake.Calls())
		}
	})
	t.Run("skip and read errors", func(t *testing.T) {
		w := newWorld(t, 4)
		w.docs["d00/a000.txt"] = "BINARY\x00"
		items := w.items("id")
		items = append(items, Item{Key: manifest.Key{Task: "translate", Source: "gone.txt", Lang: "id"}, Output: "gone.id.md"})
		m, _ := manifest.Open(context.Background(), w.out, manifest.Options{})
		defer m.Close()
		w.c = Limit(newFake(9, 0), 2)
		s, err := New(Options{Manifest: m}).Run(context.Background(), items, w.task())
		if err != nil {
			t.Fatal(err)
		}
		if got := statuses(s); got[StatusSkipped] != 1 || got[StatusFailed] != 1 || got[StatusOK] != 3 {
			t.Fatalf("statuses %v", got)
		}
		if s.Items[0].Error != "skipped: not a text file" {
			t.Errorf("skip reason %q", s.Items[0].Error)
		}
	})
}

func findResult(s *Summary, src, lang string) (Result, bool) {
	for _, r := range s.Items {
		if r.Source == src && r.Lang == lang {
			return r, true
		}
	}
	return Result{}, false
}

func TestCancel(t *testing.T) {
	w := newWorld(t, 30)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ended atomic.Int64
	fake := newFake(10, 0)
	fake.block = func(c context.Context, req llm.Request) error {
		if ended.Load() >= 5 {
			<-c.Done() // hangs until cancelled, like a slow endpoint
			return c.Err()
		}
		return nil
	}
	opts := Options{OnEvent: func(e Event) {
		if e.Kind == ItemEnded && e.Result.Status == StatusOK && ended.Add(1) == 5 {
			go func() {
				time.Sleep(20 * time.Millisecond)
				cancel()
			}()
		}
	}}
	s, err := w.run(ctx, fake, 4, opts, "id", "th")
	if !errors.Is(err, context.Canceled) || s.Stopped != StopCanceled {
		t.Fatalf("err %v stopped %q", err, s.Stopped)
	}
	got := statuses(s)
	if got[StatusOK] < 5 || got[StatusOK]+got[StatusCanceled] != 60 || s.Pending() != got[StatusCanceled] {
		t.Fatalf("statuses %v", got)
	}
	// Every finished item is written and recorded; nothing partial.
	files := tree(t, w.out)
	if len(files) != got[StatusOK] {
		t.Fatalf("%d files for %d finished items", len(files), got[StatusOK])
	}
	for name, content := range files {
		if strings.Contains(name, ".tmp-") || !strings.HasSuffix(content, "\n") {
			t.Errorf("partial or temporary file %s", name)
		}
	}
	// Resuming does exactly the rest.
	fake2 := newFake(11, 0)
	s, err = w.run(context.Background(), fake2, 4, Options{}, "id", "th")
	if err != nil {
		t.Fatal(err)
	}
	if st := statuses(s); st[StatusOK] != got[StatusCanceled] || st[StatusUpToDate] != got[StatusOK] || fake2.Calls() != 3*got[StatusCanceled] {
		t.Fatalf("resume statuses %v, %d calls", st, fake2.Calls())
	}
}
