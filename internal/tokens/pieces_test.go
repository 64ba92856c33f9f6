package tokens

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
)

// patternRegexps compiles the published patterns once, with the engine
// the tokenizer library uses.
var patternRegexps = sync.OnceValue(func() map[pattern]*regexp2.Regexp {
	return map[pattern]*regexp2.Regexp{
		patO200k:  regexp2.MustCompile(o200kPattern, regexp2.None),
		patCL100k: regexp2.MustCompile(cl100kPattern, regexp2.None),
	}
})

// slowPieces cuts text with the published pattern: the slow, obvious
// way that pieces must agree with. Text the pattern does not match is
// skipped, as the library skips it.
func slowPieces(t testing.TB, p pattern, text string) []string {
	t.Helper()
	var out []string
	m, err := patternRegexps()[p].FindStringMatch(text)
	for ; m != nil && err == nil; m, err = patternRegexps()[p].FindNextMatch(m) {
		out = append(out, m.String())
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fastPieces cuts text with pieces.
func fastPieces(p pattern, text string) []string {
	var out []string
	p.pieces(text, func(s string) { out = append(out, s) })
	return out
}

// samePieces fails the test where pieces and the pattern disagree.
func samePieces(t testing.TB, text string) {
	t.Helper()
	for _, p := range []pattern{patO200k, patCL100k} {
		want, got := slowPieces(t, p, text), fastPieces(p, text)
		if !slices.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("pattern %d, text %q: pieces differ from piece %d on:\n got %q\nwant %q", p, text, i, got[i:min(len(got), i+4)], want[i:min(len(want), i+4)])
		}
	}
}

// tricky are texts that test each alternative of the patterns and the
// backtracking between them.
var tricky = []string{
	"Hello world", "HELLO world", "HELLOworld", "helloWORLD", "HeLLo WoRLD's", "I'M", "YOU'LL", "they'RE", "it'S", "don’t",
	"'s", "'ll've", "x'", "x'z", "'", "''", "a''s", "\u01c5ungla", "\u02b0ello", "Ǆ", "ǅa", "ǈǈǈa",
	"\u0301abc", "\u0301ABC", "a\u0301\u0302b", " \u0301", "\u0301 ", "\u0301", "\u0301\u0301", "x\u0301Y",
	"12345", "1234567", "a1b22c333d4444", "٣٤٥٦", "½¾", "Ⅻ12", "34.35", "1,250,000",
	"  x", "\t\tx", " \tx", "x  ", "x \n", " \n ", "\r\n", "\r\n\r\n  \n x", "\n\n\n", " \n\n y", "  \u00a0x", "\u00a0\u00a0",
	"\u2028\u2029", "\u3000中国", "a\u200bb", "\u200b", "\ufeffx", "\x00\x01", "\x7f",
	" ,", " ,,x", "!!", "a/b", "a/\n/b", "a,/\r\n", "!\r\n\r\n", "- item\n- item", "# Heading\n\nText.", "`code` **bold**",
	"https://example.com/a?b=c&d=e#f", "e-mail: a@b.co", "(Reuters) —", "“quoted”", "«x»", "—\n",
	"ประเทศไทยและกัมพูชา", "ภาษาไทย 123 ๑๒๓", "ကမ္ဘာ့ကုလသမဂ္ဂ", "កម្ពុជា\u200bនិង", "ລາວ ແລະ", "中国—东盟博览会", "Việt Nam", "Vie\u0302\u0323t",
	"नमस्ते दुनिया", "مرحبا بالعالم", "שלום", "😀👍🏽 ok", "🇹🇭", "Ⓐⓑ", "ﬁ ﬂ", "ß ẞ", "İstanbul ı",
}

func TestPiecesTricky(t *testing.T) {
	for _, text := range tricky {
		samePieces(t, text)
	}
}

// palette mixes characters of every class the patterns tell apart.
var palette = []rune("aZ'sStTrReEvVmMlLdD \t\n\r\u00a0\u2028\u3000 0123٣½Ⅻ.,!/-_\"()\u0301\u0E31\u17D2\u1039ǅʰ中ไกក္ລĐđ😀\u200b\ufeff\x00")

func TestPiecesRandom(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		n := 1 + r.IntN(24)
		var b strings.Builder
		for range n {
			b.WriteRune(palette[r.IntN(len(palette))])
		}
		samePieces(t, b.String())
	}
}

// floresTexts returns the FLORES-200 devtest files of the shared
// corpus, or skips the test when they are absent.
func floresTexts(t testing.TB) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "flores200-devtest", "*.devtest"))
	if len(files) == 0 {
		t.Skip("../shared/corpus/flores200-devtest not found; skipping the FLORES-200 comparison")
	}
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(data)
	}
	return out
}

func TestPiecesFLORES(t *testing.T) {
	t.Parallel()
	for name, text := range floresTexts(t) {
		t.Run(name, func(t *testing.T) {
			for _, seg := range segments(text, 4096) {
				samePieces(t, seg)
			}
		})
	}
}

func TestCountFLORESMatchesLibrary(t *testing.T) {
	t.Parallel()
	texts := floresTexts(t)
	e := New()
	for _, name := range []string{O200k, CL100k} {
		ref := reference(t, name)
		model := map[string]string{O200k: "gpt-4o", CL100k: "gpt-4"}[name]
		for file, text := range texts {
			lines := strings.SplitAfter(text, "\n")
			if testing.Short() {
				lines = lines[:100]
			}
			got, want := 0, 0
			for _, line := range lines {
				got += e.Count(model, line)
				want += len(ref.EncodeOrdinary(line))
			}
			if got != want {
				t.Errorf("%s, %s: Count gives %d tokens, the library %d", name, file, got, want)
			}
		}
	}
}

func TestCountInvalidUTF8MatchesLibrary(t *testing.T) {
	e := New()
	ref := reference(t, O200k)
	for _, text := range []string{"a\xffb", "\xe0\xb8", "ไทย\x80\x80 text", "\xff\xfe\xfd"} {
		if got, want := e.Count("gpt-4o", text), len(ref.EncodeOrdinary(text)); got != want {
			t.Errorf("%q: Count = %d, library %d", text, got, want)
		}
	}
}

// testRanks load each encoding's ranks once per test binary.
var testRanks = map[string]func() (map[string]int, error){
	O200k:  sync.OnceValues(func() (map[string]int, error) { return build(O200k) }),
	CL100k: sync.OnceValues(func() (map[string]int, error) { return build(CL100k) }),
}

func FuzzPieces(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		if !utf8.ValidString(text) {
			text = string([]rune(text))
		}
		samePieces(t, text)
		var buf mergeBuf
		for _, name := range []string{O200k, CL100k} {
			ranks, err := testRanks[name]()
			if err != nil {
				t.Fatal(err)
			}
			p := map[string]pattern{O200k: patO200k, CL100k: patCL100k}[name]
			got := 0
			p.pieces(text, func(s string) { got += bpeCount(s, ranks, &buf) })
			if want := len(reference(t, name).EncodeOrdinary(text)); got != want {
				t.Fatalf("%s: %d tokens, the library %d, for %q", name, got, want, text)
			}
		}
	})
}
