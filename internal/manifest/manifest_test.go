package manifest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func open(t testing.TB, dir string) *Manifest {
	t.Helper()
	m, err := Open(context.Background(), dir, Options{})
	must(t, err)
	t.Cleanup(func() { m.Close() })
	return m
}

func rec(task, src, lang string) Record {
	return Record{Key: Key{Task: task, Source: src, Lang: lang}, SourceHash: "s", Fingerprint: "f", Status: StatusOK,
		Usage: llm.Usage{PromptTokens: 3, CompletionTokens: 4}, Requests: 1, Attempts: 1}
}

func TestLoadTorn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "torn.jsonl"))
	must(t, err)
	l, err := Load(bytes.NewReader(data))
	must(t, err)
	if len(l.Records) != 2 || l.Seq != 3 {
		t.Fatalf("records %d seq %d", len(l.Records), l.Seq)
	}
	th := l.Records[Key{"translate", "a.txt", "th"}]
	if th.Status != StatusViolations || th.Violations != 1 || th.Seq != 3 {
		t.Errorf("last record per key not kept: %+v", th)
	}
	if len(l.Problems) != 1 || !l.Problems[0].Torn || l.Problems[0].Line != 5 || !l.TornTail {
		t.Errorf("problems %+v", l.Problems)
	}
	if want := int64(bytes.LastIndexByte(data, '\n') + 1); l.Complete != want {
		t.Errorf("complete %d, want %d", l.Complete, want)
	}
}

func TestOpenRepairsTornTail(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "torn.jsonl"))
	must(t, err)
	must(t, os.MkdirAll(filepath.Join(dir, Dir), 0o755))
	must(t, os.WriteFile(Path(dir, ""), data, 0o644))
	m := open(t, dir)
	if p := m.Problems(); len(p) != 1 || !strings.Contains(p[0].String(), "torn") {
		t.Fatalf("problems %v", p)
	}
	r, err := m.Append(rec("summarize", "b.md", "vi"))
	must(t, err)
	if r.Seq != 4 {
		t.Errorf("seq %d, want 4", r.Seq)
	}
	must(t, m.Close())
	m2 := open(t, dir)
	if p := m2.Problems(); len(p) != 0 {
		t.Fatalf("problems after repair %v", p)
	}
	if len(m2.Records()) != 3 {
		t.Fatalf("records %v", m2.Records())
	}
}

func TestOpenEndsValidTail(t *testing.T) {
	dir := t.TempDir()
	m := open(t, dir)
	_, err := m.Append(rec("translate", "a.txt", "id"))
	must(t, err)
	must(t, m.Close())
	data, _ := os.ReadFile(Path(dir, ""))
	must(t, os.WriteFile(Path(dir, ""), bytes.TrimSuffix(data, []byte("\n")), 0o644))
	m2 := open(t, dir)
	_, err = m2.Append(rec("translate", "b.txt", "id"))
	must(t, err)
	must(t, m2.Close())
	m3 := open(t, dir)
	if len(m3.Records()) != 2 || len(m3.Problems()) != 0 {
		t.Fatalf("records %d problems %v", len(m3.Records()), m3.Problems())
	}
}

func TestConcurrentAppends(t *testing.T) {
	dir := t.TempDir()
	m := open(t, dir)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				_, err := m.Append(rec("translate", fmt.Sprintf("g%d/%d.txt", g, i), "id"))
				if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	must(t, m.Close())
	data, _ := os.ReadFile(Path(dir, ""))
	l, err := Load(bytes.NewReader(data))
	must(t, err)
	if len(l.Records) != 200 || l.Seq != 200 || len(l.Problems) != 0 {
		t.Fatalf("records %d seq %d problems %v", len(l.Records), l.Seq, l.Problems)
	}
	seen := map[int64]bool{}
	for _, r := range l.Records {
		if seen[r.Seq] {
			t.Fatalf("seq %d twice", r.Seq)
		}
		seen[r.Seq] = true
	}
}

func TestCompact(t *testing.T) {
	dir := t.TempDir()
	m := open(t, dir)
	for i := 0; i < 5; i++ {
		for _, l := range []string{"th", "id"} {
			r := rec("translate", "a.txt", l)
			r.Requests = i
			_, err := m.Append(r)
			must(t, err)
		}
	}
	must(t, m.Compact())
	_, err := m.Append(rec("digest", "", "id"))
	must(t, err)
	must(t, m.Close())
	data, _ := os.ReadFile(Path(dir, ""))
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines after compaction and one append:\n%s", len(lines), data)
	}
	var keys []string
	for _, ln := range lines[:2] {
		var r Record
		must(t, json.Unmarshal([]byte(ln), &r))
		if r.Requests != 4 {
			t.Errorf("compaction kept an older record: %+v", r)
		}
		keys = append(keys, r.Key.String())
	}
	if want := []string{"translate a.txt id", "translate a.txt th"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("order %q, want %q", keys, want)
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	m := open(t, dir)
	_, err := Open(context.Background(), dir, Options{LockTimeout: 150 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second open: %v", err)
	}
	if le.PID != os.Getpid() || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), fmt.Sprint(os.Getpid())) {
		t.Errorf("error %q does not name folder and pid", err)
	}
	// A waiting run gets the folder once the first one closes.
	go func() {
		time.Sleep(100 * time.Millisecond)
		m.Close()
	}()
	m2, err := Open(context.Background(), dir, Options{LockTimeout: time.Minute})
	must(t, err)
	must(t, m2.Close())
}

func TestLockCancelled(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, dir, Options{LockTimeout: time.Minute})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestBadShardName(t *testing.T) {
	_, err := Open(context.Background(), t.TempDir(), Options{Shard: "../x"})
	if err == nil {
		t.Fatal("no error")
	}
}
