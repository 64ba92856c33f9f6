package tokens

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// article returns the seed article when the shared corpus is present,
// otherwise a generated text of similar size.
func article(b *testing.B) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "seed", "caexpo-capacity-cooperation-2021.txt"))
	if err == nil {
		return string(data)
	}
	return randomText(rand.New(rand.NewPCG(1, 2)), 2500)
}

func BenchmarkCount(b *testing.B) {
	text := article(b)
	for _, model := range []string{"gpt-4o", "gpt-4"} {
		b.Run(model, func(b *testing.B) {
			e := New()
			e.Count(model, "warm up")
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				e.Count(model, text)
			}
		})
	}
}

func BenchmarkCountThai(b *testing.B) {
	text := strings.Repeat("ประเทศไทยและกัมพูชาร่วมมือกัน ", 400)
	e := New()
	e.Count("gpt-4o", "warm up")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		e.Count("gpt-4o", text)
	}
}

// BenchmarkBuild measures the one-time cost of loading an encoding.
func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{O200k, CL100k} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := build(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
