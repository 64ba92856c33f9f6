package lint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/numbers"
	"github.com/juru-cli/juru/internal/script"
)

// Each fast path of the package is checked here against the obvious
// slow way of doing the same, on every character where that is cheap
// and on random text otherwise.

// trickyPieces are the bits random texts are made of: words of every
// script, numbers in many conventions, marks that combine or reorder,
// characters that normalization or case folding change, markup.
var trickyPieces = []string{
	"the", "The", "ASEAN", "Asean", "asean", "expo", "Expo", "window", "wow", "a:b", "mailto:x@y", "http://x.y/z", "İzmir", "Straße", "ß", "ﬁ", "K", "\u212A", "\u037E", "\u1FEF",
	"e\u0301", "é", "Ê", "ế", "e\u0302\u0301", "a\u05B0\u0301", "q\u0301", "\u0301", "\u0345", "ᾳ",
	"Hội chợ", "Ho\u0302\u0323i", "đường", "ĐƯỜNG", "tháng", "tha\u0301ng", "tỷ", "triệu",
	"ข้อริเริ่ม", "ก\u0e48\u0e38", "ก\u0e38\u0e48", "ร้อยละ", "หมื่นล้าน", "พันล้าน", "๑๒๓", "๒๕๖๓", "น.",
	"ຂໍ້ລິເລີ່ມ", "໑໘", "ໜານ", "ຕື້", "ខ្សែក្រវ៉ាត់", "១៨", "ប៊ីលាន", "\u200b",
	"ခေါင်း", "ေခါင္း", "\u1025\u102e", "\u1026", "၁,၅၀၀", "ဘီလီယံ",
	"中国", "东盟", "亿", "万", "第", "月", "世纪", "年代", "多", "\uF900", "\u8C48", "國", "の", "한",
	"pukul", "jam", "lúc", "ke-", "per cent", "persen", "%", "％", "pm", "GMT", "WIB", "bn", "billion", "miliar", "juta",
	"1", "18", "18th", "2020", "2563", "1,500", "1.500", "1 500", "1\u00a0500", "34.35", "34,35", "6.7%", "10.30", "4.2-3.9",
	"400", "12", "0", "٣", "１２", "1e5", "-", "–", ",", ".", ":", "://", "www.", "@", "`", "<b>", "&amp;", "[x](y)", "{#id}",
	" ", " ", "  ", "\t", "\u00a0", "\u3000", "\n", "\n\n", "\r\n", "\n \n", "\ufeff", "\xff", "\xe0\xb8",
}

// eachRune calls f on every code point of the planes in use: the first
// four and the tags and variation selectors of plane 14, surrogates left
// out. The other planes are unassigned or private.
func eachRune(f func(r rune)) {
	for r := rune(0); r < 0x40000; r++ {
		if r < 0xD800 || r >= 0xE000 {
			f(r)
		}
	}
	for r := rune(0xE0000); r < 0xE0200; r++ {
		f(r)
	}
}

// trickyText joins n random pieces, with or without spaces between.
func trickyText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(trickyPieces[r.IntN(len(trickyPieces))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestDigitTable(t *testing.T) {
	d := newDigitTable()
	eachRune(func(r rune) {
		if d.isDigit(r) != unicode.IsDigit(r) {
			t.Fatalf("isDigit(%U) = %v", r, d.isDigit(r))
		}
		if v, ok := digitOf(r); ok != unicode.IsDigit(r) || ok && (v < 0 || v > 9) {
			t.Fatalf("digitOf(%U) = %d, %v", r, v, ok)
		}
	})
	for s, v := range map[string]int{"7": 7, "๓": 3, "໙": 9, "៥": 5, "၀": 0, "٣": 3, "８": 8} {
		r := []rune(s)[0]
		if got, ok := digitOf(r); !ok || got != v {
			t.Errorf("digitOf(%q) = %d, %v, want %d", s, got, ok, v)
		}
	}
}

func TestIsBlankRune(t *testing.T) {
	eachRune(func(r rune) {
		want := unicode.IsSpace(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF
		if isBlankRune(r) != want {
			t.Fatalf("isBlankRune(%U) = %v", r, !want)
		}
	})
}

// TestWindowsMatchExtract checks that reading numbers around digits
// only finds what reading the whole text finds, numbers in words aside.
func TestWindowsMatchExtract(t *testing.T) {
	l := testLinter(t)
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{
		"Growth was 6.7% in 2020" + strings.Repeat(" ", 200) + "ร้อยละ" + strings.Repeat(" ", 90) + "12 and pukul" + strings.Repeat("\u00a0", 50) + "10.30",
		strings.Repeat("x", 500) + "1" + strings.Repeat("ก", 300) + "2 หมื่นล้าน",
	}
	for range 1500 {
		texts = append(texts, trickyText(r, 1+r.IntN(60)))
	}
	for _, lang := range []string{"en", "id", "vi", "th", "km", "lo", "my", "zh-Hans", "fil"} {
		ld := l.lang(lang)
		for _, text := range texts {
			var want []numbers.Number
			for _, n := range ld.reader.Extract(text) {
				if !n.Spelled {
					want = append(want, n)
				}
			}
			got := l.extract(ld, text)
			if len(got) != len(want) {
				t.Fatalf("%s %q: %d numbers, want %d:\n%v\n%v", lang, text, len(got), len(want), got, want)
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.Raw != w.Raw || g.Start != w.Start || g.End != w.End || g.Value.Cmp(w.Value) != 0 ||
					len(g.Alt) != len(w.Alt) || g.Percent != w.Percent || g.Ordinal != w.Ordinal ||
					g.Year != w.Year || g.Month != w.Month || g.Scale != w.Scale {
					t.Fatalf("%s %q: number %d is %+v, want %+v", lang, text, i, g, w)
				}
			}
		}
	}
}

// TestBlocksMatchScript checks splitBlocks against the paragraphs of
// internal/script: in a Thai file, every paragraph of Latin prose is
// reported on its own, with its span.
func TestBlocksMatchScript(t *testing.T) {
	lines := []string{
		"the expo opened in the city today", "visitors came from many countries", "# a heading line here", "",
		" ", "\t", "\u200b", "\u3000 ", "```", "~~~", "```go", "<!-- a comment", "still commented -->",
		"<!-- closed -->", "   indented text of the paragraph", "text ``` with backticks", "---", "===",
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		n := 1 + r.IntN(14)
		ls := make([]string, n)
		for i := range ls {
			ls[i] = lines[r.IntN(len(lines))]
		}
		text := strings.Join(ls, "\n")
		if r.IntN(2) == 0 {
			text += "\n"
		}
		if isFrontOpen(ls[0]) {
			continue // front matter is judged as a whole by script
		}
		fs, err := script.Check(text, "th", script.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got, want [][2]int
		for _, b := range splitBlocks(text) {
			if alone, _ := script.Check(text[b.start:b.end], "th", script.Options{}); b.kind != code && len(alone) > 0 {
				got = append(got, [2]int{b.start, b.end})
			}
		}
		for _, f := range fs {
			want = append(want, [2]int{f.Start, f.End})
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\nblocks %v\nscript %v", text, got, want)
		}
	}
}

// TestScriptsMatchCheck checks that judging blocks quickly reports what
// script.Check reports on the whole text.
func TestScriptsMatchCheck(t *testing.T) {
	l := testLinter(t)
	r := rand.New(rand.NewPCG(5, 6))
	for _, lang := range []string{"id", "vi", "th", "km", "lo", "my", "zh-Hans", "en", "fil", "ta"} {
		ld := l.lang(lang)
		for range 1500 {
			text := trickyText(r, 1+r.IntN(40))
			want, err := script.Check(text, lang, script.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := l.scripts(newPage(Doc{Text: text}, ld.code), ld)
			if len(got) != len(want) {
				t.Fatalf("%s %q: %d findings, want %d:\n%s\n%+v", lang, text, len(got), len(want), render(got), want)
			}
			for i := range got {
				if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Message != want[i].Message {
					t.Fatalf("%s %q: %+v, want %+v", lang, text, got[i], want[i])
				}
			}
		}
	}
}

// slowWindows is windows without its shortcuts: every character decoded
// and asked whether it is a digit.
func slowWindows(text string) [][2]int {
	var out [][2]int
	for i, r := range text {
		if !unicode.IsDigit(r) {
			continue
		}
		lo, hi := i-numBefore, i+utf8.RuneLen(r)+numAfter
		if k := len(out) - 1; k >= 0 && lo <= out[k][1] {
			out[k][1] = hi
			continue
		}
		out = append(out, [2]int{lo, hi})
	}
	for k := range out {
		out[k][0], out[k][1] = snapStart(text, out[k][0]), snapEnd(text, out[k][1])
	}
	merged := out[:0]
	for _, w := range out {
		if k := len(merged) - 1; k >= 0 && w[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

func TestWindowsAgainstSlow(t *testing.T) {
	d := newDigitTable()
	r := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		text := trickyText(r, 1+r.IntN(80))
		if r.IntN(3) == 0 {
			text = strings.Repeat("words without digits ", r.IntN(20)) + text
		}
		if got, want := d.windows(text), slowWindows(text); !slices.Equal(got, want) {
			t.Fatalf("%q: windows %v, want %v", text, got, want)
		}
	}
	// Latin and Vietnamese letters, digits of two and three bytes,
	// invalid and cut sequences
	pieces := []string{"a", " ", "1", "9", "ư", "ễ", "é", "Ð", "ɏ", "ʀ", "\xc3", "\xc9", "\xca", "\xc3\x31", "٣", "۵", "߀",
		"๓", "໙", "၁", "១", "８", "\xe0", "\xe0\xb9", "\xf0\x9f\x98\x80", "\xff", "\x80", "ลาว", "đường"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		if got, want := d.windows(text), slowWindows(text); !slices.Equal(got, want) {
			t.Fatalf("%q: windows %v, want %v", text, got, want)
		}
	}
}

func TestDigitOrLead(t *testing.T) {
	for c := range 256 {
		w := uint64(c) << 24
		want := c >= '0' && c <= '9' || c >= 0xCA
		if got := digitOrLead(w)>>31&1 != 0; got != want {
			t.Errorf("digitOrLead(%#x) = %v", c, got)
		}
		if digitOrLead(w)&^(0x80<<24) != 0 {
			t.Errorf("digitOrLead(%#x) flags other bytes", c)
		}
	}
}

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString on
// every character, followed by more text and cut short, and on every
// sequence of up to three bytes that starts with a byte from 0xC0 on.
func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		t.Helper()
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Fatalf("decodeRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		check(s)
		check(s + "a")
		check(s[:len(s)-1])
	}
	for a := 0xC0; a < 0x100; a++ {
		for b := range 0x100 {
			check(string([]byte{byte(a), byte(b)}))
			for _, c := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				check(string([]byte{byte(a), byte(b), c}))
			}
		}
	}
}

// hasMyanmarSlow is hasMyanmar the obvious way: a byte E1 followed by
// one from 80 to 82.
func hasMyanmarSlow(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xE1 && s[i+1] >= 0x80 && s[i+1] <= 0x82 {
			return true
		}
	}
	return false
}

// TestHasMyanmar checks hasMyanmar against hasMyanmarSlow with the
// Myanmar lead at every offset of texts of every length up to 40, among
// Vietnamese and Khmer (whose characters also start with E1), and on
// random texts.
func TestHasMyanmar(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := hasMyanmar(s), hasMyanmarSlow(s); got != want {
			t.Fatalf("hasMyanmar(%q) = %v, want %v", s, got, want)
		}
	}
	fill := strings.Repeat("ếក\xe1\x83\xe1a", 8)
	for n := range 41 {
		base := fill[:n]
		check(base)
		for i := 0; i+1 < n; i++ {
			for _, c := range []byte{0x7F, 0x80, 0x81, 0x82, 0x83, 0xBF} {
				s := []byte(base)
				s[i], s[i+1] = 0xE1, c
				check(string(s))
			}
		}
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	pieces := append([]string{"\xe1", "\x80", "\x82", "\x83", "က", "ế", "ក"}, trickyPieces...)
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(30) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestZeroBytes checks zeroBytes on every byte value at every place.
func TestZeroBytes(t *testing.T) {
	for place := range 8 {
		for v := range 256 {
			w := 0x5A5A5A5A5A5A5A5A&^(0xFF<<(8*place)) | uint64(v)<<(8*place)
			want := uint64(0)
			if v == 0 {
				want = 0x80 << (8 * place)
			}
			if got := zeroBytes(w); got != want {
				t.Fatalf("zeroBytes(%#x) = %#x, want %#x", w, got, want)
			}
		}
	}
}
