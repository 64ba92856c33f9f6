package script

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/lang"
)

// benchText returns about 1 MB of text: the FLORES-200 devtest files of
// the given code when the shared corpus is present, else the self-written
// samples repeated.
func benchText(b *testing.B, file, code string) string {
	b.Helper()
	var one string
	if dir := findShared("corpus/flores200-devtest"); dir != "" {
		one = strings.Join(readLines(b, filepath.Join(dir, file+".devtest")), "\n\n")
	} else {
		one = samples(b)[code]
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(one)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

var benchLangs = []struct{ file, code string }{
	{"eng_Latn", "en"}, {"tha_Thai", "th"}, {"khm_Khmr", "km"}, {"mya_Mymr", "my"}, {"zho_Hans", "zh-Hans"},
}

func BenchmarkProfile(b *testing.B) {
	for _, l := range benchLangs {
		text := benchText(b, l.file, l.code)
		b.Run(l.code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Profile(text)
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	opts := Options{Registry: lang.New()}
	for _, l := range benchLangs {
		text := benchText(b, l.file, l.code)
		b.Run(l.code, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := Check(text, l.code, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkUntranslated(b *testing.B) {
	src := benchText(b, "eng_Latn", "en")
	tgt := benchText(b, "tha_Thai", "th")
	b.SetBytes(int64(len(src) + len(tgt)))
	for b.Loop() {
		Untranslated(src, tgt, "en", "th")
	}
}
