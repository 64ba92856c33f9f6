package main

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
)

// TestKillLoop kills juru with SIGKILL twenty times at random moments of
// a batch, resuming each time with the same command, and compares the
// final output folder with that of an uninterrupted run.
func TestKillLoop(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("kill loop: twenty child processes; skipped with -short")
	}
	root := t.TempDir()
	c := newCorpus(t, filepath.Join(root, "news"), 60, 11)
	terms, err := filepath.Abs(termsFile)
	if err != nil {
		t.Fatal(err)
	}
	srv := startMock(t, mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel}, Latency: 150 * time.Millisecond})
	vars := juruEnv(srv, fakeKey, root)
	cmdline := func(out, cache string) []string {
		return []string{"translate", "--to", strings.Join(relLangs, ","), "--glossary", terms,
			"-o", out, "--jobs", "4", "--cache-dir", cache, c.dir}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	refDir := filepath.Join(root, "reference")
	if res := runChild(ctx, t, vars, cmdline(refDir, filepath.Join(root, "refcache"))...); res.code != exitOK {
		t.Fatalf("uninterrupted run: exit code %d\n%s", res.code, tail(res.stderr, 20))
	}
	ref := readTree(t, refDir)
	refRecords := contentRecords(manifestLines(t, refDir, false))
	srv.Reset()

	out, cache := filepath.Join(root, "out"), filepath.Join(root, "cache")
	args := cmdline(out, cache)
	seed := time.Now().UnixNano()
	t.Logf("kill moments drawn with seed %d", seed)
	rng := rand.New(rand.NewSource(seed))
	kills := 0
	for i := 0; i < 20; i++ {
		before := srv.Count()
		cmd := childCmd(ctx, vars, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		// Let the batch get going, then kill it at a random moment.
		if !waitFor(exited, func() bool { return srv.Count() > before }) {
			t.Fatalf("run %d ended before sending a request: exit %d\n%s", i+1, cmd.ProcessState.ExitCode(), tail(stderr.String(), 20))
		}
		delay := time.Duration(10+rng.Intn(240)) * time.Millisecond
		select {
		case <-exited:
			t.Fatalf("run %d finished the batch before its kill (after %d kills); the batch is too short", i+1, kills)
		case <-time.After(delay):
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatalf("kill: %v", err)
		}
		<-exited
		kills++
		checkBetweenKills(t, c, out, ref, i+1)
	}

	res := runChild(ctx, t, vars, args...)
	if res.code != exitOK {
		t.Fatalf("final run: exit code %d\n%s", res.code, tail(res.stderr, 20))
	}
	got := readTree(t, out)
	for rel, b := range ref {
		if !bytes.Equal(got[rel], b) {
			t.Errorf("%s differs from the uninterrupted run", rel)
		}
	}
	for rel := range got {
		if _, ok := ref[rel]; !ok {
			t.Errorf("%s is not in the uninterrupted run's folder", rel)
		}
	}
	recs := manifestLines(t, out, false)
	if gotRecords := contentRecords(recs); gotRecords != refRecords {
		t.Errorf("manifest records differ from the uninterrupted run's:\n%s\nwant:\n%s", gotRecords, refRecords)
	}
	for _, dir := range []string{out, cache, vars["TMPDIR"]} {
		if tmp := tempFiles(t, dir); len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
	}
	if ents, _ := os.ReadDir(vars["TMPDIR"]); len(ents) > 0 {
		t.Errorf("juru left %d entries in TMPDIR", len(ents))
	}
	checkNoRepeat(t, c, c.mapRequests(t, srv.Requests()), recs)
	t.Logf("%d kills; %d requests over all runs for %d items (%d lines in the manifest)", kills, srv.Count(), len(c.items()), len(recs))
}

// waitFor polls cond until it holds, or reports false when the process
// exits first.
func waitFor(exited chan error, cond func() bool) bool {
	for !cond() {
		select {
		case err := <-exited:
			exited <- err
			return false
		case <-time.After(2 * time.Millisecond):
		}
	}
	return true
}

// checkBetweenKills checks the output folder after a kill: every output
// present is complete (the same bytes as the uninterrupted run's), every
// manifest line but a torn last one parses, and every recorded output
// is on disk as recorded.
func checkBetweenKills(t *testing.T, c *corpus, out string, ref map[string][]byte, n int) {
	t.Helper()
	for rel, b := range readTree(t, out) {
		if strings.Contains(filepath.Base(rel), ".tmp-") {
			continue // a write in progress; the next run removes it
		}
		if !bytes.Equal(b, ref[rel]) {
			t.Errorf("after kill %d: %s is partial or wrong (%d bytes, want %d)", n, rel, len(b), len(ref[rel]))
		}
	}
	for _, r := range lastRecords(manifestLines(t, out, true)) {
		if r.Output == "" {
			continue
		}
		h, err := manifest.HashFile(filepath.Join(out, filepath.FromSlash(r.Output)))
		if err != nil || h != r.OutputHash {
			t.Errorf("after kill %d: recorded output %s is not on disk as recorded: %v", n, r.Output, err)
		}
	}
}

// TestTwoRunsOneFolder starts a second juru on an output folder while a
// first one is working in it: the second waits for the first and then
// has nothing to do, or, when the first holds the folder too long,
// refuses with a message naming the folder and exit code 2. The
// manifest stays whole either way.
func TestTwoRunsOneFolder(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("two concurrent runs: waits for the lock timeout; skipped with -short")
	}
	root := t.TempDir()
	c := newCorpus(t, filepath.Join(root, "news"), 4, 5)
	// Every request waits at the gate, so that the first run holds the
	// folder until the test opens it.
	var gateMu sync.Mutex
	var gate chan struct{}
	srv := startMock(t, mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel},
		Script: func(mock.Call) mock.Fault {
			gateMu.Lock()
			g := gate
			gateMu.Unlock()
			<-g
			return mock.Fault{}
		}})
	vars := juruEnv(srv, fakeKey, root)
	out := filepath.Join(root, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	for _, tc := range []struct {
		name string
		hold time.Duration // how long the first run is kept busy
	}{
		{"second waits", time.Second},
		{"second gives up", manifest.DefaultLockTimeout + 2*time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := make(chan struct{})
			gateMu.Lock()
			gate = g
			gateMu.Unlock()
			_ = os.RemoveAll(out)
			srv.Reset()
			args := []string{"translate", "--to", "id,th", "-o", out, "--jobs", "2", "--no-cache", c.dir}
			first := startChild(ctx, t, vars, args...)
			if !waitFor(first.exited, func() bool { return srv.Count() > 0 }) {
				t.Fatalf("first run ended before sending a request:\n%s", first.stderr)
			}
			second := startChild(ctx, t, vars, args...)
			time.Sleep(tc.hold)
			close(g)
			if err := <-first.exited; err != nil {
				t.Fatalf("first run: %v\n%s", err, first.stderr)
			}
			firstDone := srv.Count()
			<-second.exited
			code := second.cmd.ProcessState.ExitCode()
			switch {
			case code == exitOK:
				if n := srv.Count() - firstDone; n != 0 {
					t.Errorf("the second run made %d requests after waiting; want none", n)
				}
				if tc.hold > manifest.DefaultLockTimeout {
					t.Errorf("the second run went ahead while the first held the folder for %s", tc.hold)
				}
			case code == exitUsage:
				msg := second.stderr.String()
				t.Logf("the second run refused: %s", strings.TrimSpace(msg))
				if !strings.Contains(msg, out) || !strings.Contains(msg, "in use") {
					t.Errorf("the second run's message does not name the folder in use:\n%s", msg)
				}
				if tc.hold < manifest.DefaultLockTimeout {
					t.Errorf("the second run refused although the first was done after %s:\n%s", tc.hold, msg)
				}
			default:
				t.Errorf("second run: exit code %d, want 0 (waited) or 2 (refused)\n%s", code, second.stderr)
			}
			lm, err := loadManifest(out)
			if err != nil || len(lm.Problems) > 0 {
				t.Fatalf("manifest: %v %v", err, lm.Problems)
			}
			if len(lm.Records) != 2*len(c.articles) {
				t.Errorf("manifest holds %d items, want %d", len(lm.Records), 2*len(c.articles))
			}
			for _, r := range lastRecords(manifestLines(t, out, false)) {
				if r.Status != manifest.StatusOK {
					t.Errorf("%s: %s %s", r.Key, r.Status, r.Error)
				}
			}
		})
	}
}

// child is juru running as a child process.
type child struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	exited chan error // receives the result of Wait
}

// startChild starts juru as a child process, collecting its stderr.
func startChild(ctx context.Context, t *testing.T, vars map[string]string, args ...string) *child {
	t.Helper()
	c := &child{cmd: childCmd(ctx, vars, args...), stderr: &syncBuffer{}, exited: make(chan error, 1)}
	c.cmd.Stderr = c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.exited <- c.cmd.Wait() }()
	return c
}
