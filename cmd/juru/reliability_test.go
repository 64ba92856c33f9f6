package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/prompt"
)

// The reliability tests share a generated corpus: articles whose every
// sentence names a made-up minister, "Xq" and three letters derived from
// the article's number, so that any request (even for half an article)
// can be mapped back to its source.

// termsFile is the glossary the reliability tests translate with.
const termsFile = "testdata/reliability/terms.csv"

// relLangs are the target languages of the reliability batches.
var relLangs = []string{"id", "th", "vi"}

// article is one generated input file.
type article struct {
	rel    string // slash-separated path under the corpus folder
	marker string // the made-up name every sentence carries
	text   string
}

// corpus is a folder of generated articles.
type corpus struct {
	dir      string
	articles []article
	byMarker map[string]int
	byRel    map[string]int
}

// markerRE finds article markers in any text.
var markerRE = regexp.MustCompile(`\bXq[a-z]{3}\b`)

// markerOf names article i: "Xq" and i written in base 26 with letters.
func markerOf(i int) string {
	b := []byte("Xqaaa")
	for k := 4; k >= 2; k-- {
		b[k] = byte('a' + i%26)
		i /= 26
	}
	return string(b)
}

var (
	relTerms = []string{"Belt and Road Initiative", "China-ASEAN Expo", "ASEAN",
		"Mekong River Commission", "Regional Comprehensive Economic Partnership", "Asian Development Bank"}
	relCities = []string{"Jakarta", "Bangkok", "Hanoi", "Nanning", "Vientiane", "Phnom Penh", "Manila", "Kuala Lumpur"}
	relDesks  = []string{"politics", "economy", "region/mekong"}
	// Each sentence holds {M} (the marker), and may hold {T} (a glossary
	// term), {C} (a city) and {N} (a number).
	relSentences = []string{
		"Minister {M} said the {T} would lift trade by {N} percent next year.",
		"Speaking in {C}, {M} told reporters that talks on the {T} had resumed.",
		"Officials close to {M} confirmed a budget of {N} million dollars for the project.",
		"{M} met delegates from {C} on Tuesday to discuss flood warnings along the river.",
		"According to {M}, the {T} expects {N} new members to join the programme.",
		"The delegation led by {M} arrived in {C} late on Sunday evening.",
		"Critics of {M} argued that the plan ignored farmers living near {C}.",
		"{M} promised a review of port fees before the {T} meets again.",
		"Trade between the two sides grew to {N} billion dollars, {M} noted.",
		"A spokesperson for {M} declined to comment on the figures from {C}.",
		"{M} said rail links to {C} would open within {N} months.",
		"Observers in {C} expect {M} to sign the agreement at the {T}.",
	}
)

// newCorpus writes n articles under dir, chosen by seed, spread over
// folders and .md/.txt files, each with three to five paragraphs and
// sometimes a list.
func newCorpus(t testing.TB, dir string, n int, seed int64) *corpus {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	c := &corpus{dir: dir, byMarker: map[string]int{}, byRel: map[string]int{}}
	for i := 0; i < n; i++ {
		m := markerOf(i)
		ext := ".md"
		if rng.Intn(3) == 0 {
			ext = ".txt"
		}
		rel := fmt.Sprintf("%s/a%03d-%s%s", relDesks[rng.Intn(len(relDesks))], i, strings.ToLower(m), ext)
		var b strings.Builder
		fmt.Fprintf(&b, "# %s: minister %s visits %s\n", relTerms[rng.Intn(len(relTerms))], m, relCities[rng.Intn(len(relCities))])
		paras := 3 + rng.Intn(3)
		for p := 0; p < paras; p++ {
			b.WriteString("\n")
			if ext == ".md" && p == paras-1 && rng.Intn(2) == 0 {
				for k := 0; k < 2+rng.Intn(2); k++ {
					b.WriteString("- " + sentence(rng, m) + "\n")
				}
				continue
			}
			ss := make([]string, 2+rng.Intn(2))
			for k := range ss {
				ss[k] = sentence(rng, m)
			}
			b.WriteString(strings.Join(ss, " ") + "\n")
		}
		a := article{rel: rel, marker: m, text: b.String()}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(rel)), a.text)
		c.byMarker[m] = len(c.articles)
		c.byRel[rel] = len(c.articles)
		c.articles = append(c.articles, a)
	}
	return c
}

// sentence fills a random template for the article with marker m.
func sentence(rng *rand.Rand, m string) string {
	s := relSentences[rng.Intn(len(relSentences))]
	num := fmt.Sprint(2 + rng.Intn(97))
	if rng.Intn(3) == 0 {
		num = fmt.Sprintf("%d.%d", 1+rng.Intn(40), 1+rng.Intn(9))
	}
	return strings.NewReplacer("{M}", m, "{T}", relTerms[rng.Intn(len(relTerms))],
		"{C}", relCities[rng.Intn(len(relCities))], "{N}", num).Replace(s)
}

// writeFile writes a file, creating its folders.
func writeFile(t testing.TB, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// itemKey names one item of a translation batch.
type itemKey struct {
	article int
	lang    string
}

// outRel is the output file of article i in lang, relative to -o.
func (c *corpus) outRel(i int, lang string) string {
	rel := c.articles[i].rel
	ext := path.Ext(rel)
	return strings.TrimSuffix(rel, ext) + "." + lang + ext
}

// items lists every item of the batch in a stable order.
func (c *corpus) items() []itemKey {
	var out []itemKey
	for i := range c.articles {
		for _, l := range relLangs {
			out = append(out, itemKey{i, l})
		}
	}
	return out
}

// itemOfSource maps a manifest or report source path and language to an item.
func (c *corpus) itemOfSource(source, lang string) (itemKey, bool) {
	i, ok := c.byRel[source]
	return itemKey{i, lang}, ok
}

// mapped is a recorded chat request with the item it was made for.
type mapped struct {
	rec  mock.Recorded
	item itemKey
	spec prompt.Spec
}

// mapRequests maps every recorded chat request to its item, failing the
// test for a request that names no article or several.
func (c *corpus) mapRequests(t testing.TB, recs []mock.Recorded) []mapped {
	t.Helper()
	var out []mapped
	for _, r := range recs {
		if r.Chat == nil {
			continue
		}
		spec, err := prompt.Parse(r.Chat.LLMMessages())
		if err != nil {
			t.Errorf("request %d is not a juru prompt: %v", r.Seq, err)
			continue
		}
		ms := uniq(markerRE.FindAllString(spec.Document, -1))
		if len(ms) != 1 {
			t.Errorf("request %d names articles %v, want exactly one", r.Seq, ms)
			continue
		}
		i, ok := c.byMarker[ms[0]]
		if !ok {
			t.Errorf("request %d names unknown article %s", r.Seq, ms[0])
			continue
		}
		if !strings.Contains(c.articles[i].text, strings.TrimSpace(spec.Document)) {
			t.Errorf("request %d: document is not a part of %s", r.Seq, c.articles[i].rel)
		}
		out = append(out, mapped{rec: r, item: itemKey{i, spec.To.Code}, spec: spec})
	}
	return out
}

func uniq(xs []string) []string {
	sort.Strings(xs)
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// loadTerms loads the reliability glossary.
func loadTerms(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Load(termsFile)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// readTree returns every regular file under dir by slash-separated
// relative path, leaving out juru's state folder.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == ".juru" {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[rel] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// tempFiles lists files under dir that look like temporaries a write
// left behind.
func tempFiles(t testing.TB, dir string) []string {
	t.Helper()
	tmp := regexp.MustCompile(`\.tmp-|\.tmp$|^\.~|~$|\.partial$`)
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && tmp.MatchString(d.Name()) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// sameLines reports whether two texts have the same line structure:
// the same number of lines, blank in the same places, with the same
// Markdown block markers.
func sameLines(a, b []byte) bool {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	if len(la) != len(lb) {
		return false
	}
	for i := range la {
		if (len(bytes.TrimSpace(la[i])) == 0) != (len(bytes.TrimSpace(lb[i])) == 0) {
			return false
		}
		for _, p := range [][]byte{[]byte("# "), []byte("- ")} {
			if bytes.HasPrefix(la[i], p) != bytes.HasPrefix(lb[i], p) {
				return false
			}
		}
	}
	return true
}
