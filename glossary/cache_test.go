package glossary

import (
	"strings"
	"sync"
	"testing"
)

// TestLoadedGlossaryShareMatchers checks that a loaded glossary builds
// one matcher per language and that the shared matcher finds what a
// fresh one does, from many goroutines at once.
func TestLoadedGlossaryShareMatchers(t *testing.T) {
	g, err := Parse(strings.NewReader("en,id\nBelt and Road Initiative|!OBOR,Inisiatif Sabuk dan Jalan\nChina-ASEAN Expo,Ekspo Tiongkok-ASEAN\n"), "t.csv", ParseOptions{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	if NewMatcher(g, "en") != NewMatcher(g, "en") {
		t.Error("a loaded glossary built its English matcher twice")
	}
	if NewMatcher(g, "en") == NewMatcher(g, "id") {
		t.Error("two languages share a matcher")
	}
	text := "At the China-ASEAN Expo, the Belt and Road Initiative (not OBOR) was discussed."
	want := len(buildMatcher(g, "en").FindAll(text))
	if want != 3 {
		t.Fatalf("fresh matcher found %d matches, want 3", want)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewChecker(g, "en", "id")
			if got := len(c.src.FindAll(text)); got != want {
				t.Errorf("shared matcher found %d matches, want %d", got, want)
			}
			if rep := c.Check("At the China-ASEAN Expo, the Belt and Road Initiative was discussed.", "Di Ekspo Tiongkok-ASEAN, Inisiatif Sabuk dan Jalan dibahas."); len(rep.Violations) != 0 {
				t.Errorf("violations %+v", rep.Violations)
			}
		}()
	}
	wg.Wait()
	literal := &Glossary{Entries: g.Entries}
	if NewMatcher(literal, "en") == NewMatcher(literal, "en") {
		t.Error("a glossary built by hand must not cache: it may still change")
	}
}
