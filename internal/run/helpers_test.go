package run

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

// fakeEndpoint answers deterministically ("<lang>:" + upper-cased
// text) after a random delay, counting calls and the most in flight.
type fakeEndpoint struct {
	maxDelay time.Duration
	fail     func(req llm.Request) error
	block    func(ctx context.Context, req llm.Request) error

	mu       sync.Mutex
	rng      *rand.Rand
	calls    int
	inFlight int
	peak     int
}

func newFake(seed uint64, maxDelay time.Duration) *fakeEndpoint {
	return &fakeEndpoint{maxDelay: maxDelay, rng: rand.New(rand.NewPCG(seed, 1))}
}

func (f *fakeEndpoint) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	f.mu.Lock()
	f.calls++
	f.inFlight++
	f.peak = max(f.peak, f.inFlight)
	d := time.Duration(0)
	if f.maxDelay > 0 {
		d = time.Duration(f.rng.Int64N(int64(f.maxDelay)))
	}
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	if f.block != nil {
		if err := f.block(ctx, req); err != nil {
			return llm.Response{}, err
		}
	}
	select {
	case <-time.After(d):
	case <-ctx.Done():
		return llm.Response{}, ctx.Err()
	}
	if f.fail != nil {
		if err := f.fail(req); err != nil {
			return llm.Response{}, err
		}
	}
	text := req.Messages[len(req.Messages)-1].Content
	return llm.Response{Content: req.Messages[0].Content + ":" + strings.ToUpper(text), FinishReason: "stop",
		Usage: llm.Usage{PromptTokens: len(text), CompletionTokens: len(text)}, Attempts: 1, Model: req.Model}, nil
}

func (f *fakeEndpoint) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// world is a folder of in-memory sources and a task over them: each
// source is split into paragraphs, translated concurrently, and joined
// in order.
type world struct {
	t     *testing.T
	out   string
	mu    sync.Mutex
	docs  map[string]string
	fps   map[string]string // fingerprint per language
	loads atomic.Int64
	c     llm.Completer
	price func(model string, u llm.Usage) float64
}

func newWorld(t *testing.T, n int) *world {
	w := &world{t: t, out: t.TempDir(), docs: map[string]string{}, fps: map[string]string{}}
	for i := 0; i < n; i++ {
		w.docs[fmt.Sprintf("d%02d/a%03d.txt", i%3, i)] = fmt.Sprintf("first part of %d\n\nsecond part of %d\n\nthird %d", i, i, i)
	}
	return w
}

func (w *world) items(langs ...string) []Item {
	var srcs []string
	for s := range w.docs {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	var items []Item
	for _, s := range srcs {
		for _, l := range langs {
			out, err := inputs.OutRel(s, l+".md")
			if err != nil {
				w.t.Fatal(err)
			}
			fp := w.fps[l]
			if fp == "" {
				fp = "model=m;prompt=1"
			}
			items = append(items, Item{Key: manifest.Key{Task: "translate", Source: s, Lang: l}, Output: out, Fingerprint: fp})
		}
	}
	return items
}

func (w *world) task() Task {
	return Task{
		Load: func(ctx context.Context, it Item) (Source, error) {
			w.loads.Add(1)
			w.mu.Lock()
			text, ok := w.docs[it.Source]
			w.mu.Unlock()
			switch {
			case !ok:
				return Source{}, errors.New("no such source")
			case strings.HasPrefix(text, "BINARY"):
				return Source{}, Skip("not a text file")
			}
			return Source{Hash: manifest.Hash([]byte(text)), Value: text}, nil
		},
		Estimate: func(it Item, src Source) Estimate {
			n := len(src.Value.(string))
			e := Estimate{Requests: 3, Usage: llm.Usage{PromptTokens: n, CompletionTokens: n}}
			if w.price != nil {
				e.Cost = w.price("m", e.Usage)
			}
			return e
		},
		Do: func(ctx context.Context, it Item, src Source) (Outcome, error) {
			parts := strings.Split(src.Value.(string), "\n\n")
			outs := make([]string, len(parts))
			errs := make([]error, len(parts))
			var wg sync.WaitGroup
			for i, p := range parts {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r, err := w.c.Complete(ctx, llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.System, Content: it.Lang}, {Role: llm.User, Content: p}}})
					outs[i], errs[i] = r.Content, err
				}()
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				return Outcome{}, err
			}
			return Outcome{Content: []byte(strings.Join(outs, "\n\n") + "\n")}, nil
		},
	}
}

// run opens the manifest, runs the items and closes it.
func (w *world) run(ctx context.Context, fake llm.Completer, jobs int, opts Options, langs ...string) (*Summary, error) {
	w.t.Helper()
	m, err := manifest.Open(context.Background(), w.out, manifest.Options{})
	if err != nil {
		w.t.Fatal(err)
	}
	defer m.Close()
	lim := Limit(fake, jobs)
	w.c = lim
	opts.Manifest, opts.Limiter = m, lim
	return New(opts).Run(ctx, w.items(langs...), w.task())
}

func statuses(s *Summary) map[Status]int {
	out := map[Status]int{}
	for _, r := range s.Items {
		out[r.Status]++
	}
	return out
}

// tree returns every file under dir (but .juru) with its content.
func tree(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if info.IsDir() && info.Name() == manifest.Dir {
			return filepath.SkipDir
		}
		if !info.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}
