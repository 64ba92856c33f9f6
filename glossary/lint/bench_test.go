package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/juru-cli/juru/glossary"
)

// benchLangs are the target languages the benchmarks check.
var benchLangs = []string{"id", "th", "vi", "km", "my", "zh-Hans"}

// benchSize is the size of each side of a generated pair.
const benchSize = 1 << 20

// benchFixture is the glossary and linter the benchmarks share.
type benchFixture struct {
	g *glossary.Glossary
	l *Linter
}

// fixture builds the 10,000-entry, ten-language glossary and a linter.
func fixture(b *testing.B) *benchFixture {
	b.Helper()
	g := genGlossary(b, 10000, 1)
	l, err := New(Options{Glossary: g})
	if err != nil {
		b.Fatal(err)
	}
	return &benchFixture{g, l}
}

// threadCPU returns the CPU time the calling thread has used.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuBench runs f b.N times on one locked thread and reports, besides
// wall-clock figures, the CPU time per operation and the megabytes per
// CPU second: a machine shared with other work disturbs them less. It
// returns the CPU time per operation.
func cpuBench(b *testing.B, bytes int, f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(bytes))
	start := threadCPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	cpu := threadCPU() - start
	if n == 0 || cpu <= 0 {
		return 0
	}
	per := cpu / time.Duration(n)
	b.ReportMetric(float64(per.Nanoseconds()), "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
	return per
}

func BenchmarkNew(b *testing.B) {
	fx := fixture(b)
	for b.Loop() {
		l, err := New(Options{Glossary: fx.g})
		if err != nil {
			b.Fatal(err)
		}
		l.lang("th")
	}
}

// Densities of glossary terms in generated text: one word in newsTerms
// is a term, about what news articles hold of a house glossary, or one
// in denseTerms, a text made of little else.
const (
	newsTerms  = 40
	denseTerms = 12
)

// coldPair checks a pair with a source the Linter has not seen: its path
// changes at every call, so that nothing of the source is reused.
func coldPair(l *Linter, s, t Doc) func() {
	n := 0
	return func() {
		n++
		s.Path = fmt.Sprintf("src-%d.md", n)
		l.CheckPair(s, t)
	}
}

// BenchmarkCheckPair checks generated 1 MB articles and their 1 MB
// translations, each source as if new: bytes are those of both sides.
func BenchmarkCheckPair(b *testing.B) {
	fx := fixture(b)
	for _, lang := range benchLangs {
		src, tgt := genPair(fx.g, lang, benchSize, 5, newsTerms)
		b.Run(lang, func(b *testing.B) {
			s, t := Doc{Path: "a.md", Lang: "en", Text: src}, Doc{Path: "a." + lang + ".md", Lang: lang, Text: tgt}
			fx.l.CheckPair(s, t)
			cpuBench(b, len(src)+len(tgt), coldPair(fx.l, s, t))
		})
	}
}

// BenchmarkCheckArticle checks a generated 1 MB article against its
// translations into the eight ASEAN languages and Chinese, as juru check
// does a folder juru wrote: bytes are those of all nine pairs' files.
func BenchmarkCheckArticle(b *testing.B) {
	fx := fixture(b)
	langs := []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans"}
	src, tgts := genArticle(fx.g, langs, benchSize, 5, newsTerms)
	n := 0
	size := len(src)
	for _, t := range tgts {
		size += len(t)
	}
	check := func() {
		n++
		s := Doc{Path: fmt.Sprintf("article-%d.md", n), Lang: "en", Text: src}
		for i, t := range tgts {
			fx.l.CheckPair(s, Doc{Path: "article." + langs[i] + ".md", Lang: langs[i], Text: t})
		}
	}
	check()
	cpuBench(b, size, check)
}

// BenchmarkCheckPairDense is BenchmarkCheckPair with a term every
// denseTerms words.
func BenchmarkCheckPairDense(b *testing.B) {
	fx := fixture(b)
	for _, lang := range benchLangs {
		src, tgt := genPair(fx.g, lang, benchSize, 5, denseTerms)
		b.Run(lang, func(b *testing.B) {
			s, t := Doc{Path: "a.md", Lang: "en", Text: src}, Doc{Path: "a." + lang + ".md", Lang: lang, Text: tgt}
			fx.l.CheckPair(s, t)
			cpuBench(b, len(src)+len(tgt), coldPair(fx.l, s, t))
		})
	}
}

// BenchmarkCheckOne checks generated 1 MB translations on their own.
func BenchmarkCheckOne(b *testing.B) {
	fx := fixture(b)
	for _, lang := range benchLangs {
		_, tgt := genPair(fx.g, lang, benchSize, 5, newsTerms)
		b.Run(lang, func(b *testing.B) {
			d := Doc{Path: "a." + lang + ".md", Lang: lang, Text: tgt}
			fx.l.CheckOne(d)
			cpuBench(b, len(tgt), func() { fx.l.CheckOne(d) })
		})
	}
}

// floresPair returns the FLORES-200 devtest in English and in the file
// named, sentences in paragraphs of five, or skips.
func floresPair(b *testing.B, file string) (string, string) { return floresPairT(b, file) }

// floresPairT is floresPair for any test.
func floresPairT(tb testing.TB, file string) (string, string) {
	dir := sharedCorpus(tb, "flores200-devtest")
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name+".devtest"))
		if err != nil {
			tb.Fatal(err)
		}
		return paragraphs(strings.Split(strings.TrimRight(string(data), "\n"), "\n"), 5)
	}
	return read("eng_Latn"), read(file)
}

// BenchmarkCheckPairFlores checks the FLORES-200 devtest translations
// against the English, repeated to about 1 MB a side.
func BenchmarkCheckPairFlores(b *testing.B) {
	fx := fixture(b)
	for _, fl := range floresLangs {
		b.Run(fl.code, func(b *testing.B) {
			src, tgt := floresPair(b, fl.file)
			n := benchSize/len(src) + 1
			src, tgt = strings.Repeat(src+"\n\n", n), strings.Repeat(tgt+"\n\n", n)
			s, t := Doc{Path: "a.md", Lang: "en", Text: src}, Doc{Path: "a.md", Lang: fl.code, Text: tgt}
			fx.l.CheckPair(s, t)
			cpuBench(b, len(src)+len(tgt), coldPair(fx.l, s, t))
		})
	}
}

// BenchmarkCheckArticleFlores checks the FLORES-200 devtest English,
// repeated to about 1 MB, against its nine translations.
func BenchmarkCheckArticleFlores(b *testing.B) {
	fx := fixture(b)
	var src string
	var tgts []Doc
	size := 0
	for _, fl := range floresLangs {
		s, t := floresPair(b, fl.file)
		n := benchSize/len(s) + 1
		src = strings.Repeat(s+"\n\n", n)
		t = strings.Repeat(t+"\n\n", n)
		tgts = append(tgts, Doc{Path: "a." + fl.code + ".md", Lang: fl.code, Text: t})
		size += len(t)
	}
	size += len(src)
	n := 0
	check := func() {
		n++
		s := Doc{Path: fmt.Sprintf("article-%d.md", n), Lang: "en", Text: src}
		for _, t := range tgts {
			fx.l.CheckPair(s, t)
		}
	}
	check()
	cpuBench(b, size, check)
}
