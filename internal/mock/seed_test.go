package mock

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/prompt"
)

// sharedDir finds the shared material beside the checkout, or "".
func sharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "shared", "corpus")); err == nil && st.IsDir() {
			return filepath.Join(dir, "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// seedArticles reads the seed news articles, skipping when absent.
func seedArticles(t testing.TB) map[string]string {
	dir := sharedDir()
	if dir == "" {
		t.Skip("skipping: ../shared/corpus (the seed article) is not present")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "corpus", "seed", "*.txt"))
	if len(paths) == 0 {
		t.Skip("skipping: no seed article in ../shared/corpus/seed")
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

func TestSeedArticle(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	for name, doc := range seedArticles(t) {
		want := readNumbers(doc, ",", ".")
		for _, to := range []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"} {
			t.Run(name+"/"+to, func(t *testing.T) {
				spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf(to), Terms: fixtureTerms(to), Document: doc}
				out := tr.Reply(spec)
				if !slices.Equal(lineShape(doc), lineShape(out)) {
					t.Error("line structure changed")
				}
				g, d := separators(to)
				if got := readNumbers(out, g, d); !slices.Equal(got, want) {
					t.Errorf("numbers differ:\n got %v\nwant %v", got, want)
				}
				chk := glossary.NewChecker(fixtureGlossary(to), "en", to)
				rep := chk.Check(doc, out)
				if !rep.OK() || len(rep.Hits) < 2 {
					t.Errorf("glossary: %d hits, violations %v", len(rep.Hits), problems(rep))
				}
				for _, style := range []string{"headline", "short", "bullets", "paragraph"} {
					spec.Task, spec.Style = prompt.Summarize, style
					sum := tr.Reply(spec)
					if !strings.HasPrefix(sum, "# ") || len(chk.Forbidden(sum)) > 0 {
						t.Errorf("%s summary: %q", style, sum)
					}
					for _, v := range readNumbers(sum, g, d) {
						if !slices.Contains(want, v) {
							t.Errorf("%s summary: number %s not in the source", style, v)
						}
					}
				}
			})
		}
	}
}
