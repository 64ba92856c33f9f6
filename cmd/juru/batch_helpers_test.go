package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
)

// batchEnv runs juru in-process against a mock with batches.
type batchEnv struct {
	t   *testing.T
	srv *mock.Server
	dir string
	mu  sync.Mutex
	env map[string]string
}

func newBatchEnv(t *testing.T, opts mock.Options) *batchEnv {
	t.Helper()
	opts.APIKey = fakeKey
	opts.Models = []string{mock.DefaultModel}
	srv := mock.New(opts)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	dir := t.TempDir()
	vars := map[string]string{
		"OPENAI_BASE_URL": srv.URL(), "OPENAI_API_KEY": fakeKey, "JURU_MODEL": mock.DefaultModel,
		"XDG_CACHE_HOME": filepath.Join(dir, "cache"), "HOME": dir,
		"JOB_COMPLETION_INDEX": "", "JOB_COMPLETIONS": "", "OPENAI_API_VERSION": "",
	}
	return &batchEnv{t: t, srv: srv, dir: dir, env: vars}
}

// path returns a path in the test folder.
func (e *batchEnv) path(rel string) string { return filepath.Join(e.dir, filepath.FromSlash(rel)) }

// juru runs the command line and returns the exit code and output.
func (e *batchEnv) juru(args ...string) (int, string, string) {
	e.t.Helper()
	start := time.Now()
	defer func() { e.t.Logf("juru %s: %s", args[0], time.Since(start)) }()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"juru"}, args...), env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		getenv: e.getenv,
	})
	if strings.Contains(out.String()+errOut.String(), fakeKey) {
		e.t.Fatalf("juru %v printed the API key", args)
	}
	return code, out.String(), errOut.String()
}

// must runs juru and fails the test unless it exits with want.
func (e *batchEnv) must(want int, args ...string) string {
	e.t.Helper()
	code, out, errOut := e.juru(args...)
	if code != want {
		e.t.Fatalf("juru %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errOut)
	}
	return errOut
}

// writeArticles writes n articles of paras paragraphs under news/, in
// four folders, some of them with glossary terms, and returns the folder.
func (e *batchEnv) writeArticles(n, paras int) string {
	e.t.Helper()
	dir := e.path("news")
	for i := range n {
		sub := fmt.Sprintf("day%d", i%4)
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			e.t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# Trade report %d\n", i)
		for k := range paras {
			fmt.Fprintf(&b, "\nExporters in the Mekong region reported %d new contracts in week %d, and officials said growth reached %d.%d percent "+
				"as ports in the south handled more containers than in any earlier season of the decade.\n", 10+i, k+1, i%9+1, k%7)
			if (i+k)%5 == 0 {
				fmt.Fprintf(&b, "\nThe China-ASEAN Expo in Nanning drew %d exhibitors under the Belt and Road Initiative.\n", 1000+10*i+k)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, sub, fmt.Sprintf("story-%08x.md", uint32(i+1)*2654435761)), []byte(b.String()), 0o644); err != nil {
			e.t.Fatal(err)
		}
	}
	return dir
}

// writeLong writes an article long enough to be summarized part by
// part, and returns its path.
func (e *batchEnv) writeLong() string {
	e.t.Helper()
	var b strings.Builder
	b.WriteString("# The long report\n")
	for k := range 40 {
		fmt.Fprintf(&b, "\nIn section %d the ministers of the region discussed %d projects, among them port number %d, "+
			"and agreed to meet again before the end of the year to review the results.\n", k+1, 20+k, 300+k)
	}
	p := e.path("long/report.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// chatRequests counts the chat requests the mock served one by one.
func (e *batchEnv) chatRequests() int { return len(e.srv.ChatRequests()) }

// tree reads every file under dir except juru's state, by relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == manifest.Dir {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree fails unless two output trees hold the same files, byte for byte.
func sameTree(t *testing.T, a, b string) int {
	t.Helper()
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) == 0 {
		t.Fatalf("%s holds no outputs", a)
	}
	for p, x := range ta {
		y, ok := tb[p]
		switch {
		case !ok:
			t.Errorf("%s is in %s but not in %s", p, a, b)
		case x != y:
			t.Errorf("%s differs:\n%s\n----\n%s", p, x, y)
		}
	}
	for p := range tb {
		if _, ok := ta[p]; !ok {
			t.Errorf("%s is in %s but not in %s", p, b, a)
		}
	}
	return len(ta)
}

// records reads the main manifest of dir, without what differs between
// equivalent runs: sequence, time and timings.
func records(t *testing.T, dir string) []string {
	t.Helper()
	f, err := os.Open(manifest.Path(dir, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := manifest.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range l.Records {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%d|%d|%d|%d|%d",
			r.Key, r.SourceHash, r.Fingerprint, r.Output, r.OutputHash, r.Status,
			r.Violations, r.Usage.PromptTokens, r.Usage.CompletionTokens, r.Requests, r.Cached, r.Attempts))
	}
	sort.Strings(out)
	return out
}

// sameRecords fails unless two folders' manifests hold equivalent records.
func sameRecords(t *testing.T, a, b string) {
	t.Helper()
	ra, rb := records(t, a), records(t, b)
	if strings.Join(ra, "\n") != strings.Join(rb, "\n") {
		t.Errorf("manifests differ:\n%s\n----\n%s", strings.Join(ra, "\n"), strings.Join(rb, "\n"))
	}
}

// stdout runs juru, fails the test unless it exits with want, and
// returns what it printed on stdout.
func (e *batchEnv) stdout(want int, args ...string) string {
	e.t.Helper()
	code, out, errOut := e.juru(args...)
	if code != want {
		e.t.Fatalf("juru %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errOut)
	}
	return out
}

// getenv reads the test's environment, guarded so that shards running
// at once may read it while the test changes it between runs.
func (e *batchEnv) getenv(k string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.env[k]
}

// setenv changes the test's environment for later runs.
func (e *batchEnv) setenv(k, v string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.env[k] = v
}
