package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// fakeKey is a recognisable API key that the fake endpoint holds, as an
// adapter would; it must never reach the cache files.
const fakeKey = "sk-juru-test-FAKEKEY-3f9c1d2e7a"

// endpoint is a fake Completer that answers with the reversed last
// message and counts calls.
type endpoint struct {
	key   string
	calls atomic.Int64
	delay time.Duration
	fail  func(req llm.Request) (llm.Response, error)
}

func (e *endpoint) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	e.calls.Add(1)
	if e.key == "" {
		return llm.Response{}, errors.New("no key")
	}
	if e.delay > 0 {
		select {
		case <-time.After(e.delay):
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		}
	}
	if e.fail != nil {
		if r, err := e.fail(req); err != nil || llm.CheckAnswer(r) != nil {
			return r, err
		}
	}
	last := req.Messages[len(req.Messages)-1].Content
	return llm.Response{Content: "answer to " + last, FinishReason: "stop", Model: req.Model,
		Usage: llm.Usage{PromptTokens: len(last), CompletionTokens: 7}, Attempts: 2}, nil
}

func req(text string) llm.Request {
	return llm.Request{Model: "gpt-4o-mini", Messages: []llm.Message{{Role: llm.System, Content: "translate"}, {Role: llm.User, Content: text}}}
}

func TestHitMiss(t *testing.T) {
	ep := &endpoint{key: fakeKey}
	c := New(t.TempDir(), ep, Options{Namespace: "http://localhost:1/v1"})
	ctx := context.Background()
	r1, err := c.Complete(ctx, req("hello"))
	if err != nil || r1.Cached || r1.Attempts != 2 {
		t.Fatalf("first: %+v %v", r1, err)
	}
	var streamed strings.Builder
	rq := req("hello")
	rq.Stream = func(d string) { streamed.WriteString(d) }
	r2, err := c.Complete(ctx, rq)
	if err != nil || !r2.Cached || r2.Attempts != 0 || r2.Content != r1.Content || r2.Usage != r1.Usage {
		t.Fatalf("second: %+v %v", r2, err)
	}
	if streamed.String() != r1.Content {
		t.Errorf("a hit streams the whole answer once, got %q", streamed.String())
	}
	if ep.calls.Load() != 1 {
		t.Errorf("endpoint called %d times", ep.calls.Load())
	}
	if s := c.Stats(); s.Hits != 1 || s.Misses != 1 || s.Stores != 1 {
		t.Errorf("stats %+v", s)
	}
}

func TestKeyCoversTheRequest(t *testing.T) {
	c := New(t.TempDir(), nil, Options{Namespace: "a"})
	t0, t1 := float32(0), float32(0.2)
	s1, s2 := 1, 2
	base := req("x")
	vary := map[string]func(r *llm.Request){
		"model":   func(r *llm.Request) { r.Model = "gpt-4o" },
		"content": func(r *llm.Request) { r.Messages = []llm.Message{r.Messages[0], {Role: llm.User, Content: "y"}} },
		"role":    func(r *llm.Request) { r.Messages = []llm.Message{r.Messages[0], {Role: llm.Assistant, Content: "x"}} },
		"extra turn": func(r *llm.Request) {
			r.Messages = append(append([]llm.Message{}, r.Messages...), llm.Message{Role: llm.User, Content: ""})
		},
		"temperature0": func(r *llm.Request) { r.Temperature = &t0 },
		"temperature":  func(r *llm.Request) { r.Temperature = &t1 },
		"seed1":        func(r *llm.Request) { r.Seed = &s1 },
		"seed2":        func(r *llm.Request) { r.Seed = &s2 },
		"max tokens":   func(r *llm.Request) { r.MaxTokens = 100 },
	}
	keys := map[string]string{c.Key(base): "base"}
	for name, f := range vary {
		r := base
		f(&r)
		k := c.Key(r)
		if other, ok := keys[k]; ok {
			t.Errorf("%s and %s share a key", name, other)
		}
		keys[k] = name
	}
	if New("", nil, Options{Namespace: "b"}).Key(base) == c.Key(base) {
		t.Error("namespace not in the key")
	}
	r := base
	r.Stream = func(string) {}
	if c.Key(r) != c.Key(base) {
		t.Error("the stream callback changed the key")
	}
}

func TestBadAnswersNotStored(t *testing.T) {
	tests := []struct {
		name string
		fail func(llm.Request) (llm.Response, error)
	}{
		{"error", func(llm.Request) (llm.Response, error) { return llm.Response{}, &llm.APIError{StatusCode: 500} }},
		{"refusal", func(llm.Request) (llm.Response, error) {
			return llm.Response{Refusal: "no", FinishReason: "stop"}, nil
		}},
		{"truncated", func(llm.Request) (llm.Response, error) {
			return llm.Response{Content: "half", FinishReason: llm.FinishLength}, nil
		}},
		{"empty", func(llm.Request) (llm.Response, error) {
			return llm.Response{Content: " \n", FinishReason: "stop"}, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ep := &endpoint{key: fakeKey, fail: tt.fail}
			c := New(dir, ep, Options{})
			for i := 0; i < 2; i++ {
				c.Complete(context.Background(), req("x"))
			}
			if ep.calls.Load() != 2 {
				t.Errorf("bad answer served from cache: %d calls", ep.calls.Load())
			}
			if n := countFiles(t, dir); n != 0 {
				t.Errorf("%d files stored", n)
			}
		})
	}
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func TestCorruptEntry(t *testing.T) {
	for name, garbage := range map[string][]byte{
		"truncated json": []byte(`{"key":"`),
		"other key":      []byte(`{"key":"00","response":{"content":"x","finish_reason":"stop"}}`),
		"empty answer":   nil,
		"binary":         {0xff, 0x00, 0xfe},
	} {
		t.Run(name, func(t *testing.T) {
			ep := &endpoint{key: fakeKey}
			c := New(t.TempDir(), ep, Options{})
			r1, _ := c.Complete(context.Background(), req("x"))
			p := c.Path(c.Key(req("x")))
			if name == "empty answer" {
				garbage = []byte(fmt.Sprintf(`{"key":%q,"response":{"content":"","finish_reason":"stop"}}`, c.Key(req("x"))))
			}
			if err := os.WriteFile(p, garbage, 0o644); err != nil {
				t.Fatal(err)
			}
			r2, err := c.Complete(context.Background(), req("x"))
			if err != nil || r2.Cached || r2.Content != r1.Content {
				t.Fatalf("after corruption: %+v %v", r2, err)
			}
			r3, _ := c.Complete(context.Background(), req("x"))
			if !r3.Cached || ep.calls.Load() != 2 || c.Stats().Corrupt != 1 {
				t.Fatalf("entry not replaced: %+v calls %d stats %+v", r3, ep.calls.Load(), c.Stats())
			}
		})
	}
}

// TestSharedByTwoRuns hammers one folder from two caches at once, as two
// runs sharing the cache would.
func TestSharedByTwoRuns(t *testing.T) {
	dir := t.TempDir()
	ep := &endpoint{key: fakeKey, delay: time.Millisecond}
	caches := []*Cache{New(dir, ep, Options{}), New(dir, ep, Options{})}
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			for i := 0; i < 40; i++ {
				text := fmt.Sprintf("article %d", rng.IntN(10))
				r, err := caches[g%2].Complete(context.Background(), req(text))
				if err != nil || r.Content != "answer to "+text {
					t.Errorf("%q: %+v %v", text, r, err)
				}
			}
		}()
	}
	wg.Wait()
	if n := ep.calls.Load(); n > 20 {
		t.Errorf("%d endpoint calls for 10 distinct requests and two caches", n)
	}
	if n := countFiles(t, dir); n != 10 {
		t.Errorf("%d files, want 10 (no temporary file left)", n)
	}
}

func TestFollowerCancelled(t *testing.T) {
	ep := &endpoint{key: fakeKey, delay: 200 * time.Millisecond}
	c := New(t.TempDir(), ep, Options{})
	go c.Complete(context.Background(), req("slow"))
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Complete(ctx, req("slow")); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestLeaderCancelledFollowerGoesOn(t *testing.T) {
	ep := &endpoint{key: fakeKey, delay: 50 * time.Millisecond}
	c := New(t.TempDir(), ep, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		c.Complete(ctx, req("x"))
		close(done)
	}()
	time.Sleep(10 * time.Millisecond)
	res := make(chan error)
	go func() {
		_, err := c.Complete(context.Background(), req("x"))
		res <- err
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	<-done
	if err := <-res; err != nil {
		t.Fatalf("follower failed with its leader: %v", err)
	}
}

func TestNoKeyInFiles(t *testing.T) {
	dir := t.TempDir()
	c := New(dir, &endpoint{key: fakeKey}, Options{Namespace: "https://api.example.test/v1"})
	for i := 0; i < 5; i++ {
		if _, err := c.Complete(context.Background(), req(fmt.Sprintf("text %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if bytes.Contains(b, []byte(fakeKey)) || bytes.Contains(b, []byte("FAKEKEY")) {
			t.Errorf("%s holds the API key", p)
		}
		return nil
	})
	if n != 5 {
		t.Fatalf("searched %d files, want 5", n)
	}
}
