package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/term"
)

// TestMain lets the test binary act as juru inside testscript scripts.
func TestMain(m *testing.M) {
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

// TestScripts runs the end-to-end scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:   "testdata/script",
		Setup: setupScript,
		Cmds:  scriptCmds(),
	})
}

// setupScript gives each script a clean environment.
func setupScript(e *testscript.Env) error {
	for _, k := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "JURU_MODEL", "OPENAI_API_VERSION", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_VERSION"} {
		e.Setenv(k, "")
	}
	e.Setenv("XDG_CACHE_HOME", e.WorkDir+"/.cache")
	return nil
}

// scriptCmds are the extra commands scripts may use.
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){}
}
