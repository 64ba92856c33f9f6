package numbers

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// article returns the English test article repeated to about n bytes.
func article(b *testing.B, lang string, n int) string {
	s := readArticle(b, lang)
	return strings.Repeat(s, n/len(s)+1)
}

func BenchmarkNewReader(b *testing.B) {
	for b.Loop() {
		NewReader("th")
	}
}

func BenchmarkExtract(b *testing.B) {
	for _, lang := range []string{"en", "th", "zh-Hans"} {
		b.Run(lang, func(b *testing.B) {
			text := article(b, lang, 1<<20)
			r := NewReader(lang)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				r.Extract(text)
			}
		})
	}
}

// BenchmarkExtractHostile reads texts built to be slow: a digit after
// every character, and decomposed Vietnamese after every number.
func BenchmarkExtractHostile(b *testing.B) {
	texts := map[string]string{
		"digits":     strings.Repeat("1 a ", 1<<16),
		"decomposed": strings.Repeat("1 "+norm.NFD.String("tỷ ệệệệệệệệ "), 1<<13),
		"separators": strings.Repeat("1,", 1<<16),
	}
	for name, text := range texts {
		b.Run(name, func(b *testing.B) {
			r := NewReader("vi")
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				r.Extract(text)
			}
		})
	}
}

func BenchmarkCompare(b *testing.B) {
	en, th := article(b, "en", 64<<10), article(b, "th", 64<<10)
	b.SetBytes(int64(len(en) + len(th)))
	for b.Loop() {
		Compare(en, "en", th, "th", Options{Extra: true, Count: true})
	}
}
