package tokens

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	tiktoken "github.com/pkoukk/tiktoken-go"
	loader "github.com/pkoukk/tiktoken-go-loader"

	"github.com/juru-cli/juru/internal/llm"
)

// testEstimator is shared by the tests, so that each encoding is built
// once per test binary.
var testEstimator = sync.OnceValue(New)

func TestEncoding(t *testing.T) {
	tests := []struct {
		model, want string
	}{
		{"gpt-4o", O200k},
		{"gpt-4o-mini", O200k},
		{"GPT-4o-2024-08-06", O200k},
		{"gpt-4.1-nano", O200k},
		{"gpt-5", O200k},
		{"o1", O200k},
		{"o3-mini", O200k},
		{"o4-mini", O200k},
		{"openai/gpt-4o", O200k},
		{"gpt-oss:20b", O200k},
		{"gpt-4", CL100k},
		{"gpt-4-turbo", CL100k},
		{"gpt-4-0613", CL100k},
		{"gpt-3.5-turbo", CL100k},
		{"gpt-35-turbo", CL100k},
		{"text-embedding-3-small", CL100k},
		{"llama3.1:8b", O200k},
		{"aisingapore/Gemma-SEA-LION-v3-9B-IT", O200k},
		{"o1x", O200k},
		{"", O200k},
	}
	e := testEstimator()
	for _, tt := range tests {
		t.Run(tt.model, func(t *testing.T) {
			if got := e.Encoding(tt.model); got != tt.want {
				t.Errorf("Encoding(%q) = %q, want %q", tt.model, got, tt.want)
			}
		})
	}
}

// reference returns the tokenizer library's own encoding, loaded through
// its global loader, to check the Estimator against.
func reference(t testing.TB, name string) *tiktoken.Tiktoken {
	t.Helper()
	enc, err := references[name]()
	if err != nil {
		t.Fatal(err)
	}
	return enc
}

// references load each of the library's encodings once per test binary.
var references = map[string]func() (*tiktoken.Tiktoken, error){
	O200k:  sync.OnceValues(func() (*tiktoken.Tiktoken, error) { return libraryEncoding(O200k) }),
	CL100k: sync.OnceValues(func() (*tiktoken.Tiktoken, error) { return libraryEncoding(CL100k) }),
}

// libraryEncoding loads an encoding through the library's global loader.
func libraryEncoding(name string) (*tiktoken.Tiktoken, error) {
	tiktoken.SetBpeLoader(loader.NewOfflineLoader())
	return tiktoken.GetEncoding(name)
}

// words mixes scripts, digits, punctuation and line breaks.
var words = []string{
	"the", "Belt", "and", "Road", "Initiative", "ASEAN", "China-ASEAN", "Expo", "2021", "34.35", "billion",
	"Inisiatif", "Sabuk", "dan", "Jalan", "Sáng", "kiến", "Vành", "đai", "และ", "ประเทศไทย", "ကမ္ဘာ", "កម្ពុជា",
	"ລາວ", "中国", "东盟", "don't", "it's", "(Reuters)", "—", "\"quoted\"", "e-mail:", "https://example.com/a?b=c",
	"\n", "\n\n", "  ", "\t", "`code`", "**bold**", "# Heading", "- item",
}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 && r.IntN(4) != 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func TestCountMatchesLibrary(t *testing.T) {
	e := testEstimator()
	for _, name := range []string{O200k, CL100k} {
		ref := reference(t, name)
		model := map[string]string{O200k: "gpt-4o", CL100k: "gpt-4"}[name]
		r := rand.New(rand.NewPCG(1, uint64(len(name))))
		for i := 0; i < 25; i++ {
			text := randomText(r, 1+r.IntN(900))
			want := len(ref.EncodeOrdinary(text))
			if got := e.Count(model, text); got != want {
				t.Fatalf("%s: Count = %d, library says %d for %q", name, got, want, text)
			}
		}
	}
}

func TestCountForcedCuts(t *testing.T) {
	// A long run without spaces must be cut at character boundaries; each
	// forced cut may change the count by a few tokens (at most four), no more.
	e := testEstimator()
	ref := reference(t, O200k)
	for _, unit := range []string{"ประเทศไทย", "ကမ္ဘာ", "a", "中国东盟"} {
		text := strings.Repeat(unit, 3000/len(unit)+1)
		cuts := len(segments(text, maxSegment)) - 1
		if cuts == 0 {
			t.Fatalf("%q: expected forced cuts", unit)
		}
		want := len(ref.EncodeOrdinary(text))
		got := e.Count("gpt-4o", text)
		if d := got - want; d < -4*cuts || d > 4*cuts {
			t.Errorf("%q: Count = %d, library %d, %d cuts", unit, got, want, cuts)
		}
	}
}

func TestSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 200; i++ {
		text := randomText(r, r.IntN(400))
		max := 8 + r.IntN(200)
		segs := segments(text, max)
		if got := strings.Join(segs, ""); got != text {
			t.Fatalf("segments do not join back to the text")
		}
		for _, s := range segs {
			if len(s) > max && utf8.RuneCountInString(s) > 1 {
				t.Fatalf("segment of %d bytes over %d: %q", len(s), max, s)
			}
			if s == "" || !utf8.ValidString(s) {
				t.Fatalf("bad segment %q", s)
			}
		}
	}
}

func TestCountMessages(t *testing.T) {
	e := testEstimator()
	msgs := []llm.Message{{Role: llm.System, Content: "Translate."}, {Role: llm.User, Content: "Hello world"}}
	want := perReply
	for _, m := range msgs {
		want += perMessage + e.Count("gpt-4o", string(m.Role)) + e.Count("gpt-4o", m.Content)
	}
	if got := e.CountMessages("gpt-4o", msgs); got != want {
		t.Errorf("CountMessages = %d, want %d", got, want)
	}
	if got := e.CountMessages("gpt-4o", nil); got != 0 {
		t.Errorf("CountMessages(nil) = %d, want 0", got)
	}
}

func TestOutput(t *testing.T) {
	e := testEstimator()
	tests := []struct {
		name, model, from, to string
		src, want             int
	}{
		{"same language", "gpt-4o", "en", "en", 1000, 1000},
		{"english to thai", "gpt-4o", "en", "th", 1000, 1990},
		{"thai to english", "gpt-4o", "th", "en", 1990, 1000},
		{"cl100k burmese", "gpt-4", "en", "my", 100, 1165},
		{"unknown language", "gpt-4o", "en", "xx", 10, 10},
		{"nothing", "gpt-4o", "en", "th", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.Output(tt.model, tt.src, tt.from, tt.to); got != tt.want {
				t.Errorf("Output = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestRatiosFLORES checks the ratio table against the parallel FLORES-200
// sentences, when the shared corpus is present.
func TestRatiosFLORES(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "flores200-devtest")
	eng, err := os.ReadFile(filepath.Join(dir, "eng_Latn.devtest"))
	if err != nil {
		t.Skipf("shared FLORES-200 corpus not found (%v); skipping", err)
	}
	if testing.Short() {
		t.Skip("slow: counts 0.5 MB of text")
	}
	e := testEstimator()
	english := sample(string(eng))
	files := map[string]string{"id": "ind_Latn", "ms": "zsm_Latn", "th": "tha_Thai", "vi": "vie_Latn", "fil": "tgl_Latn",
		"km": "khm_Khmr", "lo": "lao_Laoo", "my": "mya_Mymr", "zh-Hans": "zho_Hans"}
	for lang, f := range files {
		text, err := os.ReadFile(filepath.Join(dir, f+".devtest"))
		if err != nil {
			t.Fatal(err)
		}
		for _, model := range []string{"gpt-4o", "gpt-4"} {
			enc := e.Encoding(model)
			got := float64(e.Count(model, sample(string(text)))) / float64(e.Count(model, english))
			if want := Ratio(enc, lang); got < want*0.95 || got > want*1.05 {
				t.Errorf("%s %s: measured ratio %.3f, table says %.3f", lang, enc, got, want)
			}
		}
	}
}

// sample keeps every eighth line of a line-aligned corpus.
func sample(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); i += 8 {
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

func FuzzCount(f *testing.F) {
	for _, s := range []string{"", "hello world", "ประเทศไทย และ", "<|endoftext|>", "\xff\xfe", strings.Repeat("ab ", 500)} {
		f.Add(s)
	}
	e := testEstimator()
	f.Fuzz(func(t *testing.T, text string) {
		n := e.Count("gpt-4o", text)
		switch {
		case text == "" && n != 0:
			t.Fatalf("Count(\"\") = %d", n)
		case text != "" && n < 1:
			t.Fatalf("Count(%q) = %d, want at least 1", text, n)
		case n > len(text):
			t.Fatalf("Count(%q) = %d, more tokens than bytes", text, n)
		}
		if got := strings.Join(segments(text, 16), ""); got != text {
			t.Fatalf("segments(%q) join to %q", text, got)
		}
	})
}
