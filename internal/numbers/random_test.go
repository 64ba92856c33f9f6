package numbers

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// numberPieces are the bits random texts are made of: digits of several
// scripts, separators, the words read around numbers in every language
// (magnitudes, percent, ordinals, months, centuries, clocks, ranges,
// English numbers in words), with case and normalization changed, and
// whitespace, punctuation and words that only look like them.
var numberPieces = []string{
	"0", "1", "2", "3", "5", "7", "9", "12", "13", "18", "24", "30", "59", "60", "99", "100", "2020", "2563", "1999", "0930", "1200",
	"1234567", "12345678901234567890", "123456789012345678901234567890123456789012345", "007",
	"๐", "๑", "๒๕๖๓", "໑໘", "១៨", "၁၅", "１２", "٣", "०", "꘠",
	".", ",", ".", ",", " ", " ", "\u00a0", "\u202f", "\u2009", "\u200b", "-", "–", "—", "~", ":", "/", "%", "％", "٪", "'", "\n", "\n\n", "\t",
	"thousand", "Million", "billion", "TRILLION", "bn", "ribu", "juta", "miliar", "milyar", "triliun", "jutaan", "bilion",
	"nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "trăm nghìn", "nghìn tỷ", "ngàn tỉ", norm.NFD.String("triệu"), norm.NFD.String("tỷ"), "TRIỆU",
	"libo", "milyon", "bilyong", "mil", "milhões", "mil milhões",
	"พัน", "หมื่น", "แสน", "ล้าน", "หมื่นล้าน", "ล้านล้าน", "ພັນ", "ລ້ານ", "ຕື້", "ពាន់", "លាន", "ប៊ីលាន", "ထောင်", "သန်း", "ဘီလီယံ",
	"千", "万", "萬", "亿", "億", "十亿", "万亿", "兆", "多", "余", "ஆயிரம்", "கோடி",
	"percent", "per cent", "Persen", "peratus", "phần trăm", "porsiyento", "เปอร์เซ็นต์", "ร้อยละ", "百分之", "ภาคរយ", "ភាគរយ",
	"st", "nd", "rd", "th", "TH", "ke-", "Ke-", "第", "月", "tháng ", "Tháng ", norm.NFD.String("tháng "), "世纪", "世紀", "年代",
	"pukul ", "jam ", "pkl.", "lúc ", "dan ", "hingga ", "sampai ", "ถึง", "đến ", "to ", "and ", "or ", "至", "到",
	"น.", "นาฬิกา", "WIB", "WITA", "GMT", "UTC", "giờ", "h", "hrs", "hours", "pm", "p.m.", "AM", "a.m.",
	"one", "two", "Three", "twenty", "four", "twenty-four", "hundred", "a", "A", "eleventh", "twentieth", "fifth", "zero", "ninety",
	"fİve", "\u212Aeleven", "word", "the", "ASEAN", "đường", "ข้อ", "中国", "é", "e\u0301", "\u0301", "\xff", "\xe0\xb8",
}

// randomNumberText joins n random pieces, with or without spaces between.
func randomNumberText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(numberPieces[r.IntN(len(numberPieces))])
		if r.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// dumpNumber writes every field of a number, the flags as letters (p
// percent, o ordinal, y year, m month, s spelled).
func dumpNumber(n Number) string {
	var alt []string
	for _, a := range n.Alt {
		alt = append(alt, a.RatString())
	}
	flags := ""
	for _, f := range []struct {
		on bool
		c  string
	}{{n.Percent, "p"}, {n.Ordinal, "o"}, {n.Year, "y"}, {n.Month, "m"}, {n.Spelled, "s"}} {
		if f.on {
			flags += f.c
		}
	}
	return fmt.Sprintf("%d:%d %d:%d %q %s [%s] %s e%d %s", n.Start, n.End, n.Line, n.Col, n.Raw,
		n.Value.RatString(), strings.Join(alt, " "), n.Digits.RatString(), n.Scale, flags)
}

// TestRandomGolden reads random texts in every language and compares
// them with English ones, and checks every number read and every
// mismatch found, field by field, against testdata/random.golden
// (rewrite with -update): what reading numbers returns must not change
// when it is made faster.
func TestRandomGolden(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var b strings.Builder
	for _, lang := range fuzzLangs() {
		for i := range 50 {
			text := randomNumberText(r, 1+r.IntN(40))
			fmt.Fprintf(&b, "%s %d %q\n", lang, i, text)
			for _, n := range Extract(text, lang) {
				fmt.Fprintf(&b, "\t%s\n", dumpNumber(n))
			}
			src := randomNumberText(r, 1+r.IntN(30))
			for _, m := range Compare(src, "en", text, lang, Options{Extra: true, Count: i%2 == 0, Bare: i%3 == 0}) {
				fmt.Fprintf(&b, "\t%v %d %s\n", m.Kind, m.Number.Start, m.Message)
			}
		}
	}
	path := filepath.Join("testdata", "random.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d differs from %s:\n got  %s\n want %s", i+1, path, gl[i], wl[i])
			}
		}
		t.Fatalf("output differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
	}
}
