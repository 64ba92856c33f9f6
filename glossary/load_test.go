package glossary

import (
	"strings"
	"testing"
)

func TestParseTable(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		cols   []string
		in     string
		want   string
	}{
		{
			name: "amazon", format: CSV,
			in: "en,hi\nAmazon,Amazon\nmachine learning,Machine Learning",
			want: `t:2 t:2
  en: ="Amazon" @2:1
  hi: ="Amazon" @2:8
t:3 t:3
  en: ="machine learning" @3:1
  hi: ="Machine Learning" @3:18
`,
		},
		{
			name: "byte order mark and CRLF", format: CSV,
			in: "\ufeffen,es\r\nEcho,Eco\r\n",
			want: `t:2 t:2
  en: ="Echo" @2:1
  es: ="Eco" @2:6
`,
		},
		{
			name: "trailing empty header column", format: CSV,
			in: "fr,en,\nchèvre,goat cheese,\n",
			want: `t:2 t:2
  en: ="goat cheese" @2:8
  fr: ="chèvre" @2:1
`,
		},
		{
			name: "tags canonicalized", format: CSV,
			in: "en-US,zh-CN,tl,in,pt-TL,es-419,hi\na,b,c,d,e,f,g\n",
			want: `t:2 t:2
  en: ="a" @2:1
  es-419: ="f" @2:11
  fil: ="c" @2:5
  hi: ="g" @2:13
  id: ="d" @2:7
  pt: ="e" @2:9
  zh-Hans: ="b" @2:3
`,
		},
		{
			name: "notes", format: CSV,
			in: "en,vi,note,Part of speech,pos,Description\nExpo,Hội chợ,yearly,noun,n, held in Nanning \n",
			want: `t:2 t:2
  en: ="Expo" @2:1
  vi: ="Hội chợ" @2:6
  note Description: "held in Nanning"
  note Part of speech: "noun"
  note note: "yearly"
  note pos: "n"
`,
		},
		{
			name: "numeric id column is a note", format: CSV,
			in: "id,en,vi\n1,ASEAN,ASEAN\n2,Expo,Hội chợ\n",
			want: `t:2 t:2
  en: ="ASEAN" @2:3
  vi: ="ASEAN" @2:9
  note id: "1"
t:3 t:3
  en: ="Expo" @3:3
  vi: ="Hội chợ" @3:8
  note id: "2"
`,
		},
		{
			name: "id column of words is Indonesian", format: CSV,
			in: "en,id\nExpo,Ekspo\n",
			want: `t:2 t:2
  en: ="Expo" @2:1
  id: ="Ekspo" @2:6
`,
		},
		{
			name: "case column", format: CSV,
			in: "en,vi,Case-Sensitive\nASEAN,ASEAN,yes\nExpo,Hội chợ,\nUN,LHQ,x\nWHO,WHO,no\n",
			want: `t:2 t:2 case-sensitive
  en: ="ASEAN" @2:1
  vi: ="ASEAN" @2:7
t:3 t:3
  en: ="Expo" @3:1
  vi: ="Hội chợ" @3:6
t:4 t:4 case-sensitive
  en: ="UN" @4:1
  vi: ="LHQ" @4:4
t:5 t:5
  en: ="WHO" @5:1
  vi: ="WHO" @5:5
`,
		},
		{
			name: "several forms", format: CSV,
			in: "en,vi\n Belt and Road Initiative | ! One Belt One Road |!OBOR|BRI ,Sáng kiến Vành đai và Con đường\n",
			want: `t:2 t:2
  en: ="Belt and Road Initiative" !"One Belt One Road" !"OBOR" ~"BRI" @2:2
  vi: ="Sáng kiến Vành đai và Con đường" @2:61
`,
		},
		{
			name: "preferred moves first", format: CSV,
			in: "en\n!OBOR|Belt and Road Initiative|BRI\n",
			want: `t:2 t:2
  en: ="Belt and Road Initiative" !"OBOR" ~"BRI" @2:1
`,
		},
		{
			name: "escapes", format: TSV,
			in: "en\tvi\nAT\\|T|\\!Kung|a\\\\b|C:\\path\tx\n",
			want: `t:2 t:2
  en: ="AT|T" ~"!Kung" ~"a\\b" ~"C:\\path" @2:1
  vi: ="x" @2:27
`,
		},
		{
			name: "a form given twice is kept once", format: CSV,
			in: "en,vi\nASEAN|Asean|ASEAN,ASEAN\n",
			want: `t:2 t:2
  en: ="ASEAN" @2:1
  vi: ="ASEAN" @2:19
`,
		},
		{
			name: "case-sensitive forms differ by case", format: CSV,
			in: "en,case\nASEAN|!Asean,yes\n",
			want: `t:2 t:2 case-sensitive
  en: ="ASEAN" !"Asean" @2:1
`,
		},
		{
			name: "empty cells and blank rows", format: CSV,
			in: "en,vi,th\nExpo,,งาน\n\n,,\nASEAN,ASEAN\n",
			want: `t:2 t:2
  en: ="Expo" @2:1
  th: ="งาน" @2:7
t:5 t:5
  en: ="ASEAN" @5:1
  vi: ="ASEAN" @5:7
`,
		},
		{
			name: "formula-looking cells are text", format: CSV,
			in: "en,vi\n\"=cmd|' /C calc'!A0\",+1\n@SUM(A1),-2\n",
			want: `t:2 t:2
  en: ="=cmd" ~"' /C calc'!A0" @2:1
  vi: ="+1" @2:22
t:3 t:3
  en: ="@SUM(A1)" @3:1
  vi: ="-2" @3:10
`,
		},
		{
			name: "quoted cell with comma and line break", format: CSV,
			in: "en,vi,note\nExpo,Hội chợ,\"yearly, in\nNanning\"\nASEAN,ASEAN,\n",
			want: `t:2 t:2
  en: ="Expo" @2:1
  vi: ="Hội chợ" @2:6
  note note: "yearly, in\nNanning"
t:4 t:4
  en: ="ASEAN" @4:1
  vi: ="ASEAN" @4:7
`,
		},
		{
			name: "TSV quotes are ordinary characters", format: TSV,
			in: "en\tvi\n\"Doi Moi\" reforms\tcông cuộc \"Đổi Mới\"\n",
			want: `t:2 t:2
  en: ="\"Doi Moi\" reforms" @2:1
  vi: ="công cuộc \"Đổi Mới\"" @2:19
`,
		},
		{
			name: "short rows and trailing empty cells", format: CSV,
			in: "en,vi,th\nExpo\nASEAN,ASEAN,อาเซียน,,\n",
			want: `t:2 t:2
  en: ="Expo" @2:1
t:3 t:3
  en: ="ASEAN" @3:1
  th: ="อาเซียน" @3:13
  vi: ="ASEAN" @3:7
`,
		},
		{
			name: "header-less TSV with given columns", format: TSV, cols: []string{"en", "tet"},
			in: "a little\tuitoan\nabandon\thusik hela\n",
			want: `t:1 t:1
  en: ="a little" @1:1
  tet: ="uitoan" @1:10
t:2 t:2
  en: ="abandon" @2:1
  tet: ="husik hela" @2:9
`,
		},
		{
			name: "given columns accept any language tag", format: TSV, cols: []string{"en", "bts"},
			in: "a\tsada\n",
			want: `t:1 t:1
  bts: ="sada" @1:3
  en: ="a" @1:1
`,
		},
		{
			name: "pair layout", format: CSV,
			in: "stringID,sourceLang,targetLang,pos,description,sourceString,targetString\n" +
				"1,en,zh-CN,adjective,\"In the context of coronavirus (COVID-19): transmissible\",contagious,传染性\n" +
				"2,en-US,th,noun,,active cases,ผู้ป่วยที่ยังรักษาอยู่\n",
			want: `t:2 t:2
  en: ="contagious" @2:80
  zh-Hans: ="传染性" @2:91
  note description: "In the context of coronavirus (COVID-19): transmissible"
  note pos: "adjective"
  note stringID: "1"
t:3 t:3
  en: ="active cases" @3:18
  th: ="ผู้ป่วยที่ยังรักษาอยู่" @3:31
  note pos: "noun"
  note stringID: "2"
`,
		},
		{
			name: "sniffed TSV", format: Auto,
			in: "en\tvi\nExpo\tHội chợ\n",
			want: `t:2 t:2
  en: ="Expo" @2:1
  vi: ="Hội chợ" @2:6
`,
		},
		{
			name: "sniffed TSV with an empty first column", format: Auto,
			in: "\n\ten\tvi\n\tExpo\tHội chợ\n",
			want: `t:3 t:3
  en: ="Expo" @3:2
  vi: ="Hội chợ" @3:7
`,
		},
		{
			name: "header only", format: CSV,
			in:   "en,vi\n",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tt.in), "t", ParseOptions{Format: tt.format, Columns: tt.cols})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, g)
			if got := dump(g); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if len(g.Files) != 1 || g.Files[0] != "t" {
				t.Errorf("Files = %q", g.Files)
			}
		})
	}
}
