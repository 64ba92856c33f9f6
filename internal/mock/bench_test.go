package mock

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/prompt"
)

func BenchmarkReply(b *testing.B) {
	tr := NewTranslator(LocaleDigits, nil)
	for _, to := range []string{"id", "th", "zh-Hans"} {
		spec := translateSpec(b, to)
		b.Run(to, func(b *testing.B) {
			b.SetBytes(int64(len(spec.Document)))
			for b.Loop() {
				tr.compose(&spec, termsRequired)
			}
		})
	}
}

func BenchmarkServerPlain(b *testing.B) {
	s := start(b, Options{})
	body, _ := json.Marshal(chatBody(prompt.Build(translateSpec(b, "id")), nil))
	c := &http.Client{}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		resp, err := c.Post(s.URL()+"/chat/completions", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkLatencyBatch sends 400 requests through 16 workers to a mock
// answering after 200 ms, the batch the performance target names; the
// ideal is 400 × 0.2 s / 16 = 5 s, and x-ideal reports the ratio.
func BenchmarkLatencyBatch(b *testing.B) {
	const requests, workers, latency = 400, 16, 200 * time.Millisecond
	s := start(b, Options{Latency: latency})
	body, _ := json.Marshal(chatBody(prompt.Build(translateSpec(b, "th")), nil))
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	var total time.Duration
	for b.Loop() {
		begin := time.Now()
		jobs := make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range jobs {
					resp, err := c.Post(s.URL()+"/chat/completions", "application/json", bytes.NewReader(body))
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}()
		}
		for range requests {
			jobs <- struct{}{}
		}
		close(jobs)
		wg.Wait()
		total += time.Since(begin)
	}
	ideal := time.Duration(requests/workers) * latency
	b.ReportMetric(float64(total)/float64(b.N)/float64(ideal), "x-ideal")
}
