package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/steadytest"
)

// TestJuruAgainstSteady runs juru translate and summarize end to end
// against Steady, the mock server that checks every request against the
// official OpenAI specification (answering 400 to an invalid one) and
// answers with random schema-valid bodies: odd finish reasons, a refusal
// set, choices at a non-zero index. Every request juru sends must be
// valid, and every answer must end in a documented exit code with a clear
// message, never a panic.
func TestJuruAgainstSteady(t *testing.T) {
	if testing.Short() {
		t.Skip("conformance test against Steady skipped with -short")
	}
	base := steadytest.URL(t)
	dir := t.TempDir()
	article := filepath.Join("..", "..", "testdata", "news", "asean", "expo-nanning.md")
	terms := filepath.Join("..", "..", "testdata", "glossary", "asean.csv")
	common := []string{"--base-url", base, "--api-key", fakeKey, "--model", "gpt-4o-mini", "--no-cache", "--max-retries", "0"}
	runs := [][]string{
		{"translate", "--to", "id", "-g", terms, article},
		{"translate", "--to", "th,vi", "-g", terms, "--seed", "7", "-o", filepath.Join(dir, "out"), article},
		{"translate", "--to", "km", "--temperature", "0.3", "--chunk-tokens", "60", article},
		{"summarize", "--to", "id", "--style", "bullets", "-g", terms, article},
	}
	for i := 0; i < 12; i++ {
		args := append(append([]string{"juru", runs[i%len(runs)][0]}, common...), runs[i%len(runs)][1:]...)
		t.Run(fmt.Sprintf("%d-%s", i, runs[i%len(runs)][0]), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), args, env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
				getenv: func(string) string { return "" }, stdoutTTY: i%2 == 1,
			})
			switch code {
			case exitOK, exitViolations, exitEndpoint, exitPartial:
			default:
				t.Fatalf("exit code %d\n%s", code, stderr.String())
			}
			if strings.Contains(stderr.String(), "HTTP 400") {
				t.Fatalf("Steady rejected a request juru sent as invalid:\n%s", stderr.String())
			}
			if code != exitOK && !strings.Contains(stderr.String(), "juru: ") && code != exitViolations {
				t.Errorf("exit code %d without a message:\n%s", code, stderr.String())
			}
			if strings.Contains(stdout.String()+stderr.String(), fakeKey) {
				t.Error("the key was printed")
			}
		})
	}
}
