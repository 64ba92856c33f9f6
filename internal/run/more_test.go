package run

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestDryRun(t *testing.T) {
	w := newWorld(t, 6)
	if _, err := w.run(context.Background(), newFake(1, 0), 2, Options{}, "id"); err != nil {
		t.Fatal(err)
	}
	w.docs["d00/a000.txt"] = "changed"
	fake := newFake(2, 0)
	s, err := w.run(context.Background(), fake, 2, Options{DryRun: true}, "id", "th")
	if err != nil {
		t.Fatal(err)
	}
	if fake.Calls() != 0 {
		t.Fatalf("a dry run made %d calls", fake.Calls())
	}
	got := statuses(s)
	if got[StatusEstimated] != 7 || got[StatusUpToDate] != 5 {
		t.Fatalf("statuses %v", got)
	}
	var want Estimate
	for _, r := range s.Items {
		if r.Status == StatusEstimated {
			want = want.Add(*r.Estimate)
		}
	}
	if s.Estimate != want || want.Requests != 21 {
		t.Fatalf("estimate %+v, want %+v", s.Estimate, want)
	}
	all, err := EstimateAll(w.items("id"), func(it Item) (Estimate, error) { return Estimate{Requests: 2, Cost: 0.5}, nil })
	if err != nil || all.Requests != 12 || all.Cost != 3 {
		t.Fatalf("EstimateAll %+v %v", all, err)
	}
}

// TestStages checks that a digest (stage 1) starts only after every
// stage-0 item has ended, and sees their outputs.
func TestStages(t *testing.T) {
	w := newWorld(t, 8)
	items := w.items("id")
	items = append([]Item{{Key: manifest.Key{Task: "digest", Lang: "id"}, Output: "digest.id.md", Stage: 1, Fingerprint: "d"}}, items...)
	var ended atomic.Int64
	base := w.task()
	task := base
	task.Load = func(ctx context.Context, it Item) (Source, error) {
		if it.Stage == 1 {
			return Source{Hash: "all", Value: ""}, nil
		}
		return base.Load(ctx, it)
	}
	task.Do = func(ctx context.Context, it Item, src Source) (Outcome, error) {
		if it.Stage == 1 {
			files := tree(t, w.out)
			return Outcome{Content: []byte(strings.Repeat("x", len(files)))}, nil
		}
		time.Sleep(time.Millisecond)
		defer ended.Add(1)
		return base.Do(ctx, it, src)
	}
	w.c = Limit(newFake(3, time.Millisecond), 4)
	s, err := New(Options{OutDir: w.out, Parallel: 4}).Run(context.Background(), items, task)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(w.out, "digest.id.md"))
	if s.Items[0].Status != StatusOK || len(b) != 8 {
		t.Fatalf("digest %s saw %d outputs", s.Items[0].Status, len(b))
	}
}

func TestSourceLoadedOncePerSource(t *testing.T) {
	w := newWorld(t, 5)
	w.c = Limit(newFake(4, 0), 1)
	base := w.task()
	task := base
	var mu sync.Mutex
	arrived := map[string]int{}
	gates := map[string]chan struct{}{}
	task.Do = func(ctx context.Context, it Item, src Source) (Outcome, error) {
		// Hold a source's items until all three languages have started.
		mu.Lock()
		g, ok := gates[it.Source]
		if !ok {
			g = make(chan struct{})
			gates[it.Source] = g
		}
		if arrived[it.Source]++; arrived[it.Source] == 3 {
			close(g)
		}
		mu.Unlock()
		<-g
		return base.Do(ctx, it, src)
	}
	if _, err := New(Options{OutDir: w.out, Parallel: 3}).Run(context.Background(), w.items("id", "th", "vi"), task); err != nil {
		t.Fatal(err)
	}
	if n := w.loads.Load(); n != 5 {
		t.Fatalf("%d loads for 5 sources", n)
	}
}

func TestNoKeyInArtefacts(t *testing.T) {
	const key = "sk-juru-test-FAKEKEY-8d41"
	w := newWorld(t, 4)
	fake := newFake(5, 0)
	fake.fail = func(req llm.Request) error {
		if req.Messages[0].Content == "th" {
			// An endpoint error as the adapter reports it: never with the key.
			return &llm.APIError{StatusCode: 500, Message: "upstream failed"}
		}
		return nil
	}
	// The key lives only in the endpoint's configuration.
	endpoint := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		_ = "Bearer " + key
		return fake.Complete(ctx, req)
	})
	s, err := w.run(context.Background(), endpoint, 2, Options{}, "id", "th")
	if err != nil {
		t.Fatal(err)
	}
	var rep, table bytes.Buffer
	WriteReport(&rep, s)
	WriteTable(&table, s)
	found := 0
	filepath.Walk(w.out, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			found++
			if bytes.Contains(b, []byte("FAKEKEY")) {
				t.Errorf("%s holds the key", p)
			}
		}
		return nil
	})
	if found < 5 || bytes.Contains(rep.Bytes(), []byte("FAKEKEY")) || bytes.Contains(table.Bytes(), []byte("FAKEKEY")) {
		t.Fatalf("key in report or table, or nothing searched (%d files)", found)
	}
}

func TestReport(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	s := &Summary{
		Started: t0, Elapsed: 65 * time.Second, Usage: llm.Usage{PromptTokens: 1200, CompletionTokens: 900},
		Cost: 0.01234, Requests: 7, Cached: 2, Attempts: 8, Stopped: StopBudget,
		Items: []Result{
			{Key: manifest.Key{Task: "translate", Source: "a.txt", Lang: "id"}, Output: "a.id.md", Status: StatusOK,
				Usage: llm.Usage{PromptTokens: 1200, CompletionTokens: 900}, Cost: 0.01234, Requests: 7, Cached: 2, Attempts: 8,
				Started: t0, Load: 3 * time.Millisecond, Run: 4 * time.Second},
			{Key: manifest.Key{Task: "translate", Source: "b.txt", Lang: "id"}, Output: "b.id.md", Status: StatusViolations, Violations: 2},
			{Key: manifest.Key{Task: "translate", Source: "c.txt", Lang: "id"}, Output: "c.id.md", Status: StatusFailed, Error: "endpoint answered HTTP 500: boom"},
			{Key: manifest.Key{Task: "translate", Source: "d.txt", Lang: "id"}, Output: "d.id.md", Status: StatusBudget, Estimate: &Estimate{Requests: 3, Cost: 0.5}},
		},
	}
	var table, rep bytes.Buffer
	if err := WriteTable(&table, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(&rep, s); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.golden", table.Bytes())
	golden(t, "report.golden.json", rep.Bytes())
	var back Report
	if err := json.Unmarshal(rep.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Items) != 4 || back.Counts[StatusFailed] != 1 || back.Items[0].RunMS != 4000 || back.Items[1].Violations != 2 {
		t.Fatalf("report read back %+v", back)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestProgress(t *testing.T) {
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	snap := Snapshot{Total: 400, Done: 100, Failed: 2, InFlight: 16, Usage: llm.Usage{PromptTokens: 120000, CompletionTokens: 3400},
		Cost: 0.4321, Cached: 3, ETA: 75 * time.Second}
	t.Run("plain", func(t *testing.T) {
		var b bytes.Buffer
		p := &Progress{W: &b, Every: 5 * time.Second, Now: clock}
		for i := 0; i < 12; i++ { // 12 updates, one a second
			p.Update(snap)
			now = now.Add(time.Second)
		}
		p.Finish(snap)
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != 4 || strings.Contains(b.String(), "\r") {
			t.Fatalf("%d lines:\n%s", len(lines), b.String())
		}
		want := "100/400 items, 2 failed | 16 in flight | 123.4k tokens | $0.4321 | 3 cached | ETA 1m15s"
		if lines[0] != want {
			t.Errorf("line %q\nwant %q", lines[0], want)
		}
	})
	t.Run("live", func(t *testing.T) {
		var b bytes.Buffer
		p := &Progress{W: &b, Live: true, Width: 200, Now: clock}
		p.Update(snap)
		now = now.Add(time.Second)
		short := Snapshot{Total: 400, Done: 400}
		p.Update(short)
		p.Finish(short)
		parts := strings.Split(b.String(), "\r")
		if len(parts) != 4 || !strings.HasSuffix(b.String(), "\n") {
			t.Fatalf("output %q", b.String())
		}
		if !strings.HasPrefix(parts[1], "[=====               ] 100/400") {
			t.Errorf("bar %q", parts[1])
		}
		if len(parts[2]) != len(parts[1]) {
			t.Errorf("a shorter line must blank the longer one: %q after %q", parts[2], parts[1])
		}
	})
}

func TestStaleTempsRemoved(t *testing.T) {
	w := newWorld(t, 2)
	dir := filepath.Join(w.out, "d00")
	os.MkdirAll(dir, 0o755)
	stale := filepath.Join(dir, ".a000.id.md.tmp-12345")
	other := filepath.Join(dir, ".a*.id.md.tmp-1") // not a temporary of a000.id.md
	os.WriteFile(stale, []byte("half"), 0o644)
	os.WriteFile(other, []byte("x"), 0o644)
	if _, err := w.run(context.Background(), newFake(1, 0), 2, Options{}, "id"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file left")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file that only looks alike was removed")
	}
}

func TestTempFor(t *testing.T) {
	for name, want := range map[string]string{
		".a000.id.md.tmp-12345": "a000.id.md",
		".a.tmp-b.md.tmp-9":     "a.tmp-b.md",
		".a*.id.md.tmp-1":       "a*.id.md",
		"a000.id.md.tmp-12345":  "",
		".tmp-1":                "",
		".a000.id.md":           "",
	} {
		got, ok := tempFor(name)
		if got != want || ok != (want != "") {
			t.Errorf("tempFor(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestStaleTempsReadsEachFolderOnce(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".a.md.tmp-1", ".a.md.tmp-2", ".b.md.tmp-3", "c.md"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var s staleTemps
	got := s.take(dir, "a.md")
	slices.Sort(got)
	if want := []string{filepath.Join(dir, ".a.md.tmp-1"), filepath.Join(dir, ".a.md.tmp-2")}; !slices.Equal(got, want) {
		t.Errorf("take a.md = %q, want %q", got, want)
	}
	if got := s.take(dir, "a.md"); len(got) != 0 {
		t.Errorf("a second take of a.md = %q", got)
	}
	// the folder is not read again: b.md's temporary is known already
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if got := s.take(dir, "b.md"); len(got) != 1 || got[0] != filepath.Join(dir, ".b.md.tmp-3") {
		t.Errorf("take b.md = %q", got)
	}
	if got := s.take(filepath.Join(dir, "missing"), "x.md"); len(got) != 0 {
		t.Errorf("take in a missing folder = %q", got)
	}
}
