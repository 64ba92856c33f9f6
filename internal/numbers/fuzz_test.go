package numbers

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func fuzzLangs() []string {
	return []string{"en", "id", "ms", "vi", "th", "fil", "km", "lo", "my", "zh-Hans", "zh-Hant", "ta", "pt", "tet"}
}

// seedArticles adds the test articles to a fuzz corpus.
func seedArticles(f *testing.F, add func(text string)) {
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(string(b))
	}
}

// FuzzExtract: on any text and language, Extract does not panic and
// returns numbers in order, not overlapping, whose Raw is the text at
// their span and whose line and column agree with a count from the start.
func FuzzExtract(f *testing.F) {
	seedArticles(f, func(s string) { f.Add(s, uint8(0)) })
	f.Add("1.2.3 4,5 ๑๒ ၁၂ 20 世纪 60 年代 11:35 pm twenty-four 1\u00a0234", uint8(0))
	f.Add("pukul 06.30 dan 07.30; 3 nghìn tỷ; 400 多万", uint8(3))
	f.Fuzz(func(t *testing.T, text string, li uint8) {
		langs := fuzzLangs()
		lang := langs[int(li)%len(langs)]
		prev := 0
		for _, n := range Extract(text, lang) {
			if n.Start < prev || n.End <= n.Start || n.End > len(text) {
				t.Fatalf("span %d:%d after %d in a text of %d bytes", n.Start, n.End, prev, len(text))
			}
			if text[n.Start:n.End] != n.Raw {
				t.Fatalf("Raw %q is not text[%d:%d] %q", n.Raw, n.Start, n.End, text[n.Start:n.End])
			}
			if n.Value == nil || n.Digits == nil {
				t.Fatalf("%q has no value", n.Raw)
			}
			for _, a := range n.Alt {
				if a == nil {
					t.Fatalf("%q has a nil reading", n.Raw)
				}
			}
			line, col := 1, 1
			for _, c := range text[:n.Start] {
				if c == '\n' {
					line, col = line+1, 1
				} else {
					col++
				}
			}
			if utf8.ValidString(text[:n.Start]) && (n.Line != line || n.Col != col) {
				t.Fatalf("%q at %d:%d, counted %d:%d", n.Raw, n.Line, n.Col, line, col)
			}
			prev = n.End
		}
	})
}

// FuzzCompare: comparing any two texts does not panic, and every
// mismatch points at a number of the side it belongs to.
func FuzzCompare(f *testing.F) {
	en, err := os.ReadFile(filepath.Join("testdata", "articles", "en.txt"))
	if err != nil {
		f.Fatal(err)
	}
	seedArticles(f, func(s string) { f.Add(string(en), s, uint8(1), true) })
	f.Fuzz(func(t *testing.T, src, tgt string, li uint8, count bool) {
		langs := fuzzLangs()
		lang := langs[int(li)%len(langs)]
		for _, m := range Compare(src, "en", tgt, lang, Options{Count: count, Extra: true}) {
			text := src
			if m.Kind == Extra {
				text = tgt
			}
			if m.Number.End > len(text) || text[m.Number.Start:m.Number.End] != m.Number.Raw {
				t.Fatalf("%v mismatch %q does not point into its text", m.Kind, m.Number.Raw)
			}
		}
	})
}
