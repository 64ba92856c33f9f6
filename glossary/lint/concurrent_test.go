package lint

import (
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentUse checks the Linter from several goroutines at once,
// languages prepared and sources kept on the way, against the findings
// of one goroutine (run it with -race).
func TestConcurrentUse(t *testing.T) {
	src := readDoc(t, filepath.Join("testdata", "expo", "source.en.md"), "en")
	var docs []Doc
	for _, x := range expoLangs {
		docs = append(docs, readDoc(t, filepath.Join("testdata", "expo", x.lang+".bad.md"), x.lang))
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = render(testLinter(t).CheckPair(src, d))
	}
	l := testLinter(t)
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for range 4 {
		for i, d := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got := render(l.CheckPair(src, d)); got != want[i] {
					errs <- d.Lang + ":\n" + got
				}
				l.CheckOne(d)
				l.Fix(d)
			}()
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
