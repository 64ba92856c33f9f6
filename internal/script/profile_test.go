package script

import (
	"math/rand/v2"
	"testing"
)

func TestProfile(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[Script]int
		check      func(Counts) string
	}{
		{name: "empty", text: "", want: map[Script]int{}},
		{name: "digits punctuation emoji", text: "2021-09-10, 11:35 — 100% 🎉🇹🇭 ๑๒๓ ၁၂၃ ¥2,500", want: map[Script]int{}},
		{name: "latin", text: "Hello, World!", want: map[Script]int{Latin: 10}},
		{name: "thai with acronym", text: "โควิด COVID-19", want: map[Script]int{Thai: 5, Latin: 5}},
		{name: "thai marks count", text: "ที่นี่", want: map[Script]int{Thai: 6}},
		{name: "khmer with zero-width spaces", text: "ខ្មែរ\u200bភាសា", want: map[Script]int{Khmer: 9}},
		{name: "lao", text: "ລາວ", want: map[Script]int{Lao: 3}},
		{name: "burmese", text: "မြန်မာ", want: map[Script]int{Myanmar: 6}},
		{name: "han and kana", text: "東京はきれい", want: map[Script]int{Han: 2, Kana: 4}},
		{name: "hangul", text: "한국어", want: map[Script]int{Hangul: 3}},
		{name: "tamil", text: "தமிழ்", want: map[Script]int{Tamil: 5}},
		{name: "cyrillic greek arabic", text: "Москва Αθήνα جاوي", want: map[Script]int{Cyrillic: 6, Greek: 5, Arabic: 4}},
		{name: "micro sign is no letter", text: "5 µm", want: map[Script]int{Latin: 1}},
		{name: "url skipped", text: "ดูที่ https://example.com/news/2021?id=7&x=y นะ", want: map[Script]int{Thai: 7}},
		{name: "url glued to thai", text: "ดูที่https://example.com/abc นะ", want: map[Script]int{Thai: 7}},
		{name: "www url", text: "ไป www.example.com ครับ", want: map[Script]int{Thai: 6}},
		{name: "url in parentheses", text: "(https://example.com/a_(b)) ok", want: map[Script]int{Latin: 2}},
		{name: "email skipped", text: "เขียนถึง news.desk+th@example.co.th ได้", want: map[Script]int{Thai: 11}},
		{name: "not an email", text: "a@b", want: map[Script]int{Latin: 2}},
		{name: "code span", text: "ใช้ `juru check --lang th` ได้", want: map[Script]int{Thai: 6}},
		{name: "double backtick span", text: "x ``a ` b`` y", want: map[Script]int{Latin: 2}},
		{name: "unclosed backtick", text: "`abc", want: map[Script]int{Latin: 3}},
		{name: "html tag and entity", text: `<span class="x">ไทย</span>&nbsp;&#8217;`, want: map[Script]int{Thai: 3}},
		{name: "less than is text", text: "a < b", want: map[Script]int{Latin: 2}},
		{name: "html comment", text: "ไทย<!-- note in English -->ไทย", want: map[Script]int{Thai: 6}},
		{name: "link destination", text: "[ข่าว](https://example.com/news \"title\")", want: map[Script]int{Thai: 4}},
		{name: "relative link", text: "[ข่าว](news/article.md)", want: map[Script]int{Thai: 4}},
		{name: "image", text: "![ภาพ](img/photo.jpg)", want: map[Script]int{Thai: 3}},
		{name: "reference definition", text: "[1]: https://example.com/english-words", want: map[Script]int{}},
		{name: "footnote reference", text: "ไทย[^note]", want: map[Script]int{Thai: 3}},
		{name: "attribute list", text: "ไทย {#intro .lead}", want: map[Script]int{Thai: 3}},
		{name: "fenced code", text: "ไทย\n\n```go\nfunc main() {}\n```\n\nไทย", want: map[Script]int{Thai: 6}},
		{name: "tilde fence unclosed", text: "ไทย\n~~~\ncode code", want: map[Script]int{Thai: 3}},
		{name: "front matter keys", text: "---\ntitle: ข่าว\nauthor: ไทย\n---\nไทย", want: map[Script]int{Thai: 10}},
		{name: "rule is no front matter", text: "---\nabc", want: map[Script]int{Latin: 3}},
		{name: "decomposed vietnamese", text: "Vie\u0302\u0323t", want: map[Script]int{Latin: 4},
			check: func(c Counts) string {
				if c.Vietnamese != 2 || c.LatinWords != 1 {
					return "want 2 Vietnamese marks in 1 word"
				}
				return ""
			}},
		{name: "vietnamese letters", text: "Tiếng Việt đẹp", want: map[Script]int{Latin: 12},
			check: func(c Counts) string {
				if c.Vietnamese != 4 {
					return "want 4 Vietnamese letters"
				}
				return ""
			}},
		{name: "words and names", text: "Anwar bin Ibrahim met Joko Widodo and the ASEAN chair", want: map[Script]int{Latin: 44},
			check: func(c Counts) string {
				if c.LatinWords != 10 || c.LatinLower != 4 || c.LatinNames != 30 {
					return "want 10 words, 4 lower, 30 letters of names"
				}
				return ""
			}},
		{name: "brands with inner capitals are names", text: "iPhone eBay news", want: map[Script]int{Latin: 14},
			check: func(c Counts) string {
				if c.LatinWords != 3 || c.LatinLower != 1 || c.LatinNames != 10 {
					return "want 3 words, 1 lower, 10 letters of names"
				}
				return ""
			}},
		{name: "hyphen and apostrophe keep words", text: "Prayut Chan-o-cha, Ma'ruf", want: map[Script]int{Latin: 19},
			check: func(c Counts) string {
				if c.LatinWords != 3 || c.LatinLower != 0 {
					return "want 3 capitalized words"
				}
				return ""
			}},
		{name: "simplified and traditional", text: "这是國家的说明", want: map[Script]int{Han: 7},
			check: func(c Counts) string {
				if c.Simplified != 2 || c.Traditional != 1 {
					return "want 2 simplified, 1 traditional"
				}
				return ""
			}},
		{name: "invalid utf-8", text: "ab\xffcd", want: map[Script]int{Latin: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Profile(tt.text)
			var want [NumScripts]int
			for s, n := range tt.want {
				want[s] = n
			}
			if c.Letters != want {
				t.Errorf("Profile(%q).Letters = %v, want %v", tt.text, c.Letters, want)
			}
			if tt.check != nil {
				if msg := tt.check(c); msg != "" {
					t.Errorf("Profile(%q) = %+v: %s", tt.text, c, msg)
				}
			}
		})
	}
}

func TestCountsMethods(t *testing.T) {
	c := Profile("中文 abc ไทย")
	if c.Total() != 8 || c.Of(Han) != 2 || c.Weighted(Han) != 6 || c.WeightedTotal() != 12 {
		t.Errorf("counts %+v: total %d, han %d, weighted %d of %d", c, c.Total(), c.Of(Han), c.Weighted(Han), c.WeightedTotal())
	}
	if s, n := c.Dominant(); s != Latin || n != 3 {
		t.Errorf("Dominant = %v,%d, want Latin,3 (ties to the earlier script)", s, n)
	}
	if got := c.Share(Thai); got != 3.0/8 {
		t.Errorf("Share(Thai) = %v", got)
	}
	var zero Counts
	if zero.Share(Latin) != 0 || zero.Of(Script(99)) != 0 {
		t.Errorf("zero counts give non-zero share")
	}
	if s, n := zero.Dominant(); s != Other || n != 0 {
		t.Errorf("zero Dominant = %v,%d", s, n)
	}
	if !Profile("Joko Widodo, COVID-19").NamesOnly() || Profile("the news").NamesOnly() || Profile("Thai ไทย").NamesOnly() {
		t.Errorf("NamesOnly wrong")
	}
}

// TestProfileRandom compares Profile with the obvious count by the Unicode
// tables on random texts drawn from many scripts, without markup.
func TestProfileRandom(t *testing.T) {
	pool := []rune("abcXYZ éđươ ก ข ่ ๑ ລ ກ ក ្ ខ ។ က ျ ် ၁ 这這中国國东東 かカー 한 த ் Жж Ωω ع ह 1 , ! 🎉 \u200b\u0301\u00b5\U00020000\U0001F1F9\u4dff\u4e00\u9fff\ua000\u3400")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := rng.IntN(40)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = pool[rng.IntN(len(pool))]
		}
		text := string(rs)
		var want [NumScripts]int
		for _, r := range text {
			if s, ok := classifySlow(r); ok {
				want[s]++
			}
		}
		got := Profile(text)
		if got.Letters != want {
			t.Fatalf("Profile(%q) = %v, tables give %v", text, got.Letters, want)
		}
		simplified, traditional := 0, 0
		for _, r := range text {
			switch {
			case inSorted(simplifiedOnly, r):
				simplified++
			case inSorted(traditionalOnly, r):
				traditional++
			}
		}
		if got.Simplified != simplified || got.Traditional != traditional {
			t.Fatalf("Profile(%q) counts %d simplified, %d traditional; the lists give %d, %d", text, got.Simplified, got.Traditional, simplified, traditional)
		}
	}
}
