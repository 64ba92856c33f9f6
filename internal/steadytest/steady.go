// Package steadytest starts Steady, the OpenAPI mock server the official
// OpenAI SDKs are tested against, for conformance tests: it answers any
// request that breaks the OpenAI specification with HTTP 400, and valid
// ones with random schema-valid bodies. Tests skip with a message when
// Steady or the specification is not available.
package steadytest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// URL returns the base URL of a running Steady: $JURU_STEADY_URL if set,
// else a Steady started from the binary named by $JURU_STEADY with the
// specification found in a shared/openai-openapi folder above the working
// folder; otherwise it skips the test.
func URL(t testing.TB) string {
	if u := os.Getenv("JURU_STEADY_URL"); u != "" {
		waitReady(t, strings.TrimRight(u, "/"), LoadTime)
		return strings.TrimRight(u, "/")
	}
	bin := os.Getenv("JURU_STEADY")
	if bin == "" {
		t.Skip("Steady not configured: set JURU_STEADY to the steady binary " +
			"(npm install --prefix DIR @stdy/cli@0.22.2; DIR/node_modules/.bin/steady) " +
			"or JURU_STEADY_URL to a running server")
	}
	spec := findSpec()
	if spec == "" {
		t.Skip("OpenAI specification not found: no shared/openai-openapi/openapi.yaml in a folder above this package")
	}
	port := freePort(t)
	logFile, err := os.Create(filepath.Join(t.TempDir(), "steady.log"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-p", strconv.Itoa(port), "--host", "127.0.0.1", "-q", spec)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// The npm launcher passes SIGTERM on to the server it starts.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start Steady: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		logFile.Close()
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitReady(t, base, LoadTime)
	return base
}

// waitReady polls GET /models until the server answers 200.
func waitReady(t testing.TB, base string, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for {
		resp, err := http.Get(base + "/models")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Steady at %s not ready after %v (last: %v)", base, limit, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// LoadTime bounds the wait for Steady to load the specification.
const LoadTime = 60 * time.Second

// findSpec looks for shared/openai-openapi/openapi.yaml in the current
// folder and every folder above it.
func findSpec() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "openai-openapi", "openapi.yaml")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
