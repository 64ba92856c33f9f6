package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
	batchrun "github.com/juru-cli/juru/internal/run"
)

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// outcome is how one juru run ended.
type outcome struct {
	code           int
	stdout, stderr string
	// maxRSS is the child's peak resident set in bytes, as far as it
	// could be watched (children only).
	maxRSS int64
}

// juruEnv is the environment of a juru run against srv: the key, the
// base URL, the model, and a home and cache under root.
func juruEnv(srv *mock.Server, key, root string) map[string]string {
	return map[string]string{
		"OPENAI_API_KEY":  key,
		"OPENAI_BASE_URL": srv.URL(),
		"JURU_MODEL":      mock.DefaultModel,
		"HOME":            filepath.Join(root, "home"),
		"XDG_CACHE_HOME":  filepath.Join(root, "home", ".cache"),
		"TMPDIR":          filepath.Join(root, "tmp"),
	}
}

// runIn runs juru in this process with the given environment. Flags
// that urfave/cli reads from the process environment (base URL, model)
// are passed as flags after the command name instead.
func runIn(ctx context.Context, vars map[string]string, args ...string) outcome {
	var stdout, stderr syncBuffer
	argv := []string{"juru", args[0]}
	if u := vars["OPENAI_BASE_URL"]; u != "" {
		argv = append(argv, "--base-url", u)
	}
	if m := vars["JURU_MODEL"]; m != "" {
		argv = append(argv, "--model", m)
	}
	argv = append(argv, args[1:]...)
	code := run(ctx, argv, env{
		stdin:  strings.NewReader(""),
		stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string { return vars[k] },
	})
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// childCmd returns juru as a child process (this test binary, see
// TestMain) with only the given environment, PATH and what the Go race
// detector reads.
func childCmd(ctx context.Context, vars map[string]string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = []string{"JURU_TEST_AS_MAIN=1", "PATH=" + os.Getenv("PATH")}
	if v, ok := os.LookupEnv("GORACE"); ok {
		cmd.Env = append(cmd.Env, "GORACE="+v)
	}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	for _, k := range []string{"HOME", "TMPDIR"} {
		if d := vars[k]; d != "" {
			_ = os.MkdirAll(d, 0o755)
		}
	}
	return cmd
}

// runChild runs juru as a child process to its end.
func runChild(ctx context.Context, t testing.TB, vars map[string]string, args ...string) outcome {
	t.Helper()
	cmd := childCmd(ctx, vars, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start juru: %v", err)
	}
	peak := watchRSS(cmd.Process.Pid)
	_ = cmd.Wait()
	return outcome{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String(), maxRSS: peak()}
}

// watchRSS follows the peak resident set (VmHWM) of a running process
// until it exits; the function it returns stops watching and gives the
// last peak read, in bytes (zero where /proc is missing). The peak that
// wait4 reports (ProcessState.SysUsage) is no use here: Go starts
// children sharing the parent's memory until exec, so it counts the
// test process's own size.
func watchRSS(pid int) func() int64 {
	var peak atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	status := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		defer close(done)
		for {
			if b, err := os.ReadFile(status); err == nil {
				for _, l := range strings.Split(string(b), "\n") {
					if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
						if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil && kb*1024 > peak.Load() {
							peak.Store(kb * 1024)
						}
					}
				}
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak.Load()
	}
}

// manifestLines reads every record of an output folder's manifest in
// the order written, failing on a line that does not parse unless
// torn is allowed for the last one.
func manifestLines(t testing.TB, outDir string, allowTorn bool) []manifest.Record {
	t.Helper()
	f, err := os.Open(manifest.Path(outDir, ""))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []manifest.Record
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, manifest.MaxLine)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		var r manifest.Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			if allowTorn && i == len(lines)-1 {
				continue
			}
			t.Errorf("manifest line %d does not parse: %v: %q", i+1, err, l)
			continue
		}
		out = append(out, r)
	}
	return out
}

// lastRecords keeps the last record of each key.
func lastRecords(recs []manifest.Record) map[manifest.Key]manifest.Record {
	out := map[manifest.Key]manifest.Record{}
	for _, r := range recs {
		out[r.Key] = r
	}
	return out
}

// writtenAt returns, for each key, when its first record with an output
// was appended.
func writtenAt(recs []manifest.Record) map[manifest.Key]time.Time {
	out := map[manifest.Key]time.Time{}
	for _, r := range recs {
		if r.Status == manifest.StatusFailed {
			continue
		}
		if _, ok := out[r.Key]; !ok {
			out[r.Key] = r.Time
		}
	}
	return out
}

// contentRecords renders the last records of a manifest without
// timings or accounting (usage, requests, cache hits, attempts), which
// depend on how the work was split between runs, one line per key.
func contentRecords(recs []manifest.Record) string {
	last := lastRecords(recs)
	keys := make([]manifest.Key, 0, len(last))
	for k := range last {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	var b strings.Builder
	for _, k := range keys {
		r := last[k]
		line, _ := json.Marshal(struct {
			Key                               manifest.Key
			SourceHash, Fingerprint           string
			Output, OutputHash, Status, Error string
			Violations                        int
		}{r.Key, r.SourceHash, r.Fingerprint, r.Output, r.OutputHash, string(r.Status), r.Error, r.Violations})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// readReport reads a --report file.
func readReport(t testing.TB, p string) batchrun.Report {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var r batchrun.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report %s: %v", p, err)
	}
	return r
}

// startMock starts a mock endpoint for the test.
func startMock(t testing.TB, opts mock.Options) *mock.Server {
	t.Helper()
	srv := mock.New(opts)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	return srv
}
