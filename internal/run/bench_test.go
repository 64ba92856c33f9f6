package run

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/cache"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
)

// httpCompleter is a minimal chat-completion client for benchmarks, so
// that their figures include HTTP and JSON overhead.
type httpCompleter struct {
	url    string
	client *http.Client
}

func (h *httpCompleter) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	body, _ := json.Marshal(req)
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return llm.Response{}, err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := h.client.Do(hr)
	if err != nil {
		return llm.Response{}, err
	}
	defer resp.Body.Close()
	var out struct {
		Choices []struct {
			Message      struct{ Content string } `json:"message"`
			FinishReason string                   `json:"finish_reason"`
		} `json:"choices"`
		Usage llm.Usage `json:"usage"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Choices) == 0 {
		return llm.Response{}, fmt.Errorf("bad answer: %v", err)
	}
	return llm.Response{Content: out.Choices[0].Message.Content, FinishReason: out.Choices[0].FinishReason, Usage: out.Usage, Attempts: 1}, nil
}

// slowServer answers every chat completion after latency.
func slowServer(latency time.Duration) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req llm.Request
		json.NewDecoder(r.Body).Decode(&req)
		time.Sleep(latency)
		text := req.Messages[len(req.Messages)-1].Content
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"choices": []any{map[string]any{"message": map[string]any{"role": "assistant", "content": strings.ToUpper(text)}, "finish_reason": "stop"}},
			"usage":   map[string]any{"prompt_tokens": len(text), "completion_tokens": len(text)},
		})
	}))
}

// BenchmarkBatchHTTP runs 400 requests against a local HTTP server that
// takes 200 ms per answer, 16 at a time, through the limiter, the cache
// (all misses; or without the cache) and the runner with its manifest. The ideal is
// 400 × 0.2 s / 16 = 5 s; "x-ideal" is the measured time over it.
func BenchmarkBatchHTTP(b *testing.B) {
	const jobs, latency = 16, 200 * time.Millisecond
	for _, shape := range []struct {
		items, chunks int
		cache         bool
	}{{400, 1, true}, {400, 1, false}, {50, 8, true}} {
		b.Run(fmt.Sprintf("items=%d,chunks=%d,cache=%v", shape.items, shape.chunks, shape.cache), func(b *testing.B) {
			srv := slowServer(latency)
			defer srv.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: jobs, MaxConnsPerHost: jobs}
			endpoint := &httpCompleter{url: srv.URL, client: &http.Client{Transport: tr}}
			for n := 0; n < b.N; n++ {
				out := b.TempDir()
				var inner llm.Completer = cache.New(filepath.Join(out, "cache"), endpoint, cache.Options{Namespace: srv.URL})
				if !shape.cache {
					inner = endpoint
				}
				lim := Limit(inner, jobs)
				m, err := manifest.Open(context.Background(), out, manifest.Options{})
				if err != nil {
					b.Fatal(err)
				}
				items := make([]Item, shape.items)
				for i := range items {
					items[i] = Item{Key: manifest.Key{Task: "translate", Source: fmt.Sprintf("a%03d.txt", i), Lang: "id"},
						Output: fmt.Sprintf("a%03d.id.md", i), Fingerprint: "f"}
				}
				task := chunkTask(lim, shape.chunks)
				start := time.Now()
				s, err := New(Options{Manifest: m, Limiter: lim}).Run(context.Background(), items, task)
				elapsed := time.Since(start)
				m.Close()
				if err != nil || s.Count(StatusOK) != shape.items || s.Requests != shape.items*shape.chunks {
					b.Fatalf("run: %v, %d ok, %d requests", err, s.Count(StatusOK), s.Requests)
				}
				ideal := time.Duration(shape.items*shape.chunks) * latency / jobs
				b.ReportMetric(elapsed.Seconds(), "s/batch")
				b.ReportMetric(elapsed.Seconds()/ideal.Seconds(), "x-ideal")
				b.ReportMetric(float64(lim.Stats().Peak), "peak-in-flight")
			}
		})
	}
}

// chunkTask sends chunks requests per item at once and joins the answers.
func chunkTask(c llm.Completer, chunks int) Task {
	return Task{
		Load: func(ctx context.Context, it Item) (Source, error) {
			text := "article " + it.Source
			return Source{Hash: manifest.Hash([]byte(text)), Value: text}, nil
		},
		Do: func(ctx context.Context, it Item, src Source) (Outcome, error) {
			outs := make([]string, chunks)
			errs := make([]error, chunks)
			var wg sync.WaitGroup
			for i := range chunks {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r, err := c.Complete(ctx, llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.User, Content: fmt.Sprintf("%s part %d", src.Value, i)}}})
					outs[i], errs[i] = r.Content, err
				}()
			}
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					return Outcome{}, err
				}
			}
			return Outcome{Content: []byte(strings.Join(outs, "\n") + "\n")}, nil
		},
	}
}

// BenchmarkMemory5000 expands a folder of 5,000 small articles and runs
// them into two languages (10,000 items, 30,000 requests to an instant
// endpoint), reading each file only when its item starts, and reports
// the peak heap in use and the process's peak resident size.
func BenchmarkMemory5000(b *testing.B) {
	dir := b.TempDir()
	para := strings.Repeat("The ASEAN summit in Jakarta agreed on a regional plan for trade and energy. ", 12)
	for i := 0; i < 5000; i++ {
		p := filepath.Join(dir, "in", fmt.Sprintf("d%02d", i%50), fmt.Sprintf("article-%04d.txt", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(strings.Repeat(para+"\n\n", 3)), 0o644)
	}
	for n := 0; n < b.N; n++ {
		out := filepath.Join(dir, fmt.Sprintf("out%d", n))
		runtime.GC()
		var peak uint64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		ins, _, err := inputs.Expand([]string{filepath.Join(dir, "in")}, inputs.Options{})
		if err != nil || len(ins) != 5000 {
			b.Fatalf("expand: %d inputs, %v", len(ins), err)
		}
		var items []Item
		for _, in := range ins {
			for _, l := range []string{"id", "th"} {
				o, _ := inputs.OutRel(in.Rel, l+".md")
				items = append(items, Item{Key: manifest.Key{Task: "translate", Source: in.Rel, Lang: l}, Output: o, Fingerprint: "f", Data: in})
			}
		}
		m, err := manifest.Open(context.Background(), out, manifest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		fake := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
			t := req.Messages[0].Content
			return llm.Response{Content: strings.ToUpper(t), FinishReason: "stop", Usage: llm.Usage{PromptTokens: len(t) / 4, CompletionTokens: len(t) / 4}}, nil
		})
		lim := Limit(fake, 16)
		task := fileTask(lim)
		s, err := New(Options{Manifest: m, Limiter: lim}).Run(context.Background(), items, task)
		m.Close()
		close(stop)
		wg.Wait()
		if err != nil || s.Count(StatusOK) != 10000 {
			b.Fatalf("run: %v, %d ok", err, s.Count(StatusOK))
		}
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
	}
}

// fileTask reads an input file and sends one request per paragraph.
func fileTask(c llm.Completer) Task {
	return Task{
		Load: func(ctx context.Context, it Item) (Source, error) {
			b, err := os.ReadFile(it.Data.(inputs.Input).Path)
			if err != nil {
				return Source{}, err
			}
			return Source{Hash: manifest.Hash(b), Value: string(b)}, nil
		},
		Do: func(ctx context.Context, it Item, src Source) (Outcome, error) {
			var out strings.Builder
			for _, p := range strings.Split(strings.TrimSpace(src.Value.(string)), "\n\n") {
				r, err := c.Complete(ctx, llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.User, Content: p}}})
				if err != nil {
					return Outcome{}, err
				}
				out.WriteString(r.Content + "\n\n")
			}
			return Outcome{Content: []byte(out.String())}, nil
		},
	}
}
