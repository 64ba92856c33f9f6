package glossary

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFixtures(t *testing.T) {
	loaded := map[string]*Glossary{}
	for _, name := range []string{"asean.csv", "asean.tsv", "asean.tbx", "martif.tbx"} {
		t.Run(name, func(t *testing.T) {
			g, err := Load(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, g)
			loaded[name] = g
			golden(t, name+".golden", dump(g))
		})
	}
	// The three spellings of the ASEAN fixture hold the same glossary.
	csv := loaded["asean.csv"]
	for _, name := range []string{"asean.tsv", "asean.tbx"} {
		g := loaded[name]
		if csv == nil || g == nil || len(g.Entries) != len(csv.Entries) {
			t.Fatalf("%s: entries differ from asean.csv", name)
		}
		for i, e := range g.Entries {
			c := csv.Entries[i]
			if dumpTerms(e) != dumpTerms(c) || e.CaseSensitive != c.CaseSensitive || e.Notes["note"] != c.Notes["note"] {
				t.Errorf("%s entry %d:\n%s\nasean.csv:\n%s", name, i, dumpTerms(e), dumpTerms(c))
			}
		}
	}
}

// dumpTerms renders the terms of one entry.
func dumpTerms(e *Entry) string {
	return dump(&Glossary{Entries: []*Entry{{Terms: e.Terms}}})
}

// repoFile returns the path of a file in the repository's top-level
// testdata folder.
func repoFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestHouseGlossary(t *testing.T) {
	g, err := Load(repoFile(t, "glossary/asean.csv"))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, g)
	if len(g.Entries) < 12 {
		t.Errorf("%d entries", len(g.Entries))
	}
	for _, l := range []string{"en", "id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans"} {
		for _, e := range g.Entries {
			if _, ok := e.Preferred(l); !ok {
				t.Errorf("%s: no preferred %s form", e.Pos, l)
			}
		}
	}
	if ps := Validate(g); len(ps) > 0 {
		t.Errorf("the house glossary has problems: %v", ps)
	}
	c := NewChecker(g, "en", "vi")
	src := "The 18th China-ASEAN Expo opened in Nanning under the Belt and Road Initiative, not OBOR."
	var got []string
	for _, e := range c.Applicable(src) {
		vi, _ := e.Preferred("vi")
		got = append(got, vi)
	}
	want := []string{"Sáng kiến Vành đai và Con đường", "Hội chợ Trung Quốc - ASEAN", "Nam Ninh"}
	if !slices.Equal(got, want) {
		t.Errorf("applicable entries %q, want %q", got, want)
	}
	if v := NewChecker(g, "vi", "en").Forbidden(src); len(v) != 1 || v[0].Found != "OBOR" {
		t.Errorf("forbidden uses in the English text: %+v", v)
	}
}

// countRecords counts the non-blank lines of a file.
func countLines(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}

func TestRealGlossaries(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "glossaries")
	tests := []struct {
		file    string
		cols    []string
		entries int // -1: count the non-blank lines
		langs   []string
		first   map[string]string
	}{
		{"aws-translate-samples/custom-terminology.csv", nil, 3, []string{"en", "hi"}, map[string]string{"en": "Amazon", "hi": "Amazon"}},
		{"aws-translate-samples/workshop-lab3-custom_terminology.csv", nil, 5, []string{"en", "es", "fr", "hi", "ta"}, map[string]string{"en": "Echo", "ta": "Echo"}},
		{"gcp-translate-samples/bistro_glossary.csv", nil, 12, []string{"en", "fr"}, map[string]string{"fr": "chevre", "en": "goat cheese"}},
		{"tbx-kde-vi/glossary.tbx", nil, 443, []string{"en", "vi"}, map[string]string{"en": "panel", "vi": "bảng"}},
		{"tico19-google-covid19/en_id.csv", nil, 328, []string{"en", "id"}, map[string]string{"en": "contagious", "id": "menular"}},
		{"tico19-google-covid19/en_ms.csv", nil, 328, []string{"en", "ms"}, map[string]string{"en": "contagious", "ms": "berjangkit"}},
		{"tico19-google-covid19/en_th.csv", nil, 328, []string{"en", "th"}, map[string]string{"en": "contagious"}},
		{"tico19-google-covid19/en_vi.csv", nil, 328, []string{"en", "vi"}, map[string]string{"en": "contagious", "vi": "dễ lây"}},
		{"tico19-google-covid19/en_fil.csv", nil, 328, []string{"en", "fil"}, map[string]string{"en": "contagious", "fil": "nakakahawa"}},
		{"tico19-google-covid19/en_km.csv", nil, 328, []string{"en", "km"}, map[string]string{"en": "contagious"}},
		{"tico19-google-covid19/en_lo.csv", nil, 328, []string{"en", "lo"}, map[string]string{"en": "contagious"}},
		{"tico19-google-covid19/en_my.csv", nil, 328, []string{"en", "my"}, map[string]string{"en": "contagious"}},
		{"tico19-google-covid19/en_zh-CN.csv", nil, 337, []string{"en", "zh-Hans"}, map[string]string{"en": "contagious"}},
	}
	gatitos, _ := filepath.Glob(filepath.Join(dir, "gatitos", "en_*.tsv"))
	for _, f := range gatitos {
		code := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "en_"), ".tsv")
		tests = append(tests, struct {
			file    string
			cols    []string
			entries int
			langs   []string
			first   map[string]string
		}{filepath.Join("gatitos", filepath.Base(f)), []string{"en", code}, -1, slices.Sorted(slices.Values([]string{code, "en"})), nil})
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not present", path)
			}
			g, err := LoadFile(path, ParseOptions{Columns: tt.cols})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, g)
			want := tt.entries
			if want < 0 {
				want = countLines(t, path)
			}
			if len(g.Entries) != want {
				t.Errorf("%d entries, want %d", len(g.Entries), want)
			}
			if !slices.Equal(g.Langs(), tt.langs) {
				t.Errorf("languages %q, want %q", g.Langs(), tt.langs)
			}
			for l, w := range tt.first {
				if got, _ := g.Entries[0].Preferred(l); got != w {
					t.Errorf("first entry's %s form %q, want %q", l, got, w)
				}
			}
			if tt.cols != nil && !strings.HasSuffix(tt.file, "en_tet.tsv") {
				return // one lexicon of GATITOS is enough for the rest
			}
			Validate(g)
			if _, err := Merge(g, g); err != nil {
				t.Errorf("merging the glossary with itself: %v", err)
			}
		})
	}
}

// readLines reads the lines of a file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s not present", path)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// TestRealTermsOnRealText builds a ten-language glossary from Facebook's
// line-aligned COVID-19 terms and matches it against FLORES sentences in
// each language, fast matcher against reference.
func TestRealTermsOnRealText(t *testing.T) {
	shared := sharedDir(t)
	files := map[string][2]string{ // language: term file, FLORES file
		"en": {"en_XX", "eng_Latn"}, "id": {"id_ID", "ind_Latn"}, "ms": {"ms_MY", "zsm_Latn"},
		"th": {"th_TH", "tha_Thai"}, "vi": {"vi_VN", "vie_Latn"}, "fil": {"tl_XX", "tgl_Latn"},
		"km": {"km_KH", "khm_Khmr"}, "lo": {"lo_LA", "lao_Laoo"}, "my": {"my_MM", "mya_Mymr"},
		"zh-Hans": {"zh_CN", "zho_Hans"},
	}
	g := &Glossary{}
	for l, f := range files {
		lines := readLines(t, filepath.Join(shared, "corpus", "glossaries", "tico19-fb-covid19", "covid-19.lex."+f[0]))
		for i, term := range lines {
			for len(g.Entries) <= i {
				g.Entries = append(g.Entries, &Entry{ID: "fb", Terms: map[string][]Form{}})
			}
			if term = strings.TrimSpace(term); term != "" {
				g.Entries[i].Terms[l] = []Form{{Text: term, Status: Preferred}}
			}
		}
	}
	for l, f := range files {
		t.Run(l, func(t *testing.T) {
			lines := readLines(t, filepath.Join(shared, "corpus", "flores200-devtest", f[1]+".devtest"))
			m := NewMatcher(g, l)
			// Sentences with U+200B first (Khmer), then a sample; the
			// reference matcher is slow.
			var sample []string
			for _, s := range lines {
				if strings.ContainsRune(s, 0x200B) && len(sample) < 20 {
					sample = append(sample, s)
				}
			}
			sample = append(sample, lines[:min(40, len(lines))]...)
			text := strings.Join(sample, "\n")
			sameMatches(t, m, text)
			t.Logf("%s: %d matches in %d sentences", l, len(m.FindAll(strings.Join(lines, "\n"))), len(lines))
		})
	}
}
