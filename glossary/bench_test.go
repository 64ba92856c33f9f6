package glossary

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// sharedDir returns the shared corpus folder beside the checkout, or
// skips the test when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := sharedDirOrEmpty()
	if dir == "" {
		tb.Skip("../shared (real texts and glossaries) not found; skipping")
	}
	return dir
}

// benchGlossary parses the synthetic 10,000-entry, ten-language glossary.
func benchGlossary(tb testing.TB) *Glossary {
	tb.Helper()
	g, err := Parse(bytes.NewReader(synthGlossaryCSV(10000, 1)), "synth.csv", ParseOptions{Format: CSV})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func BenchmarkLoad10k(b *testing.B) {
	data := synthGlossaryCSV(10000, 1)
	b.ReportAllocs()
	cpuBench(b, len(data), func() {
		g, err := Parse(bytes.NewReader(data), "synth.csv", ParseOptions{Format: CSV})
		if err != nil {
			b.Fatal(err)
		}
		if m := NewMatcher(g, "en"); m.Len() < 10000 {
			b.Fatalf("matcher has %d forms", m.Len())
		}
	})
}

// BenchmarkNewMatcher10k builds a language's matcher afresh; NewMatcher
// builds it once per glossary and then hands out the same one.
func BenchmarkNewMatcher10k(b *testing.B) {
	g := benchGlossary(b)
	for _, l := range []string{"en", "th"} {
		b.Run(l, func(b *testing.B) {
			b.ReportAllocs()
			cpuBench(b, 0, func() { buildMatcher(g, l) })
		})
	}
}

// benchTexts returns the texts to match: Wikinews articles and FLORES
// sentences from ../shared when present, generated text otherwise.
func benchTexts() map[string]string {
	texts := map[string]string{}
	if dir := sharedDirOrEmpty(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "corpus", "news-wikinews", "*.txt"))
		var sb strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				sb.Write(data)
				sb.WriteByte('\n')
			}
		}
		if sb.Len() > 0 {
			texts["news-en"] = sb.String()
		}
		for name, file := range map[string]string{"flores-th": "tha_Thai", "flores-vi": "vie_Latn", "flores-km": "khm_Khmr", "flores-zh": "zho_Hans", "flores-id": "ind_Latn", "flores-my": "mya_Mymr"} {
			if data, err := os.ReadFile(filepath.Join(dir, "corpus", "flores200-devtest", file+".devtest")); err == nil {
				texts[name] = string(data)
			}
		}
		if vi, ok := texts["flores-vi"]; ok {
			texts["flores-vi-nfd"] = norm.NFD.String(vi)
		}
		if en, ok := texts["news-en"]; ok {
			texts["news-en-wrapped"] = hardWrap(en, 72, "\r\n   ")
		}
	}
	if len(texts) == 0 {
		r := rand.New(rand.NewPCG(3, 4))
		var sb strings.Builder
		for sb.Len() < 200000 {
			sb.WriteString(synthForm(r, "en"))
			sb.WriteString(" said on Tuesday that the ")
			sb.WriteString(strings.ToLower(synthForm(r, "en")))
			sb.WriteString(" would meet.\n")
		}
		texts["generated-en"] = sb.String()
	}
	return texts
}

// hardWrap breaks the lines of text at spaces so that they are at most
// width bytes long where words allow, each break written as brk: the
// text a matcher sees in wrapped and indented files, a shift between the
// text and its folded form on every line.
func hardWrap(text string, width int, brk string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		n := 0
		for i, w := range strings.Split(strings.TrimSuffix(line, "\n"), " ") {
			switch {
			case i == 0:
			case n+1+len(w) > width:
				b.WriteString(brk)
				n = 0
			default:
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// sharedDirOrEmpty finds ../shared without a testing.TB.
func sharedDirOrEmpty() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, "shared", "corpus")); err == nil && fi.IsDir() {
			return filepath.Join(dir, "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// benchLang is the glossary language matched against each text.
func benchLang(name string) string {
	switch {
	case strings.HasSuffix(name, "-th"):
		return "th"
	case strings.Contains(name, "-vi"):
		return "vi"
	case strings.HasSuffix(name, "-km"):
		return "km"
	case strings.HasSuffix(name, "-zh"):
		return "zh-Hans"
	case strings.HasSuffix(name, "-id"):
		return "id"
	case strings.HasSuffix(name, "-my"):
		return "my"
	}
	return "en"
}

func BenchmarkFindAll(b *testing.B) {
	g := benchGlossary(b)
	texts := benchTexts()
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		text := texts[name]
		m := NewMatcher(g, benchLang(name))
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpuBench(b, len(text), func() { m.FindAll(text) })
		})
	}
}

// BenchmarkFindAllReference times the reference matcher on a slice of
// the English text, for comparison.
func BenchmarkFindAllReference(b *testing.B) {
	g := benchGlossary(b)
	text := "The Asian Development Bank and the National Council met in Nanning."
	m := NewMatcher(g, "en")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		naiveFindAll(m, text)
	}
}
