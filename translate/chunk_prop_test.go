package translate

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestSplitJoinRandom checks on random Markdown that splitting under any
// budget partitions the document and keeps fenced code whole.
func TestSplitJoinRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 1000; i++ {
		text := genMarkdown(r)
		budget := r.IntN(40)
		checkChunks(t, text, Split(text, budget, words), budget, words)
	}
}

func FuzzSplitJoin(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), 20)
	}
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 20; i++ {
		f.Add(genMarkdown(r), r.IntN(30))
	}
	f.Fuzz(func(t *testing.T, text string, budget int) {
		budget %= 200
		chunks := Split(text, budget, words)
		if Join(chunks) != text {
			t.Fatalf("Join(Split(%q)) differs", text)
		}
		for _, c := range chunks {
			if !isBlank(c.Lead) || !isBlank(c.Trail) {
				t.Fatalf("Lead %q or Trail %q holds more than white space", c.Lead, c.Trail)
			}
			if c.Text != "" {
				if l, r, ok := Halve(c.Text); ok && Join([]Chunk{l, r}) != c.Text {
					t.Fatalf("Halve(%q) does not join back", c.Text)
				}
			}
		}
	})
}
