package summarize

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
)

func TestCountWords(t *testing.T) {
	cases := []struct {
		text, lang string
		want       float64
		estimated  bool
	}{
		{"", "en", 0, false},
		{"The U.S. and 34.35 billion – / :", "en", 5, false},
		{"Fkuqi-IVOIQ expo, 18th", "id", 3, false},
		{"hội chợ Trung Quốc", "vi", 4 / syllablesPerWord, true},
		{"ASEAN ๒๐๒๑", "th", 2, false},
		{"อาเซียน", "th", 7 / 5.63, true},
		{"อาเซียนASEAN", "th", 1 + 7/5.63, true},
		{"东盟 2021 年", "zh-Hans", 3/1.67 + 1, true},
		{"ASEAN东盟", "zh-Hans", 1 + 2/1.67, true},
	}
	for _, c := range cases {
		got := countWords(c.text, c.lang)
		if math.Abs(got.n-c.want) > 1e-9 || got.estimated != c.estimated {
			t.Errorf("countWords(%q, %s) = %+v, want %v (estimated %v)", c.text, c.lang, got, c.want, c.estimated)
		}
	}
}

func TestCountSentences(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"", 0},
		{"No end", 1},
		{"One. Two.", 2},
		{"One.Two.", 1},
		{"It rose 3.5%. Then it fell.", 2},
		{"Mr. Smith went to Washington. He left.", 2},
		{"The U.S. economy grew. Fine.", 2},
		{"It ended, i.e. it stopped. Then.", 2},
		{"He said \"Stop.\" Then left.", 2},
		{"Wait... what? Yes!", 2},
		{"approx. five people came.", 1},
		{"第一句。第二句！第三句？", 3},
		{"ប្រយោគ។ ប្រយោគ។", 2},
		{"ဝါကျ။ ဝါကျ။", 2},
		{"ประโยคแรก ประโยคที่สอง", 1},
		{"Line one\n\nLine two", 2},
		{"- . . .", 0},
	}
	for _, c := range cases {
		if got := countSentences(c.text); got != c.want {
			t.Errorf("countSentences(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestRatiosMatchFlores checks the letters-per-word ratios of words.go
// against the parallel sentences of FLORES-200: the estimated word count
// of each translation must be within 2% of the English word count.
func TestRatiosMatchFlores(t *testing.T) {
	dir := sharedDir(t, filepath.Join("corpus", "flores200-devtest"))
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name+".devtest"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	en := countWords(read("eng_Latn"), "en").n
	for file, code := range map[string]string{"tha_Thai": "th", "lao_Laoo": "lo", "khm_Khmr": "km", "mya_Mymr": "my", "zho_Hans": "zh-Hans", "vie_Latn": "vi"} {
		got := countWords(read(file), code)
		if !got.estimated || math.Abs(got.n-en)/en > 0.02 {
			t.Errorf("%s: estimate %.0f words, English has %.0f", file, got.n, en)
		}
		t.Logf("%s: %.0f estimated words for %.0f English words", file, got.n, en)
	}
}

// FuzzCountWords checks that counts add up over a space: the words of
// "a b" are the words of a and of b, which is what makes the count of a
// text the sum of its parts.
func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"The U.S. grew", "อาเซียนASEAN", "东盟 2021", "hội chợ", "๒๐๒๑ปี"} {
		f.Add(s, "th and more")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, lang := range []string{"en", "vi", "th"} {
			x, y, xy := countWords(a, lang), countWords(b, lang), countWords(a+" "+b, lang)
			if math.Abs(xy.n-(x.n+y.n)) > 1e-6 || xy.estimated != (x.estimated || y.estimated) {
				t.Fatalf("%s: words(%q)=%v + words(%q)=%v != words of both %v", lang, a, x, b, y, xy)
			}
			if xy.n < 0 || xy.n > float64(len(a)+len(b)) {
				t.Fatalf("%s: %v words in %d bytes", lang, xy.n, len(a)+len(b))
			}
		}
		if n := countSentences(a); n < 0 || n > utf8.RuneCountInString(a) {
			t.Fatalf("%d sentences in %q", n, a)
		}
	})
}

// TestUncovered checks the linear walk of uncovered against the obvious
// quadratic test on random match lists.
func TestUncovered(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		ms, covers := randomSpans(r), randomSpans(r)
		got := uncovered(ms, covers)
		var want []int
		for i, m := range ms {
			inside := false
			for _, c := range covers {
				if c.Start <= m.Start && m.End <= c.End {
					inside = true
				}
			}
			if !inside {
				want = append(want, i)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("uncovered(%v, %v) = %v, want indexes %v", ms, covers, got, want)
		}
		for k, i := range want {
			if got[k] != ms[i] {
				t.Fatalf("uncovered(%v, %v) = %v, want indexes %v", ms, covers, got, want)
			}
		}
	}
}

// randomSpans returns up to five matches in text order without overlaps.
func randomSpans(r *rand.Rand) []glossary.Match {
	var out []glossary.Match
	pos := 0
	for range r.IntN(6) {
		start := pos + r.IntN(5)
		end := start + 1 + r.IntN(6)
		out = append(out, glossary.Match{Start: start, End: end})
		pos = end
		if r.IntN(3) == 0 {
			pos = end
		}
	}
	return out
}
