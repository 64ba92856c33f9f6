package openai

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkComplete measures one plain completion against a local server,
// the client's own layers (body amendment, retry doer, error mapping)
// included.
func BenchmarkComplete(b *testing.B) {
	body := completionBody(strings.Repeat("Inisiatif Sabuk dan Jalan. ", 40), "stop")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	c, err := New(Config{BaseURL: srv.URL, APIKey: fakeKey, Model: "m"})
	if err != nil {
		b.Fatal(err)
	}
	zero := float32(0)
	req := request(strings.Repeat("The Belt and Road Initiative. ", 100))
	req.Temperature = &zero
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Complete(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStream measures reading a streamed answer of 500 deltas.
func BenchmarkStream(b *testing.B) {
	var sb strings.Builder
	for range 500 {
		sb.WriteString(delta("Sáng kiến "))
	}
	sb.WriteString(finish("stop") + usageEvent + doneEvent)
	stream := sb.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, stream)
	}))
	defer srv.Close()
	c, err := New(Config{BaseURL: srv.URL, APIKey: fakeKey, Model: "m"})
	if err != nil {
		b.Fatal(err)
	}
	req := request("x")
	n := 0
	req.Stream = func(d string) { n += len(d) }
	b.SetBytes(int64(len(stream)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Complete(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
