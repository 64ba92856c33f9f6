package glossary

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // problems, one per line
	}{
		{name: "clean", in: "en,vi\nChina-ASEAN Expo,Hội chợ Trung Quốc - ASEAN\nASEAN,ASEAN\n"},
		{name: "no entries", in: "en,vi\n", want: "v.csv: warning no-entries: the glossary has no entries"},
		{
			name: "empty entry and single language", in: "en,vi,note\n,,just a note\nOBOR,\n",
			want: "v.csv:2: error empty-entry: the entry has no term in any language\n" +
				"v.csv:3: warning single-language: the entry has a term in en only, so it can be matched but never required",
		},
		{
			name: "empty cell", in: "en,vi,th\nExpo,Hội chợ,\nASEAN,ASEAN,อาเซียน\n",
			want: "v.csv:2: warning empty-cell: the entry has no term in th",
		},
		{
			name: "duplicates", in: "en,vi\nExpo,Hội chợ\nExpo,Hội chợ\nexpo,hội chợ\n",
			want: "v.csv:3: warning duplicate: the entry repeats the one at line 2\n" +
				"v.csv:4: warning duplicate: the entry repeats the one at line 2, apart from case",
		},
		{
			name: "conflict", in: "en,vi\nExpo,Hội chợ\nExpo,Triển lãm\n",
			want: `v.csv:3: error conflict: en "Expo" is also in the entry at line 2: vi "Triển lãm" here, "Hội chợ" there`,
		},
		{
			name: "forbidden and accepted", in: "en,vi\nBelt and Road|!OBOR,Vành đai\nOBOR,OBOR\n",
			want: `v.csv:3: error conflict: en "OBOR" is also in the entry at line 2: accepted here, forbidden there`,
		},
		{
			name: "same form", in: "en,vi,th\nASEAN,ASEAN,\nASEAN,,อาเซียน\n",
			want: "v.csv:2: warning empty-cell: the entry has no term in th\n" +
				"v.csv:3: warning empty-cell: the entry has no term in vi\n" +
				`v.csv:3:1: warning same-form: en form "ASEAN" is also in the entry at line 2; the matcher finds only that entry`,
		},
		{
			name: "both forbid", in: "en,vi\nBelt and Road|!OBOR,Vành đai\nSilk Road|!OBOR,Con đường tơ lụa\n",
		},
		{
			name: "overlap", in: "en,vi\nBelt and Road,Vành đai và Con đường\nRoad Initiative Fund,Quỹ Sáng kiến\n",
			want: `v.csv:2:1: warning overlap: en form "Belt and Road" ends where form "Road Initiative Fund" of the entry at line 3 starts; where they overlap in a text, only the first is found`,
		},
		{
			name: "overlap in Chinese", in: "en,zh-Hans\nChina-ASEAN,中国—东盟\nASEAN Expo,东盟博览会\n",
			want: `v.csv:2:1: warning overlap: en form "China-ASEAN" ends where form "ASEAN Expo" of the entry at line 3 starts; where they overlap in a text, only the first is found` + "\n" +
				`v.csv:2:13: warning overlap: zh-Hans form "中国—东盟" ends where form "东盟博览会" of the entry at line 3 starts; where they overlap in a text, only the first is found`,
		},
		{
			name: "one shared Thai character is no overlap", in: "en,th\nNanning,หนานหนิง\nGuangxi,งานกว่างซี\n",
		},
		{
			name: "containment is no overlap", in: "en,vi\nChina-ASEAN Expo,Hội chợ Trung Quốc - ASEAN\nASEAN,ASEAN\n",
		},
		{
			name: "formula and edge punctuation", in: "en,vi\n\"=HYPERLINK(\"\"x\"\")\",@cmd\n(ASEAN),ASEAN.\n",
			want: `v.csv:2:1: warning edge-punct: en form "=HYPERLINK(\"x\")" ends with punctuation, so it matches there without a word boundary` + "\n" +
				`v.csv:2:1: warning formula: en form "=HYPERLINK(\"x\")" looks like a spreadsheet formula; a spreadsheet may run it` + "\n" +
				`v.csv:2:21: warning formula: vi form "@cmd" looks like a spreadsheet formula; a spreadsheet may run it` + "\n" +
				`v.csv:3:1: warning edge-punct: en form "(ASEAN)" starts and ends with punctuation, so it matches there without a word boundary` + "\n" +
				`v.csv:3:9: warning edge-punct: vi form "ASEAN." ends with punctuation, so it matches there without a word boundary`,
		},
		{
			name: "unsupported language", in: "en,fr\nExpo,Exposition\nASEAN,ANASE\n",
			want: "v.csv:2:6: warning unsupported-lang: juru does not translate into fr; its terms are only matched",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := csvGlossary(t, "v.csv", tt.in)
			var lines []string
			for _, p := range Validate(g) {
				lines = append(lines, p.String())
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestValidateUnknownLanguage(t *testing.T) {
	g := &Glossary{Files: []string{"x"}, Entries: []*Entry{
		{ID: "1", Pos: Pos{File: "x", Line: 1}, Terms: map[string][]Form{"en": {{"a", Preferred}}, "EN_us": {{"b", Preferred}}}},
	}}
	ps := Validate(g)
	want := `x:1: error unknown-lang: "EN_us" is not a canonical language code (want "en")`
	if len(ps) != 1 || ps[0].String() != want {
		t.Errorf("problems %v, want %s", ps, want)
	}
}

func TestValidateSorted(t *testing.T) {
	a := csvGlossary(t, "b.csv", "en,vi\nExpo,Hội chợ\nExpo,Triển lãm\n")
	b := csvGlossary(t, "a.csv", "en,vi\n=x,y\n")
	g := &Glossary{Files: []string{"b.csv", "a.csv"}, Entries: append(a.Entries, b.Entries...)}
	ps := Validate(g)
	for i := 1; i < len(ps); i++ {
		p, q := ps[i-1].Pos, ps[i].Pos
		if p.File == q.File && (p.Line > q.Line || p.Line == q.Line && p.Col > q.Col) {
			t.Errorf("problems out of order: %v before %v", ps[i-1], ps[i])
		}
	}
	if len(ps) < 2 || ps[0].Pos.File != "b.csv" || ps[len(ps)-1].Pos.File != "a.csv" {
		t.Errorf("problems not in the glossary's file order: %v", ps)
	}
}
