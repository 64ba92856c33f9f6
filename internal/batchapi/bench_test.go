package batchapi

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

// benchAnswers writes a result file of n answers and returns it with the
// keys of its requests.
func benchAnswers(b *testing.B, n int) (string, []string) {
	b.Helper()
	var lines, keys []string
	for i := range n {
		r := llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.User, Content: fmt.Sprintf("article %d %s", i, strings.Repeat("x", 200))}}}
		keys = append(keys, Key(r))
		lines = append(lines, answerLine(r, strings.Repeat("terjemahan ", 150), "stop"))
	}
	p := filepath.Join(b.TempDir(), "out.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return p, keys
}

// BenchmarkAnswersIndex measures indexing a result file of 10,000 lines.
func BenchmarkAnswersIndex(b *testing.B) {
	p, _ := benchAnswers(b, 10_000)
	c := parserB(b)
	info, _ := os.Stat(p)
	b.SetBytes(info.Size())
	b.ResetTimer()
	for b.Loop() {
		a := NewAnswers(c)
		if err := a.AddFile(p); err != nil {
			b.Fatal(err)
		}
		a.Close()
	}
}

// BenchmarkAnswersLookup measures answering one request from the index.
func BenchmarkAnswersLookup(b *testing.B) {
	p, keys := benchAnswers(b, 10_000)
	a := NewAnswers(parserB(b))
	if err := a.AddFile(p); err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	i := 0
	for b.Loop() {
		if _, ok := a.Lookup(keys[i%len(keys)]); !ok {
			b.Fatal("missing")
		}
		i++
	}
}

func parserB(b *testing.B) Parser {
	b.Helper()
	c, err := parserF()
	if err != nil {
		b.Fatal(err)
	}
	return c
}
