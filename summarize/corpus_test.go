package summarize

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/translate"
)

// corpus returns the seed article and the Wikinews articles, or skips.
func corpus(tb testing.TB) map[string]string {
	tb.Helper()
	var files []string
	for _, dir := range []string{filepath.Join("corpus", "seed"), filepath.Join("corpus", "news-wikinews")} {
		names, err := filepath.Glob(filepath.Join(sharedDir(tb, dir), "*.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, names...)
	}
	out := map[string]string{}
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "LICENSE") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		// The seed article dates itself "Sep 18,2021", without a space,
		// which package numbers reads as the one number 18.2021; the mock
		// writes "18, 2021", and 2021 would not occur in the article.
		out[filepath.Base(f)] = strings.ReplaceAll(string(b), "18,2021", "18, 2021")
	}
	return out
}

// TestCorpus summarizes every shared news article in four styles and
// four languages through the mock, the long ones map-reduce: the mock
// keeps numbers and terms, so no violation may remain, no repair may be
// needed and every part must be asked for exactly once.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("extended test")
	}
	docs := corpus(t)
	srv, c := startMock(t, mock.Options{Digits: mock.NativeDigits})
	g := testGlossary()
	langs := []string{"id", "th", "vi", "my"}
	i := 0
	for name, src := range docs {
		for _, to := range langs {
			style := Styles()[i%4]
			i++
			t.Run(name+"/"+to+"/"+style, func(t *testing.T) {
				before := srv.Count()
				o := Options{To: to, Style: style, Glossary: g, Estimator: testEstimator, ChunkTokens: 900}
				res, err := Summarize(context.Background(), c, src, o)
				if err != nil {
					t.Fatal(err)
				}
				parts := 0
				for _, p := range translate.Split(src, o.ChunkTokens, testEstimator.Counter("")) {
					if !p.Verbatim {
						parts++
					}
				}
				wantRequests := 1
				if testEstimator.Count("", src) > o.ChunkTokens {
					wantRequests = parts + 1
				}
				if len(res.Violations) > 0 || res.Attempts != res.Requests || res.Requests != wantRequests || srv.Count()-before != res.Attempts {
					t.Errorf("%d requests (want %d), %d attempts, violations %v\n%s", res.Requests, wantRequests, res.Attempts, res.Violations, res.Text)
				}
				if len(res.Warnings) > 0 {
					t.Errorf("warnings %v\n%s", res.Warnings, res.Text)
				}
			})
		}
	}
}

// TestSeedGlossary summarizes the seed article with a glossary that
// forbids the deprecated names, into the eight ASEAN languages, with the
// mock writing forbidden or untranslated forms on every first attempt.
func TestSeedGlossary(t *testing.T) {
	src := corpus(t)["caexpo-capacity-cooperation-2021.txt"]
	if src == "" {
		t.Skip("seed article absent")
	}
	form := func(text string, st glossary.Status) glossary.Form { return glossary.Form{Text: text, Status: st} }
	g := &glossary.Glossary{Entries: []*glossary.Entry{{ID: "bri", Terms: map[string][]glossary.Form{
		"en": {form("Belt and Road Initiative", glossary.Preferred), form("One Belt One Road", glossary.Forbidden), form("OBOR", glossary.Forbidden)},
		"id": {form("Inisiatif Sabuk dan Jalan", glossary.Preferred)}, "ms": {form("Inisiatif Jalur dan Laluan", glossary.Preferred)},
		"th": {form("ข้อริเริ่มสายแถบและเส้นทาง", glossary.Preferred)}, "vi": {form("Sáng kiến Vành đai và Con đường", glossary.Preferred)},
		"fil": {form("Belt and Road Initiative", glossary.Preferred)}, "km": {form("គំនិតផ្តួចផ្តើមខ្សែក្រវ៉ាត់និងផ្លូវ", glossary.Preferred)},
		"lo": {form("ຂໍ້ລິເລີ່ມໜຶ່ງແລວໜຶ່ງເສັ້ນທາງ", glossary.Preferred)}, "my": {form("ခါးပတ်နှင့်လမ်း အစပျိုးမှု", glossary.Preferred)},
	}}}}
	_, c := startMock(t, mock.Options{Script: mock.FirstAttemptCorruptsTerms()})
	for _, to := range []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"} {
		t.Run(to, func(t *testing.T) {
			res, err := Summarize(context.Background(), c, src, Options{To: to, Style: Bullets, Glossary: g, Estimator: testEstimator})
			if err != nil {
				t.Fatal(err)
			}
			// Where the required form is the English one, a corrupted
			// answer may drop the term, which a summary may do.
			want, _ := g.Entries[0].Preferred(to)
			kept := want == "Belt and Road Initiative" || strings.Contains(res.Text, want)
			if !res.OK() || !kept || strings.Contains(res.Text, "One Belt One Road") {
				t.Errorf("violations %v in\n%s", res.Violations, res.Text)
			}
		})
	}
}
