package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addFiles seeds a fuzz test with the testdata files matching pattern.
func addFiles(f *testing.F, pattern string, add func(data []byte)) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files %s", pattern)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(data)
	}
}

// checkParsed checks a successful parse: invariants hold, and matching,
// validating and merging the glossary work on it.
func checkParsed(t *testing.T, g *Glossary, data []byte) {
	checkInvariants(t, g)
	text := string(data)
	for _, l := range g.Langs() {
		m := NewMatcher(g, l)
		for _, x := range m.FindAll(text) {
			if x.Start >= x.End || x.End > len(text) || x.Line < 1 || x.Col < 1 {
				t.Fatalf("bad match %+v", x)
			}
		}
	}
	Validate(g)
	m, err := Merge(g, g)
	if err != nil {
		t.Fatalf("merging a glossary with itself: %v", err)
	}
	if once, _ := Merge(g); m.Len() != once.Len() {
		t.Fatalf("merging with itself kept %d entries, alone %d", m.Len(), once.Len())
	}
}

func FuzzParseCSV(f *testing.F) {
	addFiles(f, "*.csv", func(b []byte) { f.Add(b) })
	for _, s := range []string{
		"en,vi\n\"=cmd|' /C calc'!A0\",+1\n",
		"\ufeffen,es\r\nEcho,Eco\r\n",
		"fr,en,\nchèvre,goat cheese,\n",
		"stringID,sourceLang,targetLang,sourceString,targetString\n1,en,th,a,ก\n",
		"en,vi,case,note\nASEAN|!Asean,\"x\\|y\",yes,\"a\nb\"\n",
		"id,en\n1,a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(bytes.NewReader(data), "f.csv", ParseOptions{Format: CSV})
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			return
		}
		checkParsed(t, g, data)
	})
}

func FuzzParseTSV(f *testing.F) {
	addFiles(f, "*.tsv", func(b []byte) { f.Add(b, false) })
	f.Add([]byte("a little\tuitoan\nabandon\thusik hela\n"), true)
	f.Add([]byte("en\tvi\n\"q\"\t\\!x|y\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, headerless bool) {
		opts := ParseOptions{Format: TSV}
		if headerless {
			opts.Columns = []string{"en", "tet"}
		}
		g, err := Parse(bytes.NewReader(data), "f.tsv", opts)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			return
		}
		checkParsed(t, g, data)
	})
}

func FuzzParseTBX(f *testing.F) {
	addFiles(f, "*.tbx", func(b []byte) { f.Add(b) })
	f.Add([]byte(tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term>a</term><termNote type="administrativeStatus">deprecated</termNote></termSec></langSec></conceptEntry>`)))
	f.Add([]byte("<!DOCTYPE tbx [<!ENTITY a \"b\">]><tbx>&a;</tbx>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(bytes.NewReader(data), "f.tbx", ParseOptions{Format: TBX})
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			return
		}
		checkParsed(t, g, data)
	})
}

// FuzzFindAll compares the matcher with the reference one. forms holds
// one entry per line, "|" between forms, "*" in front of a case-sensitive
// entry, "!" in front of a forbidden form.
func FuzzFindAll(f *testing.F) {
	seeds := [][2]string{
		{"ASEAN\nChina-ASEAN Expo\n*OBOR", "The China-ASEAN Expo, ASEAN and Obor or OBOR."},
		{"อาเซียน\nประชาคม", "ประชาคมอาเซียนได้ก่อตั้ง ที่่"},
		{"អាស៊ាន\nសហគមន៍", "សហគមន៍\u200bអាស៊ាន\u200bបាន"},
		{"Hội chợ Trung Quốc - ASEAN\nSáng kiến", "Ho\u0302\u0323i cho\u031b\u0323 Trung Quo\u0302\u0301c - ASEAN; Sa\u0301ng kie\u0302\u0301n"},
		{"İzmir\nizmir\nASEAN", "İİ İZMIR izmir i̇zmir ASEAN"},
		{"Straße\n*SS", "STRASSE Straße ß ẞ ss SS"},
		{"东盟\n中国—东盟博览会\nမြန်မာ\nລາວ", "第18届中国—东盟博览会 မြန်မာ ລາວ ASEAN"},
		{"e\n\u0301\nK", "e\u0301 \u212a k \xff\xe0\xb8"},
		{"Belt and Road Initiative\n*ASEAN Expo", "Belt and\n  Road  Initiative, ASEAN\u00a0Expo \u200bASEAN\u2060\r\n Expo\ufeff"},
		{"ASEAN Expo\nASEAN\u2029Expo", "ASEAN\n\nExpo ASEAN\r\n \r\nExpo ASEAN\u2029Expo ASEAN\nExpo ASEAN\u2028Expo"},
		{"ក្រសួង\u200bពាណិជ្ជកម្ម\nx \u0301 y", "ក្រសួងពាណិជ្ជកម្ម ក្រសួង\u200bពាណិជ្ជកម្ម x  \u0301 y x \u0301\ty"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, forms, text string) {
		if len(forms) > 2000 || len(text) > 4000 {
			return
		}
		var entries []string
		for line := range strings.Lines(forms) {
			entries = append(entries, strings.TrimSuffix(line, "\n"))
		}
		m := NewMatcher(oneLang(entries...), "xx")
		sameMatches(t, m, text)
		end := 0
		for _, x := range m.FindAll(text) {
			if x.Start < end || x.End <= x.Start || !utf8.ValidString(text) && x.End > len(text) {
				t.Fatalf("matches overlap or are empty: %+v", x)
			}
			end = x.End
		}
	})
}
