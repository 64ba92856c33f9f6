package lint

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// icountPairs checks each translation against the source n times, each
// time under a new source path, so that nothing of the source is kept
// from one time to the next. It is the function that an instruction
// count under callgrind is limited to (see TestInstructionCount).
//
//go:noinline
func icountPairs(l *Linter, src Doc, tgts []Doc, n int) int {
	c := 0
	for i := range n {
		src.Path = fmt.Sprintf("icount-%d.md", i)
		for _, t := range tgts {
			c += len(l.CheckPair(src, t))
		}
	}
	return c
}

// TestInstructionCount checks FLORES-200 pairs as BenchmarkCheckPairFlores
// does (JURU_ICOUNT names the language) or, with JURU_ICOUNT=article, the
// English against all nine translations as BenchmarkCheckArticleFlores
// does, at about 256 KB a side, twice, for counting the instructions a
// check takes, which unlike time does not depend on what else the
// machine runs:
//
//	go test -c -o /tmp/lint.test ./glossary/lint
//	cd glossary/lint && JURU_ICOUNT=vi GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1 \
//	    valgrind --tool=callgrind \
//	    --toggle-collect='*icountPairs*' --callgrind-out-file=/dev/null \
//	    /tmp/lint.test -test.run TestInstructionCount -test.v
//
// Instructions per byte are callgrind's "I refs" over twice the bytes
// the test logs. It skips unless JURU_ICOUNT is set, and without the
// shared corpus.
func TestInstructionCount(t *testing.T) {
	name := os.Getenv("JURU_ICOUNT")
	if name == "" {
		t.Skip("JURU_ICOUNT not set: nothing to count")
	}
	l, err := New(Options{Glossary: genGlossary(t, 10000, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var src string
	var tgts []Doc
	size := 0
	for _, fl := range floresLangs {
		if name != "article" && fl.code != name {
			continue
		}
		s, d := floresPairT(t, fl.file)
		n := (1<<18)/len(s) + 1
		src = strings.Repeat(s+"\n\n", n)
		tgts = append(tgts, Doc{Path: "t." + fl.code + ".md", Lang: fl.code, Text: strings.Repeat(d+"\n\n", n)})
		size += len(tgts[len(tgts)-1].Text)
	}
	if len(tgts) == 0 {
		t.Skipf("no FLORES-200 language %q here", name)
	}
	size += len(src)
	s := Doc{Path: "warm.md", Lang: "en", Text: src}
	for _, d := range tgts {
		l.CheckPair(s, d) // each language made ready, outside the count
	}
	t.Logf("%d findings, %d bytes", icountPairs(l, s, tgts, 2), size)
}
