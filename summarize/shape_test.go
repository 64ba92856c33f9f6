package summarize

import (
	"fmt"
	"strings"
	"testing"
)

func TestShape(t *testing.T) {
	long := &source{sentences: 40, words: wordCount{n: 1000}}
	tiny := &source{sentences: 2, words: wordCount{n: 20}}
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	cases := []struct {
		name, style, to string
		words           int
		src             *source
		answer          string
		want            []string // messages, in order; none for a good answer
	}{
		{"headline good", Headline, "en", 0, long, "# " + words(15, "word"), nil},
		{"headline 16 words", Headline, "en", 0, long, "# " + words(16, "word"), []string{"the headline has 16 words; at most 15"}},
		{"headline punctuation is no word", Headline, "en", 0, long, "# " + words(15, "word") + " / – :", nil},
		{"headline body dropped", Headline, "en", 0, long, "# Title\n\nA body.", nil},
		{"headline unmarked", Headline, "en", 0, long, "Title", []string{`the answer must begin with a line "# " followed by the headline`}},
		{"headline empty", Headline, "en", 0, long, "#\n", []string{`the headline after "# " is empty`}},
		{"headline bold and closed", Headline, "en", 0, long, "## **Title** ##", nil},
		{"short good", Short, "en", 0, long, "# Title\n\nOne sentence. Another one!", nil},
		{"short abbreviations", Short, "en", 0, long, "# Title\n\nMr. Smith met Dr. Jones in the U.S. on Monday. They agreed.", nil},
		{"short decimal", Short, "id", 0, long, "# Judul\n\nNilainya 34.35 miliar. Naik 12%.", nil},
		{"short three sentences", Short, "en", 0, long, "# Title\n\nOne. Two? Three!", []string{"the summary has 3 sentences after the headline; at most 2"}},
		{"short chinese three", Short, "zh-Hans", 0, long, "# 标题\n\n第一句。第二句。第三句。", []string{"the summary has 3 sentences after the headline; at most 2"}},
		{"short khmer two", Short, "km", 0, long, "# ចំណងជើង\n\nប្រយោគទីមួយ។ ប្រយោគទីពីរ។", nil},
		{"short empty body", Short, "en", 0, long, "# Title", []string{"after the headline, write one or two sentences"}},
		{"short list", Short, "en", 0, long, "# Title\n\n- One.\n- Two.", []string{"after the headline, write one or two sentences, not a list"}},
		{"bullets good", Bullets, "en", 0, long, "# Title\n\n- One.\n- Two.\n- Three.", nil},
		{"bullets other markers", Bullets, "en", 0, long, "# Title\n\n* One.\n+ Two.\n1. Three.\n• Four.", nil},
		{"bullets two", Bullets, "en", 0, long, "# Title\n\n- One.\n- Two.", []string{`the summary has 2 key points; write 3 to 5, each on its own line starting with "- "`}},
		{"bullets six", Bullets, "en", 0, long, "# Title\n\n- 1\n- 2\n- 3\n- 4\n- 5\n- 6", []string{`the summary has 6 key points; write 3 to 5, each on its own line starting with "- "`}},
		{"bullets two from a tiny article", Bullets, "en", 0, tiny, "# Title\n\n- One.\n- Two.", nil},
		{"bullets with prose", Bullets, "en", 0, long, "# Title\n\nKey points:\n\n- One.\n- Two.\n- Three.", []string{`write every key point on its own line starting with "- ", with nothing else after the headline`}},
		{"paragraph good", Paragraph, "en", 100, long, "# Title\n\n" + words(110, "word"), nil},
		{"paragraph long", Paragraph, "en", 100, long, "# Title\n\n" + words(151, "word"), []string{"the paragraph has 151 words; write about 100"}},
		{"paragraph short", Paragraph, "en", 100, long, "# Title\n\n" + words(49, "word"), []string{"the paragraph has 49 words; write about 100"}},
		{"paragraph short from a short article", Paragraph, "en", 100, tiny, "# Title\n\n" + words(12, "word"), nil},
		{"paragraph two", Paragraph, "en", 20, long, "# Title\n\n" + words(10, "a") + "\n\n" + words(10, "b"), []string{"write one paragraph, without blank lines or lists"}},
		{"paragraph empty", Paragraph, "en", 20, long, "# Title\n", []string{"after the headline, write one paragraph of about 20 words"}},
		// Thai: 15 words of about 5.6 letters and signs each pass; twice
		// as many do not, reported as an estimate.
		{"thai headline", Headline, "th", 0, long, "# " + strings.Repeat("ประชุม", 15), nil},
		{"thai headline long", Headline, "th", 0, long, "# " + strings.Repeat("ประชุมสุด", 30), []string{"the headline has about 48 words; at most 15"}},
		{"chinese headline long", Headline, "zh-Hans", 0, long, "# " + strings.Repeat("东盟博览会", 8), []string{"the headline has about 24 words; at most 15"}},
		{"vietnamese headline of 20 syllables", Headline, "vi", 0, long, "# " + words(20, "hội"), nil},
		{"vietnamese headline of 40 syllables", Headline, "vi", 0, long, "# " + words(40, "hội"), []string{"the headline has about 29 words; at most 15"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := resolve(Options{To: c.to, From: c.to, Style: c.style, Words: c.words, Estimator: testEstimator})
			if err != nil {
				t.Fatal(err)
			}
			a := ParseAnswer(c.answer)
			if c.style == Headline {
				a.Body, a.Bullets, a.Prose = "", nil, nil
			}
			var got []string
			for _, p := range cfg.shape(a, c.src) {
				if p.Kind != Shape {
					t.Errorf("kind %s", p.Kind)
				}
				got = append(got, p.Message)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestScriptProblems(t *testing.T) {
	src := &source{text: "The expo opened in Nanning on Monday with deals in many sectors."}
	cases := []struct {
		name, from, to, text string
		want                 []string
	}{
		{"thai in thai", "en", "th", "# งานแสดงสินค้าเปิดแล้ว\n\nงานแสดงสินค้าเปิดที่หนานหนิงเมื่อวันจันทร์พร้อมข้อตกลงมากมาย\n", nil},
		{"english in thai", "en", "th", "# Expo opens\n\nThe expo opened in Nanning on Monday with many deals in many sectors.\n",
			[]string{"line 1 is in Latin script; write the summary in Thai", "line 3 is in Latin script; write the summary in Thai"}},
		{"english copied into indonesian", "en", "id", "# Ekspo dibuka\n\nThe expo opened in Nanning on Monday with deals in many sectors.\n",
			[]string{"line 3 repeats the article; write the summary in Indonesian"}},
		{"names in thai", "en", "th", "# ASEAN\n\nงานแสดงสินค้าเปิดที่หนานหนิง Joko Widodo\n", nil},
		{"traditional in simplified", "en", "zh-Hans", "# 東盟博覽會開幕\n\n東盟博覽會週一在南寧開幕，簽署了許多協議。\n",
			[]string{"line 1 uses Traditional Chinese characters; write the summary in Simplified Chinese", "line 3 uses Traditional Chinese characters; write the summary in Simplified Chinese"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := resolve(Options{From: c.from, To: c.to, Estimator: testEstimator})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range cfg.scriptProblems(c.text, src) {
				if p.Kind != Script || p.Col != 1 || !strings.HasPrefix(p.Message, fmt.Sprintf("line %d ", p.Line)) {
					t.Errorf("problem %+v", p)
				}
				got = append(got, p.Message)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
