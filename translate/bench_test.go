package translate

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// benchDocument returns the seed article when present, else the fixture
// article repeated to a similar size.
func benchDocument(b *testing.B) string {
	path := "../../shared/corpus/seed/caexpo-capacity-cooperation-2021.txt"
	if data, err := readFile(path); err == nil {
		return data
	}
	return strings.Repeat(readFixture(b, "article.md")+"\n", 14)
}

func BenchmarkSplit(b *testing.B) {
	text := benchDocument(b)
	b.Run("words", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			Split(text, 300, words)
		}
	})
	b.Run("o200k", func(b *testing.B) {
		count := testEstimator.Counter("gpt-4o")
		count("warm up")
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			Split(text, 300, count)
		}
	})
	b.Run("random-markdown", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		var sb strings.Builder
		for sb.Len() < 200_000 {
			sb.WriteString(genMarkdown(r) + "\n\n")
		}
		text := sb.String()
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			Split(text, 300, words)
		}
	})
}

func BenchmarkProtect(b *testing.B) {
	text := readFixture(b, "article.md")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		p := protect(text)
		p.restore(p.Text)
	}
}

// BenchmarkTranslate runs a whole translation against an endpoint that
// answers at once, measuring juru's own work: splitting, token counting,
// protection, prompts, checks and joining.
func BenchmarkTranslate(b *testing.B) {
	text := benchDocument(b)
	for _, budget := range []int{300, 1500} {
		b.Run(map[int]string{300: "chunks-300", 1500: "chunks-1500"}[budget], func(b *testing.B) {
			opts := baseOptions("id")
			opts.ChunkTokens = budget
			f := &fake{}
			testEstimator.Count("gpt-4o", "warm up")
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				f.calls = f.calls[:0]
				if _, err := Translate(context.Background(), f, text, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func readFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	return string(data), err
}
