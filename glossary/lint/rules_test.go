package lint

import (
	"errors"
	"strings"
	"testing"
)

// want is one expected finding: rule, line, column and message.
type want struct {
	rule      string
	line, col int
	msg       string
}

// same compares findings with the expected ones, in order.
func same(t *testing.T, text string, got []Finding, ws []want) {
	t.Helper()
	for _, f := range got {
		checkBounds(t, text, f)
	}
	if len(got) != len(ws) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(ws), render(got))
	}
	for i, w := range ws {
		f := got[i]
		if f.Rule != w.rule || f.Line != w.line || f.Col != w.col || f.Message != w.msg {
			t.Errorf("finding %d:\n got %s %d:%d %q\nwant %s %d:%d %q", i, f.Rule, f.Line, f.Col, f.Message, w.rule, w.line, w.col, w.msg)
		}
	}
}

func TestCheckPairRules(t *testing.T) {
	l := testLinter(t)
	cases := []struct {
		name     string
		src, tgt string
		lang     string
		want     []want
	}{
		{
			name: "counted occurrences",
			src:  "Nanning hosts the expo.\n\nNanning is a city.\n\nVisitors love Nanning.\n",
			tgt:  "Nanning menjadi tuan rumah pameran.\n\nKota ini besar.\n\nPengunjung menyukai kota itu.\n",
			lang: "id",
			want: []want{{TermMissing, 3, 1, `missing "Nanning" for "Nanning": 3 in the source, 1 in the translation`}},
		},
		{
			name: "missing altogether",
			src:  "Officials praised the Belt and Road Initiative.\n",
			tgt:  "Para pejabat memuji inisiatif itu.\n",
			lang: "id",
			want: []want{{TermMissing, 1, 1, `missing "Inisiatif Sabuk dan Jalan" for "Belt and Road Initiative": 1 in the source, 0 in the translation`}},
		},
		{
			name: "admitted form counts",
			src:  "The China-ASEAN Expo opened.\n",
			tgt:  "Ekspo Tiongkok-ASEAN dibuka.\n",
			lang: "id",
		},
		{
			name: "forbidden form stands for the missing one",
			src:  "Officials praised the Belt and Road Initiative.\n",
			tgt:  "Para pejabat memuji Satu Sabuk Satu Jalan.\n",
			lang: "id",
			want: []want{{TermForbidden, 1, 21, `forbidden form "Satu Sabuk Satu Jalan": use "Inisiatif Sabuk dan Jalan"`}},
		},
		{
			name: "wrong case",
			src:  "Trade with ASEAN grew.\n",
			tgt:  "Perdagangan dengan Asean tumbuh.\n",
			lang: "id",
			want: []want{{TermCase, 1, 20, `wrong case "Asean": the glossary writes "ASEAN"`}},
		},
		{
			name: "Thai digits and Buddhist era",
			src:  "In 2020 trade reached 1,250 tonnes.\n",
			tgt:  "ในปี ๒๕๖๓ การค้ามีปริมาณถึง ๑,๒๕๐ ตัน\n",
			lang: "th",
		},
		{
			name: "decimal comma",
			src:  "Growth was 4.5% in 2021.\n",
			tgt:  "Pertumbuhan mencapai 4,5% pada 2021.\n",
			lang: "id",
		},
		{
			name: "changed number",
			src:  "Growth was 4.5% in 2021.\n",
			tgt:  "Pertumbuhan mencapai 5,4% pada 2021.\n",
			lang: "id",
			want: []want{{NumberMismatch, 1, 22, `number "4.5%" (4.5) of the source is changed to "5,4%" (5.4) in the translation`}},
		},
		{
			name: "missing number",
			src:  "The port handled 34.35 billion dollars of goods.\n",
			tgt:  "Cảng đã xử lý hàng hóa trị giá nhiều tỷ đô la.\n",
			lang: "vi",
			want: []want{{NumberMismatch, 1, 1, `number "34.35 billion" (34350000000) of the source is missing from the translation`}},
		},
		{
			name: "Latin in Thai",
			src:  "The expo opened today in the city with many visitors.\n",
			tgt:  "The exhibition opened in the city today, with lots of visitors.\n",
			lang: "th",
			want: []want{{ScriptWrong, 1, 1, "Latin text in a Thai file"}},
		},
		{
			name: "Thai in Khmer",
			src:  "The expo opened today.\n",
			tgt:  "งานแสดงสินค้าเปิดวันนี้\n",
			lang: "km",
			want: []want{{ScriptWrong, 1, 1, "Thai text in a Khmer file"}},
		},
		{
			name: "identical paragraph",
			src:  "# Title\n\nThe expo opened today in the city.\n",
			tgt:  "# Judul\n\nThe expo opened today in the city.\n",
			lang: "id",
			want: []want{{ScriptWrong, 3, 1, "paragraph identical to the source paragraph at line 3: left untranslated"}},
		},
		{
			name: "Zawgyi",
			src:  "Leaders met.\n",
			tgt:  "ေခါင္းေဆာင္မ်ား ေတြ႔ဆုံခဲ့ၾကသည္။\n",
			lang: "my",
			want: []want{{EncodingZawgyi, 1, 1, "Burmese in the legacy Zawgyi encoding instead of Unicode"}},
		},
		{
			name: "heading lost",
			src:  "# Expo opens\n\nThe expo opened.\n",
			tgt:  "Pameran dibuka\n\nPameran itu dibuka.\n",
			lang: "id",
			want: []want{{StructureParagraphs, 1, 1, "the source has a level-1 heading here, the translation a paragraph"}},
		},
		{
			name: "paragraph dropped",
			src:  "The expo opened on Monday with 1,500 exhibitors from many countries.\n\nIt will close on Friday after five days of talks between ministers, business leaders and many visitors from across the region.\n\nTrade reached 685 billion dollars in 2020 according to the ministry.\n",
			tgt:  "Pameran dibuka pada hari Senin dengan 1.500 peserta dari banyak negara.\n\nPerdagangan mencapai 685 miliar dolar pada 2020 menurut kementerian.\n",
			lang: "id",
			want: []want{{StructureParagraphs, 1, 72, "a paragraph of the source (line 3) has no counterpart in the translation; the source has 3 paragraphs, the translation 2"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := Doc{Path: "src.md", Lang: "en", Text: c.src}
			tgt := Doc{Path: "tgt.md", Lang: c.lang, Text: c.tgt}
			same(t, c.tgt, l.CheckPair(src, tgt), c.want)
		})
	}
}

func TestRelatedAndSpan(t *testing.T) {
	l := testLinter(t)
	src := Doc{Path: "src.md", Lang: "en", Text: "Nanning hosts the expo.\n\nNanning is a city.\n\nVisitors love Nanning.\n"}
	tgt := Doc{Path: "tgt.md", Lang: "id", Text: "Nanning menjadi tuan rumah pameran.\n\nKota ini besar.\n\nPengunjung menyukai kota itu.\n"}
	fs := l.CheckPair(src, tgt)
	if len(fs) != 1 {
		t.Fatalf("got %d findings:\n%s", len(fs), render(fs))
	}
	f := fs[0]
	// the first source occurrence left without a partner is the one of
	// the second paragraph; the finding spans the aligned paragraph
	if f.Related == nil || f.Related.File != "src.md" || f.Related.Line != 3 || f.Related.Col != 1 || f.Related.EndCol != 8 {
		t.Errorf("related = %+v, want src.md 3:1-3:8", f.Related)
	}
	if f.File != "tgt.md" || f.Line != 3 || f.EndLine != 3 || f.EndCol != 16 || f.Suggestion != "Nanning" {
		t.Errorf("finding = %+v", f)
	}
}

func TestCheckOne(t *testing.T) {
	l := testLinter(t)
	cases := []struct {
		name, lang, text string
		want             []want
		suggest          []string
	}{
		{
			name: "source side",
			lang: "en",
			text: "Officials praised One Belt One Road.\n\nCritics call it OBOR.\n",
			want: []want{
				{TermForbidden, 1, 19, `forbidden form "One Belt One Road": use "Belt and Road Initiative"`},
				{TermForbidden, 3, 17, `forbidden form "OBOR": use "Belt and Road Initiative"`},
			},
			suggest: []string{"Belt and Road Initiative", "Belt and Road Initiative"},
		},
		{
			name:    "capitals kept in the suggestion",
			lang:    "en",
			text:    "ONE BELT ONE ROAD\n",
			want:    []want{{TermForbidden, 1, 1, `forbidden form "ONE BELT ONE ROAD": use "Belt and Road Initiative"`}},
			suggest: []string{"BELT AND ROAD INITIATIVE"},
		},
		{
			name:    "case on the source side",
			lang:    "en",
			text:    "Trade with Asean grew.\n",
			want:    []want{{TermCase, 1, 12, `wrong case "Asean": the glossary writes "ASEAN"`}},
			suggest: []string{"ASEAN"},
		},
		{
			name: "script of a lone file",
			lang: "lo",
			text: "ງານວາງສະແດງສິນຄ້າເປີດແລ້ວ.\n\nThe expo opened today in the city with many visitors.\n",
			want: []want{{ScriptWrong, 3, 1, "Latin text in a Lao file"}},
		},
		{
			name: "language tag spellings",
			lang: "zh-CN",
			text: "各国领导人赞扬了一带一路战略。\n",
			want: []want{{TermForbidden, 1, 9, `forbidden form "一带一路战略": use "一带一路倡议"`}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := l.CheckOne(Doc{Path: "a.md", Lang: c.lang, Text: c.text})
			same(t, c.text, fs, c.want)
			for i, s := range c.suggest {
				if fs[i].Suggestion != s {
					t.Errorf("suggestion %d = %q, want %q", i, fs[i].Suggestion, s)
				}
			}
		})
	}
}

func TestSeverities(t *testing.T) {
	g := testLinter(t).opts.Glossary
	src := Doc{Path: "s", Lang: "en", Text: "Officials praised the Belt and Road Initiative in 2021.\n"}
	tgt := Doc{Path: "t", Lang: "id", Text: "Para pejabat memuji Satu Sabuk Satu Jalan pada 2022.\n"}
	cases := []struct {
		name string
		sev  map[string]Severity
		want map[string]Severity
	}{
		{"defaults", nil, map[string]Severity{TermForbidden: Error, NumberMismatch: Error}},
		{"number off", map[string]Severity{NumberMismatch: Off}, map[string]Severity{TermForbidden: Error}},
		{"forbidden off shows the missing term", map[string]Severity{TermForbidden: Off}, map[string]Severity{TermMissing: Error, NumberMismatch: Error}},
		{"warning", map[string]Severity{TermForbidden: Warning, NumberMismatch: Info}, map[string]Severity{TermForbidden: Warning, NumberMismatch: Info}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := New(Options{Glossary: g, Severities: c.sev})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]Severity{}
			for _, f := range l.CheckPair(src, tgt) {
				got[f.Rule] = f.Severity
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for r, s := range c.want {
				if got[r] != s {
					t.Errorf("%s: %q, want %q", r, got[r], s)
				}
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	for _, c := range []struct {
		sev  map[string]Severity
		want string
	}{
		{map[string]Severity{"term.unknown": Error}, `unknown rule "term.unknown"`},
		{map[string]Severity{TermCase: "fatal"}, `rule term.case: unknown severity "fatal" (want error, warning, info or off)`},
	} {
		_, err := New(Options{Severities: c.sev})
		var ue *UnknownRuleError
		if !errors.As(err, &ue) || err.Error() != c.want {
			t.Errorf("New(%v) = %v, want %s", c.sev, err, c.want)
		}
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Severity.Rank() == 0 || r.Summary == "" || !strings.Contains(r.ID, ".") {
			t.Errorf("bad rule %+v", r)
		}
		seen[r.ID] = true
	}
	for _, id := range []string{TermMissing, TermForbidden, TermCase, NumberMismatch, ScriptWrong, EncodingZawgyi, StructureParagraphs} {
		if !seen[id] {
			t.Errorf("Rules lacks %s", id)
		}
	}
}

func TestNoGlossary(t *testing.T) {
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := Doc{Lang: "en", Text: "Trade reached 685 billion dollars in 2020.\n"}
	tgt := Doc{Lang: "th", Text: "การค้ามีมูลค่าถึง 685 พันล้านดอลลาร์ในปี 2564\n"}
	same(t, tgt.Text, l.CheckPair(src, tgt), []want{{NumberMismatch, 1, 42, `number "2020" of the source is changed to "2564" in the translation`}})
	if r := l.Fix(tgt); r.Text != tgt.Text || len(r.Edits) != 0 {
		t.Errorf("Fix without a glossary changed the text")
	}
}
