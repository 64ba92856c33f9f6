package glossary

import (
	"os"
	"testing"
)

// icountLoop matches text n times. It is the function that an
// instruction count under callgrind is limited to (see
// TestInstructionCount).
//
//go:noinline
func icountLoop(m *Matcher, text string, n int) int {
	c := 0
	for range n {
		c += len(m.FindAll(text))
	}
	return c
}

// TestInstructionCount matches one of the benchmark texts (JURU_ICOUNT
// names it, as BenchmarkFindAll does) four times, for counting the
// instructions matching takes, which unlike time does not depend on what
// else the machine runs:
//
//	go test -c -o /tmp/glossary.test ./glossary
//	cd glossary && JURU_ICOUNT=flores-vi GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1 \
//	    valgrind --tool=callgrind \
//	    --toggle-collect='*icountLoop*' --callgrind-out-file=/dev/null \
//	    /tmp/glossary.test -test.run TestInstructionCount -test.v
//
// Instructions per byte are callgrind's "I refs" over four times the
// bytes the test logs. It skips unless JURU_ICOUNT is set.
func TestInstructionCount(t *testing.T) {
	name := os.Getenv("JURU_ICOUNT")
	if name == "" {
		t.Skip("JURU_ICOUNT not set: nothing to count")
	}
	text, ok := benchTexts()[name]
	if !ok {
		t.Skipf("no benchmark text %q here", name)
	}
	m := NewMatcher(benchGlossary(t), benchLang(name))
	icountLoop(m, text, 1)
	t.Logf("%d matches, %d bytes", icountLoop(m, text, 3), len(text))
}
