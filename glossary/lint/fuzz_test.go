package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds adds the test article and its translations to a fuzz corpus.
func fuzzSeeds(f *testing.F, add func(src, tgt, lang string)) {
	dir := filepath.Join("testdata", "expo")
	src, err := os.ReadFile(filepath.Join(dir, "source.en.md"))
	if err != nil {
		f.Fatal(err)
	}
	for _, x := range expoLangs {
		for _, kind := range []string{"good", "bad"} {
			tgt, err := os.ReadFile(filepath.Join(dir, x.lang+"."+kind+".md"))
			if err != nil {
				f.Fatal(err)
			}
			add(string(src), string(tgt), x.lang)
		}
	}
	add("", "", "en")
	add("# A\n\n```\ncode\n```\n", "---\ntitle: x\n---\n\n# B", "xx")
	add("1,500 OBOR", "\xff\xfe 1.500 Satu Sabuk Satu Jalan", "id")
}

// langOf picks a language for fuzzed input from a byte.
func langOf(b byte, fallback string) string {
	langs := []string{"en", "id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans", "zh-Hant", "ta", "fr", "", "not a tag"}
	if int(b) < len(langs) {
		return langs[b]
	}
	return fallback
}

func FuzzCheckPair(f *testing.F) {
	fuzzSeeds(f, func(src, tgt, lang string) { f.Add(src, tgt, lang, byte(0)) })
	l := testLinter(f)
	f.Fuzz(func(t *testing.T, src, tgt, lang string, srcLang byte) {
		s := Doc{Path: "s", Lang: langOf(srcLang, "en"), Text: src}
		d := Doc{Path: "t", Lang: lang, Text: tgt}
		for _, fs := range [][]Finding{l.CheckPair(s, d), l.CheckOne(d)} {
			prev := -1
			for _, x := range fs {
				checkBounds(t, tgt, x)
				if x.Start < prev {
					t.Fatalf("findings out of order")
				}
				prev = x.Start
				if x.Related != nil {
					if x.Related.Start < 0 || x.Related.Start > x.Related.End || x.Related.End > len(src) {
						t.Fatalf("related span %+v out of the source", x.Related)
					}
				}
				if strings.Contains(x.Message, "\n") {
					t.Fatalf("message of more than one line: %q", x.Message)
				}
			}
		}
	})
}

func FuzzFix(f *testing.F) {
	fuzzSeeds(f, func(src, tgt, lang string) { f.Add(tgt, lang); f.Add(src, "en") })
	l := testLinter(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		d := Doc{Lang: lang, Text: text}
		r := l.Fix(d)
		checkFixed(t, l, d, r)
		if utf8.ValidString(text) && !utf8.ValidString(r.Text) {
			t.Fatalf("fixing valid UTF-8 gave invalid UTF-8")
		}
	})
}
