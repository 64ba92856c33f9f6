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

// BenchmarkCount counts the article afresh each time (the memo
// forgotten), and once it is remembered.
func BenchmarkCount(b *testing.B) {
	text := article(b)
	for _, model := range []string{"gpt-4o", "gpt-4"} {
		for _, remembered := range []bool{false, true} {
			name := model + "/new"
			if remembered {
				name = model + "/remembered"
			}
			b.Run(name, func(b *testing.B) {
				e := New()
				l := e.lazy(e.Encoding(model))
				e.Count(model, "warm up")
				if remembered {
					e.Count(model, text)
				}
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if !remembered {
						l.memo.forget()
					}
					e.Count(model, text)
				}
			})
		}
	}
}

func BenchmarkCountThai(b *testing.B) {
	text := strings.Repeat("ประเทศไทยและกัมพูชาร่วมมือกัน ", 400)
	e := New()
	l := e.lazy(O200k)
	e.Count("gpt-4o", "warm up")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		l.memo.forget()
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
