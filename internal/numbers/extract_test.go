package numbers

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// want describes an expected number: its text, value and other readings
// as decimal strings, and flags written as letters (p percent, o ordinal,
// y year, m month, s spelled).
type want struct {
	raw, value string
	alt        []string
	flags      string
}

func describe(n Number) want {
	w := want{raw: n.Raw, value: decimal(n.Value)}
	for _, a := range n.Alt {
		w.alt = append(w.alt, decimal(a))
	}
	for _, f := range []struct {
		on bool
		c  string
	}{{n.Percent, "p"}, {n.Ordinal, "o"}, {n.Year, "y"}, {n.Month, "m"}, {n.Spelled, "s"}} {
		if f.on {
			w.flags += f.c
		}
	}
	return w
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []want
	}{
		{"English billion", "en", "deals worth 34.35 billion dollars", []want{{raw: "34.35 billion", value: "34350000000"}}},
		{"Indonesian miliar", "id", "senilai 34,35 miliar dolar", []want{{raw: "34,35 miliar", value: "34350000000"}}},
		{"Vietnamese tỷ", "vi", "trị giá 34,35 tỷ đô la", []want{{raw: "34,35 tỷ", value: "34350000000"}}},
		{"Vietnamese decomposed", "vi", norm.NFD.String("trị giá 34,35 tỷ đô la"), []want{{raw: norm.NFD.String("34,35 tỷ"), value: "34350000000"}}},
		{"Chinese 亿", "zh-Hans", "签约总额达343.5亿美元", []want{{raw: "343.5亿", value: "34350000000"}}},
		{"Chinese 万 with more", "zh-Hans", "有 400 多万人前往", []want{{raw: "400 多万", value: "4000000"}}},
		{"Chinese compound 万亿", "zh-Hans", "1.2万亿元", []want{{raw: "1.2万亿", value: "1200000000000"}}},
		{"Traditional 兆", "zh-Hant", "3兆元", []want{{raw: "3兆", value: "3000000000000"}}},
		{"Thai compound", "th", "มูลค่า 34.35 พันล้านดอลลาร์", []want{{raw: "34.35 พันล้าน", value: "34350000000"}}},
		{"Thai digits", "th", "จำนวน ๑,๒๓๔ คน", []want{{raw: "๑,๒๓๔", value: "1234", alt: []string{"1.234"}}}},
		{"Thai percent prefix", "th", "เพิ่มขึ้นร้อยละ 8", []want{{raw: "8", value: "8", flags: "p"}}},
		{"Lao", "lo", "ຫຼາຍກວ່າ 1,000 ຄົນ ແລະ ໕ ລ້ານ", []want{{raw: "1,000", value: "1", alt: []string{"1000"}}, {raw: "໕ ລ້ານ", value: "5000000"}}},
		{"Khmer", "km", "មនុស្ស ៦០០០ នាក់ និង ៣ លាន", []want{{raw: "៦០០០", value: "6000"}, {raw: "៣ លាន", value: "3000000"}}},
		{"Burmese", "my", "လူပေါင်း ၃၃၀,၀၀၀ နှင့် ၁၅ သန်း", []want{{raw: "၃၃၀,၀၀၀", value: "330000", alt: []string{"330"}}, {raw: "၁၅ သန်း", value: "15000000"}}},
		{"Filipino", "fil", "AUD$45 milyon", []want{{raw: "45 milyon", value: "45000000"}}},
		{"Malay bilion", "ms", "RM2.5 bilion", []want{{raw: "2.5 bilion", value: "2500000000"}}},
		{"Portuguese", "pt", "3,5 mil milhões de dólares", []want{{raw: "3,5 mil milhões", value: "3500000000"}}},
		{"ambiguous in English", "en", "1.234 and 1,234", []want{{raw: "1.234", value: "1.234", alt: []string{"1234"}}, {raw: "1,234", value: "1234", alt: []string{"1.234"}}}},
		{"ambiguous in Indonesian", "id", "1.234 dan 1,234", []want{{raw: "1.234", value: "1234", alt: []string{"1.234"}}, {raw: "1,234", value: "1.234", alt: []string{"1234"}}}},
		{"grouping invalid in Indonesian", "id", "naik 34.35 poin", []want{{raw: "34.35", value: "34.35"}}},
		{"both separators", "id", "Rp 1.234.567,89", []want{{raw: "1.234.567,89", value: "1234567.89"}}},
		{"English style in Indonesian", "id", "1,234,567.89", []want{{raw: "1,234,567.89", value: "1234567.89"}}},
		{"no-break space grouping", "en", "1\u00a0234\u202f567 people", []want{{raw: "1\u00a0234\u202f567", value: "1234567"}}},
		{"Indian grouping", "ta", "12,34,567 ரூபாய்", []want{{raw: "12,34,567", value: "1234567"}}},
		{"range", "en", "from 2016 to 2020", []want{{raw: "2016", value: "2016", flags: "y"}, {raw: "2020", value: "2020", flags: "y"}}},
		{"range sharing magnitude", "en", "4.2-3.9 million years", []want{{raw: "4.2", value: "4.2", alt: []string{"4200000"}}, {raw: "3.9 million", value: "3900000"}}},
		{"ordinals", "en", "the 18th and 1st", []want{{raw: "18th", value: "18", flags: "o"}, {raw: "1st", value: "1", flags: "o"}}},
		{"Indonesian ordinal", "id", "abad ke-20", []want{{raw: "20", value: "20", flags: "o"}}},
		{"percent", "en", "up 12% and 3.5 percent", []want{{raw: "12%", value: "12", flags: "p"}, {raw: "3.5 percent", value: "3.5", flags: "p"}}},
		{"version is three numbers", "en", "version 1.2.3", []want{{raw: "1", value: "1"}, {raw: "2", value: "2"}, {raw: "3", value: "3"}}},
		{"sentence end", "en", "in 2020. Then 5,", []want{{raw: "2020", value: "2020", flags: "y"}, {raw: "5", value: "5"}}},
		{"Chinese month", "zh-Hans", "11 月 16 日", []want{{raw: "11", value: "11", flags: "m"}, {raw: "16", value: "16"}}},
		{"Vietnamese month", "vi", "tháng 9 năm 2021", []want{{raw: "9", value: "9", flags: "m"}, {raw: "2021", value: "2021", flags: "y"}}},
		{"Chinese decade", "zh-Hans", "20 世纪 60 年代", []want{{raw: "20 世纪 60 年代", value: "1960", flags: "y"}}},
		{"Chinese century", "zh-Hans", "自 19 世纪初", []want{{raw: "19 世纪", value: "19", alt: []string{"1800"}}}},
		{"Indonesian clock", "id", "pukul 06.30 dan 07.30 WIB", []want{{raw: "06", value: "6"}, {raw: "30", value: "30"}, {raw: "07", value: "7"}, {raw: "30", value: "30"}}},
		{"Thai clock", "th", "เวลา 23.35 น.", []want{{raw: "23", value: "23"}, {raw: "35", value: "35"}}},
		{"afternoon hour", "en", "between 10:00-11:35 pm", []want{{raw: "10", value: "10", alt: []string{"22"}}, {raw: "00", value: "0"}, {raw: "11", value: "11", alt: []string{"23"}}, {raw: "35", value: "35"}}},
		{"military time", "en", "at 1200 GMT", []want{{raw: "1200", value: "1200", alt: []string{"12"}, flags: "y"}}},
		{"spelled", "en", "twenty-four of the sixty-five, two million, a hundred and five, eleventh", []want{
			{raw: "twenty-four", value: "24", flags: "s"}, {raw: "sixty-five", value: "65", flags: "s"},
			{raw: "two million", value: "2000000", flags: "s"}, {raw: "a hundred and five", value: "105", flags: "s"},
			{raw: "eleventh", value: "11", flags: "os"}}},
		{"spelled percent and year", "en", "thirty percent in nineteen eighty", []want{{raw: "thirty percent", value: "30", flags: "ps"}, {raw: "nineteen", value: "19", flags: "s"}, {raw: "eighty", value: "80", flags: "s"}}},
		{"spelled only in English", "id", "dua puluh, twenty", nil},
		{"other scripts", "en", "Devanagari १२३, full-width １２３", []want{{raw: "१२३", value: "123"}, {raw: "１２３", value: "123"}}},
		{"too many digits", "en", strings.Repeat("9", 41) + " x", nil},
		{"unknown language reads like English", "xx-invalid", "1,5", []want{{raw: "1,5", value: "1.5"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []want
			for _, n := range Extract(tc.text, tc.lang) {
				if tc.text[n.Start:n.End] != n.Raw {
					t.Errorf("Raw %q is not text[%d:%d]", n.Raw, n.Start, n.End)
				}
				got = append(got, describe(n))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Extract(%q, %q)\n got %v\nwant %v", tc.text, tc.lang, got, tc.want)
			}
		})
	}
}

func TestExtractPositions(t *testing.T) {
	text := "Line one has 1.\nถัดไป ๒๕๖๓ และ 7\n\n  İzmir 2021"
	ns := Extract(text, "th")
	want := [][2]int{{1, 14}, {2, 7}, {2, 16}, {4, 9}}
	if len(ns) != len(want) {
		t.Fatalf("got %d numbers, want %d", len(ns), len(want))
	}
	for k, n := range ns {
		if n.Line != want[k][0] || n.Col != want[k][1] {
			t.Errorf("%q at %d:%d, want %d:%d", n.Raw, n.Line, n.Col, want[k][0], want[k][1])
		}
	}
}

func TestSeparators(t *testing.T) {
	tests := map[string]string{
		"en": ".,", "id": ",.", "ms": ".,", "vi": ",.", "th": ".,", "fil": ".,", "km": ",.",
		"lo": ",.", "my": ".,", "zh-Hans": ".,", "ta": ".,", "pt": ",.", "fr": ",\u00a0", "de-CH": ".’",
	}
	for tag, w := range tests {
		t.Run(tag, func(t *testing.T) {
			r := NewReader(tag)
			if got := string([]rune{r.decimal, r.group}); got != w {
				t.Errorf("decimal and group %q, want %q", got, w)
			}
		})
	}
}

func TestDigitValue(t *testing.T) {
	zeros := []rune{'0', 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8}
	for _, z := range zeros {
		for d := range 10 {
			if v, ok := digitValue(z + rune(d)); !ok || v != d {
				t.Errorf("digitValue(%U) = %d, %v; want %d", z+rune(d), v, ok, d)
			}
		}
	}
	for _, c := range []rune{'a', '.', 0x0E2A, 0x00B2, 0x2460, 0x4E00} {
		if _, ok := digitValue(c); ok {
			t.Errorf("digitValue(%U) accepted a non-digit", c)
		}
	}
}

func TestReaderLang(t *testing.T) {
	tests := map[string]string{"in": "id", "tl": "fil", "zh-TW": "zh-Hant", "zh": "zh-Hans", "EN-us": "en", "fr": "fr", "@@": "en"}
	for tag, want := range tests {
		if got := NewReader(tag).Lang(); got != want {
			t.Errorf("NewReader(%q).Lang() = %q, want %q", tag, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := map[string]string{"34350000000": "34350000000", "34.35": "34.35", "0.125": "0.125", "1/3": "0.3333333333333333333333333333333333333333333333333333333333333333"}
	for in, want := range tests {
		v, _ := new(big.Rat).SetString(in)
		if got := decimal(v); got != want {
			t.Errorf("decimal(%s) = %s, want %s", in, got, want)
		}
	}
}
