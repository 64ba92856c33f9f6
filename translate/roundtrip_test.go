package translate

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIdentityRoundTrip translates random Markdown with an endpoint that
// answers with the document it receives: whatever the chunking,
// placeholders, line ends and white space, the result must be the source
// byte for byte.
func TestIdentityRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for i := 0; i < 150; i++ {
		src := genMarkdown(r)
		if isBlank(src) {
			continue
		}
		opts := Options{To: "th", Estimator: testEstimator, ChunkTokens: 1 + r.IntN(60), Concurrency: 1 + r.IntN(4)}
		res, err := Translate(context.Background(), &fake{identity: true}, src, opts)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if res.Text != src {
			t.Fatalf("round trip changed the document:\n%q\n%q", src, res.Text)
		}
	}
}

// seedArticle returns the shared seed article, skipping when it is absent.
func seedArticle(t testing.TB) string {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "corpus", "seed", "caexpo-capacity-cooperation-2021.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not found (%v); skipping the extended fixture", err)
	}
	return string(data)
}

// TestSeedArticle translates the seed article into every ASEAN language
// with small chunks, keeping every glossary term, and checks that the
// structure survives.
func TestSeedArticle(t *testing.T) {
	src := seedArticle(t)
	g := testGlossary()
	for _, e := range g.Entries { // the other languages borrow the Indonesian forms
		for _, l := range []string{"ms", "th", "fil", "km", "lo", "my"} {
			e.Terms[l] = e.Terms["id"]
		}
	}
	for _, to := range []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"} {
		t.Run(to, func(t *testing.T) {
			opts := Options{To: to, Glossary: g, Estimator: testEstimator, ChunkTokens: 300, Model: "gpt-4o"}
			res, err := Translate(context.Background(), &fake{dropTerms: func(turns int) bool { return turns == 0 }}, src, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK() {
				t.Errorf("violations: %+v", res.Violations)
			}
			if res.Chunks < 3 {
				t.Errorf("only %d chunks", res.Chunks)
			}
			if got, want := strings.Count(res.Text, "\n\n"), strings.Count(src, "\n\n"); got != want {
				t.Errorf("%d paragraph breaks, source has %d", got, want)
			}
			var hits int
			for _, h := range res.Hits {
				hits += h.InSource
			}
			if hits == 0 {
				t.Errorf("no glossary hits in the seed article")
			}
		})
	}
}
