package script

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/juru-cli/juru/internal/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// samples reads the self-written sentences of testdata/samples, by code.
func samples(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "samples", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return out
}

// TestSamplesConfusion checks each sample as each language: it passes in
// its own and in any language of the same script, and every paragraph is
// flagged in a language of another script.
func TestSamplesConfusion(t *testing.T) {
	reg := lang.New()
	opts := Options{Registry: reg}
	ss := samples(t)
	for code, text := range ss {
		from, err := reg.Lookup(code)
		if err != nil {
			t.Fatalf("sample %s: %v", code, err)
		}
		paras := len(blocks(text))
		for as := range ss {
			to, _ := reg.Lookup(as)
			t.Run(code+"-as-"+as, func(t *testing.T) {
				got, err := Check(text, as, opts)
				if err != nil {
					t.Fatal(err)
				}
				want := 0
				if from.Script != to.Script {
					want = paras
				}
				if from.Code == "zh-Hans" && to.Code == "zh-Hant" || from.Code == "zh-Hant" && to.Code == "zh-Hans" {
					want = paras // the other standard of Chinese
				}
				if as == "vi" && from.Script == "Latn" && code != "vi" {
					want = -1 // judged by diacritics: checked below
				}
				if want >= 0 && len(got) != want {
					t.Errorf("%d findings, want %d: %+v", len(got), want, got)
				}
			})
		}
	}
}

// TestMarkdownFixture checks a Thai Markdown article full of URLs, code,
// HTML and names: none of it may make a paragraph "Latin".
func TestMarkdownFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "markdown.th.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Check(string(b), "th", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		t.Errorf("line %d: %s", f.Line, f.Message)
	}
	// Only the front-matter values "news" and "trade" are Latin prose.
	if c := Profile(string(b)); c.Letters[Latin]-c.LatinNames != 9 {
		t.Errorf("%d Latin letters outside names counted, want 9: %+v", c.Letters[Latin]-c.LatinNames, c)
	}
}

// TestMixedGolden checks a Thai file with paragraphs in other scripts
// against testdata/mixed.th.golden (go test -update rewrites it).
func TestMixedGolden(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "mixed.th.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Check(string(b), "th", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		if f.Start < 0 || f.End > len(b) || f.Start >= f.End {
			t.Errorf("finding %+v out of range", f)
			continue
		}
		if l, c := lineCol(string(b), f.Start); l != f.Line || c != f.Col {
			t.Errorf("finding at %d: line %d col %d, want %d:%d", f.Start, f.Line, f.Col, l, c)
		}
	}
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "mixed.th.golden")
	if *update {
		if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(out))); d != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, d)
	}
}

// lineCol is the obvious computation of a 1-based line and character
// column.
func lineCol(text string, off int) (int, int) {
	line, col := 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func TestCheck(t *testing.T) {
	long := strings.Repeat("ข่าวการประชุม ", 4)
	tests := []struct {
		name, text, lang string
		opts             Options
		kinds            []Kind
		found            Script
	}{
		{name: "thai ok", text: long, lang: "th"},
		{name: "english in thai", text: "The leaders met in Bangkok to discuss trade and health cooperation.", lang: "th", kinds: []Kind{WrongScript}, found: Latin},
		{name: "thai in khmer", text: long, lang: "km", kinds: []Kind{WrongScript}, found: Thai},
		{name: "short thai in khmer", text: "ข่าว", lang: "km", kinds: []Kind{WrongScript}, found: Thai},
		{name: "short acronym in thai", text: "COVID-19", lang: "th"},
		{name: "short names in thai", text: "Joko Widodo", lang: "th"},
		{name: "short english words in thai", text: "ok thanks", lang: "th", kinds: []Kind{WrongScript}, found: Latin},
		{name: "short brand in thai", text: "iPhone 13", lang: "th"},
		{name: "short mixed in thai", text: "สรุป news", lang: "th"},
		{name: "names with thai", text: "Joko Widodo, Lee Hsien Loong, Anwar bin Ibrahim และ Prayut Chan-o-cha ประชุม", lang: "th"},
		{name: "numbers only", text: "2021 · 18 · 100%", lang: "lo"},
		{name: "thai in indonesian", text: long, lang: "id", kinds: []Kind{WrongScript}, found: Thai},
		{name: "han weighs three", text: "主办方预计四天内将有五万多名观众 Bangkok and Jakarta", lang: "zh-Hans"},
		{name: "threshold option", text: "ข่าว ข่าว ข่าว news and more news and words here", lang: "th", opts: Options{Threshold: 0.2}},
		{name: "threshold default", text: "ข่าว ข่าว ข่าว news and more news and words here", lang: "th", kinds: []Kind{WrongScript}, found: Latin},
		{name: "min letters option", text: "ok thanks", lang: "th", opts: Options{MinLetters: 5}, kinds: []Kind{WrongScript}, found: Latin},
		{name: "vietnamese ok", text: "Ban tổ chức dự kiến sẽ có hơn năm mươi nghìn lượt khách trong bốn ngày.", lang: "vi"},
		{name: "english in vietnamese", text: "Organisers expect more than fifty thousand visitors over four days.", lang: "vi", kinds: []Kind{NoDiacritics}, found: Other},
		{name: "english in vietnamese, check off", text: "Organisers expect more than fifty thousand visitors over four days.", lang: "vi", opts: Options{NoDiacritics: true}},
		{name: "short english in vietnamese", text: "Organisers expect visitors.", lang: "vi"},
		{name: "traditional in simplified", text: "貿易博覽會星期五在南寧開幕", lang: "zh-Hans", kinds: []Kind{WrongHanForm}, found: Other},
		{name: "simplified in traditional", text: "贸易博览会星期五在南宁开幕", lang: "zh-Hant", kinds: []Kind{WrongHanForm}, found: Other},
		{name: "simplified ok", text: "贸易博览会星期五在南宁开幕", lang: "zh"},
		{name: "few simplified in traditional", text: "貿易博覽會星期五在南寧開幕，这个", lang: "zh-Hant"},
		{name: "japanese in chinese", text: "東京で会議が開かれました", lang: "zh-Hans", kinds: []Kind{Japanese}, found: Kana},
		{name: "tamil ok", text: "நான்கு நாட்களில் பார்வையாளர்கள் வருவார்கள்", lang: "ta"},
		{name: "two paragraphs", text: long + "\n\n" + "The leaders met in Bangkok to discuss trade.\n\n" + long, lang: "th", kinds: []Kind{WrongScript}, found: Latin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.text, tt.lang, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []Kind
			for _, f := range got {
				kinds = append(kinds, f.Kind)
				if f.Message == "" || f.ExpectedShare < 0 || f.ExpectedShare > 1 || f.FoundShare < 0 || f.FoundShare > 1 {
					t.Errorf("bad finding %+v", f)
				}
				if f.Kind == WrongScript && f.Found != tt.found {
					t.Errorf("found %v, want %v (%s)", f.Found, tt.found, f.Message)
				}
			}
			if d := cmp.Diff(tt.kinds, kinds); d != "" {
				t.Errorf("kinds (-want +got):\n%s\nfindings %+v", d, got)
			}
		})
	}
}

func TestCheckMessages(t *testing.T) {
	tests := []struct{ text, lang, want string }{
		{"The leaders met in Bangkok to discuss trade and health cooperation ข่าว.", "th", "mostly Latin (92%) in a Thai file, Thai script only 8%"},
		{"ข่าวการประชุมข่าวการประชุมข่าวการประชุม", "km", "Thai text in a Khmer file"},
		{"贸易博览会星期五在南宁开幕", "zh-Hant", "Simplified Chinese in a Traditional Chinese file: 5 characters written only in Simplified, 0 only in Traditional"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got, err := Check(tt.text, tt.lang, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Message != tt.want {
				t.Errorf("got %+v, want message %q", got, tt.want)
			}
		})
	}
}

func TestScriptJSON(t *testing.T) {
	for s := Other; s < numScripts; s++ {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Script
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if back != s && s != Kana {
			t.Errorf("%v came back as %v", s, back)
		}
	}
	var s Script
	if err := json.Unmarshal([]byte(`"Xxxx"`), &s); err == nil {
		t.Errorf("unknown code accepted")
	}
}

func TestCheckUnknownLanguage(t *testing.T) {
	_, err := Check("text", "xx-unknown", Options{})
	var ue *lang.UnknownError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a *lang.UnknownError", err)
	}
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []para
	}{
		{name: "empty", text: ""},
		{name: "one", text: "abc", want: []para{{start: 0, end: 3, line: 1, col: 1}}},
		{name: "indent and crlf", text: "\r\n  ab\r\ncd\r\n\r\n\tef", want: []para{
			{start: 4, end: 10, line: 2, col: 3}, {start: 15, end: 17, line: 5, col: 2}}},
		{name: "trailing blanks", text: "ab  \u200b\ncd \n", want: []para{{start: 0, end: 10, line: 1, col: 1}}},
		{name: "zero-width blank line", text: "ab\n\u200b\ncd", want: []para{
			{start: 0, end: 2, line: 1, col: 1}, {start: 7, end: 9, line: 3, col: 1}}},
		{name: "bom", text: "\ufeffab", want: []para{{start: 3, end: 5, line: 1, col: 2}}},
		{name: "fence splits", text: "ab\n```\nx\n\ny\n```\ncd", want: []para{
			{start: 0, end: 2, line: 1, col: 1}, {start: 16, end: 18, line: 7, col: 1}}},
		{name: "longer closing fence", text: "~~~\nx\n~~~~\nab", want: []para{{start: 11, end: 13, line: 4, col: 1}}},
		{name: "backticks with info backtick is no fence", text: "``` a`b\ncd", want: []para{{start: 0, end: 10, line: 1, col: 1}}},
		{name: "comment block", text: "ab\n<!-- x\n\ny -->\ncd", want: []para{
			{start: 0, end: 2, line: 1, col: 1}, {start: 17, end: 19, line: 5, col: 1}}},
		{name: "front matter", text: "---\na: b\n---\n\nab", want: []para{
			{start: 4, end: 9, line: 2, col: 1, frontMatter: true}, {start: 14, end: 16, line: 5, col: 1}}},
		{name: "empty front matter", text: "+++\n+++\nab", want: []para{{start: 8, end: 10, line: 3, col: 1}}},
		{name: "unclosed front matter is text", text: "---\nab", want: []para{{start: 0, end: 6, line: 1, col: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := blocks(tt.text)
			if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(para{})); d != "" {
				t.Errorf("blocks(%q) (-want +got):\n%s", tt.text, d)
			}
		})
	}
}
