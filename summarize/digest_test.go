package summarize

import (
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/mock"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update to accept):\n%s", name, got)
	}
}

// digestItems are a run's items in a jumbled order: summaries, a failure,
// names that need escaping and links that need encoding.
func digestItems() []DigestItem {
	return []DigestItem{
		{Key: "news/2026-11-27/vietnam-ev.md", Source: "vietnam-ev.md", Link: "news/2026-11-27/vietnam-ev.summary.id.md",
			Headline: "Produsen baterai Vietnam membangun pabrik", Body: "- Pabrik akan mempekerjakan 3.500 pekerja.\n- Dibuka pada 2027.\n- Kesepakatan ditandatangani di Nanning."},
		{Key: "news/2026-11-27/expo.txt", Source: "expo.txt", Link: "news/2026-11-27/expo.summary.id.md",
			Headline: "Ekspo China-ASEAN ke-18 catat rekor", Body: "Kesepakatan senilai 34,35 miliar dolar ditandatangani."},
		{Key: "news/2026-11-27/broken.html", Source: "broken.html", Err: "endpoint answered HTTP 500:\nserver error"},
		{Key: "news/2026-11-27/odd [name] (1).txt", Source: "odd [name] (1).txt", Link: "news/2026-11-27/odd [name] (1).summary.id.md",
			Headline: "Judul dengan *bintang* dan [kurung]"},
		{Key: "news/2026-11-27/binary.txt", Source: "binary.txt", Err: "not a text file"},
		{Key: "news/2026-11-27/no-headline.md", Source: "no-headline.md", Link: `news\2026-11-27\no-headline.summary.id.md`, Body: "Ringkasan tanpa judul.\n## Bukan judul halaman"},
	}
}

func TestDigestGolden(t *testing.T) {
	cases := []struct {
		name, lang string
		items      []DigestItem
		opts       DigestOptions
	}{
		{"digest.id.md", "id", digestItems(), DigestOptions{Label: "2026-11-27"}},
		{"digest.th.md", "th", digestItems()[1:2], DigestOptions{Title: "Morning desk", Label: "27 Nov 2026"}},
		{"digest.en.md", "en", nil, DigestOptions{}},
		{"digest.unknown.md", "xx-Test", digestItems()[4:], DigestOptions{Label: "run 7"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name, Digest(c.lang, c.items, c.opts))
		})
	}
}

// TestDigestOrder checks that the page depends on the items, not on
// their order, and that the caller's slice is left as it was.
func TestDigestOrder(t *testing.T) {
	items := digestItems()
	want := Digest("id", items, DigestOptions{Label: "x"})
	r := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		shuffled := append([]DigestItem(nil), items...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		before := append([]DigestItem(nil), shuffled...)
		if got := Digest("id", shuffled, DigestOptions{Label: "x"}); got != want {
			t.Fatalf("order changes the page:\n%s", got)
		}
		for i := range before {
			if before[i] != shuffled[i] {
				t.Fatal("Digest reordered the caller's items")
			}
		}
	}
	// Every summarized article appears once, before the failures.
	fail := strings.Index(want, "## Not summarized")
	for _, it := range items {
		at := strings.Index(want, "\n## ["+escapeText(it.Headline))
		if it.Err == "" && it.Headline != "" && (at < 0 || at > fail) {
			t.Errorf("%s missing or after the failures", it.Source)
		}
	}
}

// TestDigestOfSummaries builds a digest from real summaries of the mock,
// read back from their files with ParseAnswer.
func TestDigestOfSummaries(t *testing.T) {
	_, c := startMock(t, mock.Options{})
	src := readFixture(t, "article.md")
	var items []DigestItem
	for i, style := range Styles() {
		o := opts(style)
		o.To = "vi"
		res, err := Summarize(context.Background(), c, src, o)
		if err != nil {
			t.Fatal(err)
		}
		a := ParseAnswer(res.Text)
		if a.Headline != res.Headline || a.Body != res.Body {
			t.Fatalf("summary file reads back as %q, %q", a.Headline, a.Body)
		}
		name := "article-" + style
		items = append(items, DigestItem{Key: string(rune('d' - i)), Source: name + ".md", Link: name + ".summary.vi.md", Headline: a.Headline, Body: a.Body})
	}
	golden(t, "digest-mock.vi.md", Digest("vi", items, DigestOptions{Label: "fixture"}))
}
