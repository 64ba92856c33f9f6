package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/openai"
)

// leakKey returns a recognisable fake key, different on every run.
func leakKey(t *testing.T) string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "sk-proj-LEAKCANARY" + hex.EncodeToString(b)
}

// keyForms are the ways a key could show up: whole, its secret part,
// and encoded as HTTP clients and dumps encode it.
func keyForms(key string) []string {
	return []string{
		key,
		strings.TrimPrefix(key, "sk-proj-"),
		key[len(key)-16:],
		base64.StdEncoding.EncodeToString([]byte(key)),
		base64.StdEncoding.EncodeToString([]byte("Bearer " + key)),
		base64.StdEncoding.EncodeToString([]byte(":" + key)),
		url.QueryEscape(key),
	}
}

// leakPhase is one run of the key-leak test: its command line and the
// fault every request meets.
type leakPhase struct {
	name  string
	args  []string
	fault func(mock.Call) mock.Fault
	// codes are the exit codes the run may end with.
	codes []int
}

// TestKeyNeverLeaks runs full batches with --verbose, --debug, a report,
// the cache, failures (500s, a refusal, a 401, a wrong key) and searches
// everything they produced for the key: stdout, stderr, reports,
// manifests, outputs, cache files, the home and temporary folders.
func TestKeyNeverLeaks(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("key leak: several child runs; skipped with -short")
	}
	key := leakKey(t)
	root := t.TempDir()
	c := newCorpus(t, filepath.Join(root, "news"), 6, 3)
	terms, err := filepath.Abs(termsFile)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var fault func(mock.Call) mock.Fault
	srv := startMock(t, mock.Options{APIKey: key, Models: []string{mock.DefaultModel},
		Script: func(call mock.Call) mock.Fault {
			mu.Lock()
			f := fault
			mu.Unlock()
			if f == nil {
				return mock.Fault{}
			}
			return f(call)
		}})
	vars := juruEnv(srv, key, root)
	out, report, cache := filepath.Join(root, "out"), filepath.Join(root, "report.json"), filepath.Join(root, "cache")
	refused := c.articles[1].marker
	batch := func(extra ...string) []string {
		a := []string{"translate", "--to", "id,th,vi", "--glossary", terms, "-o", out, "--report", report,
			"--cache-dir", cache, "--verbose", "--debug", "--max-retries", "1"}
		return append(append(a, extra...), c.dir)
	}
	phases := []leakPhase{
		{name: "500s and a refusal", args: batch(), codes: []int{exitPartial},
			fault: func(call mock.Call) mock.Fault {
				switch {
				case call.Spec != nil && strings.Contains(call.Spec.Document, refused) && call.Spec.To.Code == "th":
					return mock.Fault{Kind: mock.Refusal}
				case call.N%3 == 0:
					return mock.Fault{Kind: mock.ServerError}
				}
				return mock.Fault{}
			}},
		{name: "401 on every request", args: batch("--force"), codes: []int{exitEndpoint},
			fault: func(mock.Call) mock.Fault { return mock.Fault{Kind: mock.Status, Status: 401} }},
		{name: "resume", args: batch(), codes: []int{exitOK}},
		{name: "dry run", args: batch("--force", "--dry-run"), codes: []int{exitOK}},
		{name: "json records", args: batch("--force", "--format", "json", "--no-cache"), codes: []int{exitOK}},
		{name: "stdout", args: []string{"translate", "--to", "th", "--glossary", terms, "--debug", "--no-cache",
			filepath.Join(c.dir, filepath.FromSlash(c.articles[0].rel))}, codes: []int{exitOK}},
		{name: "key as a flag", args: append([]string{"translate", "--api-key", key, "--to", "vi", "-o", filepath.Join(root, "out2"),
			"--verbose", "--debug", "--no-cache"}, c.dir), codes: []int{exitOK}},
	}
	if hasCommand("summarize") {
		phases = append(phases, leakPhase{name: "summarize", codes: []int{exitOK, exitPartial},
			args: []string{"summarize", "--to", "id,th", "--style", "short", "-o", filepath.Join(root, "summaries"),
				"--report", filepath.Join(root, "summaries.json"), "--cache-dir", cache, "--verbose", "--debug", c.dir},
			fault: func(call mock.Call) mock.Fault {
				if call.N%4 == 0 {
					return mock.Fault{Kind: mock.ServerError}
				}
				return mock.Fault{}
			}})
	} else {
		t.Log("juru has no summarize command yet: its phase is left out")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var streams []string
	for _, p := range phases {
		mu.Lock()
		fault = p.fault
		mu.Unlock()
		before := srv.Count()
		res := runChild(ctx, t, vars, p.args...)
		if !containsInt(p.codes, res.code) {
			t.Errorf("%s: exit code %d, want one of %v\n%s", p.name, res.code, p.codes, tail(res.stderr, 15))
		}
		if srv.Count() == before && !strings.Contains(p.name, "dry run") && !strings.Contains(p.name, "resume") {
			t.Errorf("%s: no request reached the endpoint", p.name)
		}
		streams = append(streams, p.name+" stdout\x00"+res.stdout, p.name+" stderr\x00"+res.stderr)
	}
	// A wrong key: the endpoint answers 401 itself.
	wrong := juruEnv(srv, key[:len(key)-4]+"0000", root)
	res := runChild(ctx, t, wrong, batch("--force", "--no-cache")...)
	if res.code != exitEndpoint || !strings.Contains(res.stderr, "401") {
		t.Errorf("wrong key: exit code %d, want 3 with the 401 reported\n%s", res.code, tail(res.stderr, 10))
	}
	streams = append(streams, "wrong key stdout\x00"+res.stdout, "wrong key stderr\x00"+res.stderr)

	if !strings.Contains(streams[1], "/chat/completions") || !strings.Contains(strings.ToLower(streams[1]), "authorization") {
		t.Errorf("--debug dumped no request with its Authorization header; the search below would prove little")
	}
	wrongForms := keyForms(key[:len(key)-4] + "0000")
	forms := append(keyForms(key), wrongForms[0], wrongForms[3])
	for _, s := range streams {
		name, text, _ := strings.Cut(s, "\x00")
		for _, f := range forms {
			if strings.Contains(text, f) {
				t.Errorf("%s holds the key (as %q)", name, f)
			}
		}
	}
	files := 0
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, f := range forms {
			if strings.Contains(string(b), f) {
				t.Errorf("%s holds the key (as %q)", p, f)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("searched %d output streams and %d files for the key", len(streams), files)
}

// hasCommand reports whether juru has a command of that name.
func hasCommand(name string) bool {
	a := &app{env: env{getenv: func(string) string { return "" }}, langs: lang.New()}
	return a.cli().Command(name) != nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// TestKeyNotPrinted formats the values that hold a key, the way a panic,
// a log line or an error built with %v would.
func TestKeyNotPrinted(t *testing.T) {
	key := leakKey(t)
	cfg := openai.Config{APIKey: key, BaseURL: "http://127.0.0.1:1/v1", Model: "m", Headers: map[string]string{"X-Api-Key": key}}
	client, err := openai.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"openai.Config":   cfg,
		"*openai.Config":  &cfg,
		"*openai.Client":  client,
		"openai.Client":   *client,
		"[]openai.Config": []openai.Config{cfg},
	}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			if s := fmt.Sprintf(verb, v); strings.Contains(s, key) {
				t.Errorf("fmt.Sprintf(%q, %s) holds the key: %s", verb, name, s)
			}
		}
	}
	// A panic with such a value prints it with %v, after "panic: ".
	func() {
		defer func() {
			if s := fmt.Sprint(recover()); strings.Contains(s, key) {
				t.Errorf("a panic with the client prints the key: %s", s)
			}
		}()
		panic(client)
	}()
}
