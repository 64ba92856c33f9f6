package translate

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// manyParagraphs returns a document of n short paragraphs.
func manyParagraphs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("Paragraph " + strings.Repeat("word ", i%5) + "about the China-ASEAN Expo number " + string(rune('A'+i%26)) + ".\n\n")
	}
	return b.String()
}

// TestTruncatedSplits checks that answers cut off at the token limit make
// the chunk split in halves, down to what fits, with the same result as
// an endpoint that never cuts off.
func TestTruncatedSplits(t *testing.T) {
	src := readFixture(t, "article.md")
	whole, err := Translate(context.Background(), &fake{}, src, baseOptions("id"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fake{truncateOver: 200}
	res, err := Translate(context.Background(), f, src, baseOptions("id"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Text != whole.Text {
		t.Errorf("split translation differs:\n%s\nwant:\n%s", res.Text, whole.Text)
	}
	if res.Requests <= whole.Requests || res.Attempts != res.Requests {
		t.Errorf("requests %d attempts %d, whole took %d", res.Requests, res.Attempts, whole.Requests)
	}
	for _, req := range f.requests() {
		if n := len(req.Messages); n != 2 {
			t.Errorf("a split piece was sent as a repair (%d messages)", n)
		}
	}
	if !res.OK() {
		t.Errorf("violations after splitting: %+v", res.Violations)
	}
}

func TestTruncatedSentenceFails(t *testing.T) {
	src := "Intro.\n\nThis one sentence is far too long for the endpoint to answer in full.\n"
	_, err := Translate(context.Background(), &fake{truncateOver: 30}, src, baseOptions("id"))
	var ce *ChunkError
	if !errors.Is(err, llm.ErrTruncated) || !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ChunkError wrapping llm.ErrTruncated", err)
	}
}

// TestOrderIndependent checks that the output does not depend on the
// order in which chunks finish, and that streaming passes the same text
// on in order.
func TestOrderIndependent(t *testing.T) {
	src := manyParagraphs(40)
	opts := baseOptions("vi")
	opts.ChunkTokens = 12
	opts.Concurrency = 1
	want, err := Translate(context.Background(), &fake{}, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	if want.Chunks < 20 {
		t.Fatalf("only %d chunks", want.Chunks)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		var mu sync.Mutex
		r := rand.New(rand.NewPCG(seed, seed))
		f := &fake{delay: func() time.Duration {
			mu.Lock()
			defer mu.Unlock()
			return time.Duration(r.IntN(3000)) * time.Microsecond
		}}
		var streamed strings.Builder
		o := opts
		o.Concurrency = 8
		o.Stream = func(s string) { streamed.WriteString(s) }
		got, err := Translate(context.Background(), f, src, o)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != want.Text {
			t.Errorf("seed %d: concurrent translation differs", seed)
		}
		if streamed.String() != want.Text {
			t.Errorf("seed %d: streamed text differs from the result", seed)
		}
	}
}

// TestStreamDeltas checks when pieces of an answer are passed on before
// the answer is complete.
func TestStreamDeltas(t *testing.T) {
	src := manyParagraphs(6)
	tests := []struct {
		name       string
		glossary   bool
		wantDeltas bool
	}{
		{"no glossary: pieces flow", false, true},
		{"glossary with forbidden forms: whole chunks only", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := baseOptions("id")
			if !tt.glossary {
				opts.Glossary = nil
			}
			opts.ChunkTokens = 30
			var pieces []string
			opts.Stream = func(s string) { pieces = append(pieces, s) }
			res, err := Translate(context.Background(), &fake{stream: 7}, src, opts)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(pieces, "") != res.Text {
				t.Fatalf("streamed text differs from the result")
			}
			if deltas := len(pieces) > res.Chunks; deltas != tt.wantDeltas {
				t.Errorf("%d pieces for %d chunks: deltas %v, want %v", len(pieces), res.Chunks, deltas, tt.wantDeltas)
			}
		})
	}
}

// TestStreamTruncatedAfterShown checks that a streamed answer cut off
// after part of it was passed on fails instead of being contradicted.
func TestStreamTruncatedAfterShown(t *testing.T) {
	src := "A first sentence to stream. A second sentence to stream.\n"
	f := &fake{}
	streamThenCut := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		if req.Stream != nil {
			req.Stream("Kalimat pertama")
			resp := llm.Response{Content: "Kalimat pertama", FinishReason: llm.FinishLength}
			return resp, llm.CheckAnswer(resp)
		}
		return f.Complete(ctx, req)
	})
	var shown strings.Builder
	opts := Options{To: "id", Estimator: testEstimator, Stream: func(s string) { shown.WriteString(s) }}
	_, err := Translate(context.Background(), streamThenCut, src, opts)
	if !errors.Is(err, llm.ErrTruncated) {
		t.Fatalf("err = %v, want truncation", err)
	}
	if shown.String() != "Kalimat pertama" {
		t.Errorf("shown %q", shown.String())
	}
}

// TestCancel checks that cancelling stops the translation: the calls in
// flight end, no new call starts, and the error says why.
func TestCancel(t *testing.T) {
	src := manyParagraphs(30)
	f := &fake{block: true, began: make(chan struct{}, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	opts := baseOptions("id")
	opts.ChunkTokens = 10
	opts.Concurrency = 3
	done := make(chan error, 1)
	go func() {
		_, err := Translate(ctx, f, src, opts)
		done <- err
	}()
	<-f.began
	cancel()
	err := <-done
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	n := len(f.requests())
	if n > opts.Concurrency {
		t.Errorf("%d calls started, at most %d may be in flight", n, opts.Concurrency)
	}
}
