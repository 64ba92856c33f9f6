package numbers

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// articleLangs lists the self-written articles in testdata/articles: one
// English text and its translations.
func articleLangs() []string { return []string{"id", "vi", "th", "zh-Hans", "km"} }

func readArticle(t testing.TB, lang string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "articles", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestArticlesAgree: every translation of the test article has the
// numbers of the English one, read in its own conventions, and a figure
// changed in the translation is reported on both sides.
func TestArticlesAgree(t *testing.T) {
	en := readArticle(t, "en")
	for _, lang := range articleLangs() {
		t.Run(lang, func(t *testing.T) {
			tr := readArticle(t, lang)
			if ms := Compare(en, "en", tr, lang, Options{Extra: true}); len(ms) > 0 {
				t.Errorf("mismatches in a faithful translation: %s", summarize(ms))
			}
			changed := strings.Replace(tr, "396", "369", 1)
			changed = strings.Replace(changed, "៣៩៦", "៣៦៩", 1)
			ms := Compare(en, "en", changed, lang, Options{Extra: true})
			if got := summarize(ms); !strings.HasPrefix(got, "missing:396 extra:") {
				t.Errorf("changed figure reported as %q", got)
			}
			if ms := Unsupported(changed, lang, en, "en"); len(ms) != 1 {
				t.Errorf("summary check found %d unsupported numbers, want 1", len(ms))
			}
		})
	}
}

// TestArticlesGolden lists the numbers read from each article and
// compares the list with testdata/articles/<lang>.golden (rewrite with
// -update).
func TestArticlesGolden(t *testing.T) {
	for _, lang := range append([]string{"en"}, articleLangs()...) {
		t.Run(lang, func(t *testing.T) {
			var b strings.Builder
			for _, n := range Extract(readArticle(t, lang), lang) {
				w := describe(n)
				fmt.Fprintf(&b, "%d:%d\t%q\t%s\t%s\t%s\n", n.Line, n.Col, w.raw, w.value, strings.Join(w.alt, ","), w.flags)
			}
			path := filepath.Join("testdata", "articles", lang+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("numbers differ from %s:\n%s", path, b.String())
			}
		})
	}
}
