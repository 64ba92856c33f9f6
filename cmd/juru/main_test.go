package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/term"

	"github.com/juru-cli/juru/internal/mock"
)

// TestMain lets the test binary act as juru inside testscript scripts,
// and as a plain juru process when JURU_TEST_AS_MAIN=1 (for tests that
// start juru as a child process, for example to kill it).
func TestMain(m *testing.M) {
	if os.Getenv("JURU_TEST_AS_MAIN") == "1" {
		main()
		return
	}
	testscript.Main(m, map[string]func(){
		"juru": func() {
			ctx, stop := interruptContext()
			code := run(ctx, os.Args, env{
				stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
				stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
				stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
			})
			stop()
			os.Exit(code)
		},
	})
}

// fakeKey is the API key scripts use; no output may ever contain it.
const fakeKey = "sk-juru-test-KEY-4f9c2a7e"

// TestScripts runs the end-to-end scripts in testdata/script, each
// against its own mock endpoint.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:   "testdata/script",
		Setup: func(e *testscript.Env) error { return setupScript(e, testdata) },
		Cmds:  scriptCmds(),
	})
}

// scriptMock is a script's mock endpoint and the fault it injects.
type scriptMock struct {
	srv   *mock.Server
	mu    sync.Mutex
	fault string
}

// script chooses the fault the script asked for with "mock fault".
func (m *scriptMock) script(c mock.Call) mock.Fault {
	m.mu.Lock()
	f := m.fault
	m.mu.Unlock()
	switch f {
	case "drop-terms-first":
		return mock.FirstAttemptDropsTerms()(c)
	case "corrupt-terms-always":
		return mock.Fault{Kind: mock.CorruptTerms}
	case "500-always":
		return mock.Fault{Kind: mock.ServerError}
	case "429-once":
		if c.N == 1 {
			return mock.Fault{Kind: mock.RateLimited, RetryAfter: 1}
		}
	case "refusal":
		return mock.Fault{Kind: mock.Refusal}
	}
	return mock.Fault{}
}

type mockKey struct{}

// setupScript gives each script a clean environment and its own mock.
func setupScript(e *testscript.Env, testdata string) error {
	for _, k := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "JURU_MODEL", "OPENAI_API_VERSION",
		"AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_VERSION", "JOB_COMPLETION_INDEX", "JOB_COMPLETIONS"} {
		e.Setenv(k, "")
	}
	e.Setenv("XDG_CACHE_HOME", filepath.Join(e.WorkDir, ".cache"))
	e.Setenv("HOME", e.WorkDir)
	e.Setenv("TESTDATA", testdata)
	m := &scriptMock{}
	m.srv = mock.New(mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel}, Script: m.script})
	if err := m.srv.Start(); err != nil {
		return err
	}
	e.Defer(m.srv.Stop)
	e.Values[mockKey{}] = m
	e.Setenv("MOCK_URL", m.srv.URL())
	e.Setenv("FAKE_KEY", fakeKey)
	return nil
}

// scriptCmds are the extra commands scripts may use:
//
//	mock fault NAME        inject a fault from now on (see scriptMock.script)
//	mock requests N        assert the number of chat requests so far
//	mock requests >N       assert more than N chat requests
//	mock sent REGEXP       assert some chat request body matches
//	mock every REGEXP      assert every chat request body matches
//	mock reset             forget the requests so far
//	nokey FILE...          assert no file under the work folder holds the key
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"mock":  cmdMock,
		"nokey": cmdNoKey,
	}
}

func cmdMock(ts *testscript.TestScript, neg bool, args []string) {
	m := ts.Value(mockKey{}).(*scriptMock)
	if len(args) < 1 {
		ts.Fatalf("usage: mock fault|requests|sent|every|reset ...")
	}
	reqs := m.srv.ChatRequests()
	switch args[0] {
	case "fault":
		m.mu.Lock()
		m.fault = args[1]
		m.mu.Unlock()
	case "reset":
		m.srv.Reset()
	case "requests":
		want := args[1]
		got := len(reqs)
		ok := false
		if n, err := strconv.Atoi(strings.TrimPrefix(want, ">")); err != nil {
			ts.Fatalf("mock requests: bad count %q", want)
		} else if strings.HasPrefix(want, ">") {
			ok = got > n
		} else {
			ok = got == n
		}
		if ok == neg {
			ts.Fatalf("mock: %d chat requests, want %s%s", got, map[bool]string{true: "not ", false: ""}[neg], want)
		}
	case "sent", "every":
		re := regexp.MustCompile(args[1])
		n := 0
		for _, r := range reqs {
			if re.Match(r.Body) {
				n++
			}
		}
		ok := n > 0
		if args[0] == "every" {
			ok = n == len(reqs) && n > 0
		}
		if ok == neg {
			ts.Fatalf("mock %s %q: %d of %d requests match", args[0], args[1], n, len(reqs))
		}
	default:
		ts.Fatalf("mock: unknown subcommand %q", args[0])
	}
}

// cmdNoKey fails if any file under the work folder, or stdout/stderr of
// the last command, holds the fake key.
func cmdNoKey(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("nokey does not support !")
	}
	root := ts.MkAbs(".")
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), fakeKey) {
			return fmt.Errorf("%s holds the API key", p)
		}
		return nil
	})
	if err != nil {
		ts.Fatalf("%v", err)
	}
	for _, s := range []string{ts.ReadFile("stdout"), ts.ReadFile("stderr")} {
		if strings.Contains(s, fakeKey) {
			ts.Fatalf("the last command printed the API key")
		}
	}
}
