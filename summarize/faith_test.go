package summarize

import (
	"strings"
	"testing"
)

func TestNumbersAcrossLanguages(t *testing.T) {
	src := "Deals worth 34.35 billion dollars were signed, up 12% on last year, by 1,200 companies; 3,500 jobs by 2027."
	cases := []struct {
		name, to, summary string
		want              []string // numbers reported
	}{
		{"english kept", "en", "# Deals worth 34.35 billion\n\n1,200 companies signed.", nil},
		{"english abbreviated magnitude", "en", "# Deals worth $34.35bn\n\nUp 12 per cent.", nil},
		{"english changed", "en", "# Deals worth 34.5 billion\n\n1,300 companies signed.", []string{"34.5 billion", "1,300"}},
		{"indonesian decimal comma", "id", "# Kesepakatan 34,35 miliar dolar\n\n1.200 perusahaan, naik 12 persen.", nil},
		{"indonesian wrong figure", "id", "# Kesepakatan 45,3 miliar dolar\n\nNaik 12%.", []string{"45,3 miliar"}},
		{"vietnamese", "vi", "# Thỏa thuận 34,35 tỷ đô la\n\n3.500 việc làm vào năm 2027.", nil},
		{"thai native digits", "th", "# ข้อตกลงมูลค่า ๓๔.๓๕ พันล้านดอลลาร์\n\nบริษัท ๑,๒๐๐ แห่ง เพิ่มขึ้น ๑๒%", nil},
		{"thai native digits changed", "th", "# ข้อตกลงมูลค่า ๓๔.๓๕ พันล้านดอลลาร์\n\nบริษัท ๑,๓๐๐ แห่ง", []string{"๑,๓๐๐"}},
		{"lao native digits", "lo", "# ບໍລິສັດ ໑,໒໐໐ ແຫ່ງ\n\nວຽກ ໓,໕໐໐ ຕຳແໜ່ງ", nil},
		{"khmer native digits", "km", "# ក្រុមហ៊ុន ១,២០០\n\nការងារ ៣,៥០០ នៅឆ្នាំ ២០២៧", nil},
		{"burmese native digits", "my", "# ကုမ္ပဏီ ၁,၂၀၀\n\nအလုပ် ၃,၅၀၀ ခု", nil},
		{"chinese magnitude", "zh-Hans", "# 签约343.5亿美元\n\n1200家公司参加。", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := resolve(Options{From: "en", To: c.to, Estimator: testEstimator})
			if err != nil {
				t.Fatal(err)
			}
			_, probs := cfg.faith(c.summary, cfg.article(src))
			var got []string
			for _, p := range probs {
				if p.Kind != Number || !strings.HasPrefix(at(c.summary, p.Line, p.Col), p.Found) {
					t.Errorf("problem %+v", p)
				}
				if p.Message != `the number "`+p.Found+`" does not occur in the article` {
					t.Errorf("message %q", p.Message)
				}
				got = append(got, p.Found)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("unsupported numbers %q, want %q", got, c.want)
			}
		})
	}
}

// at returns text from a 1-based line and column (in characters) on.
func at(text string, line, col int) string {
	lines := strings.SplitAfter(text, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	r := []rune(strings.Join(lines[line-1:], ""))
	if col < 1 || col > len(r) {
		return ""
	}
	return string(r[col-1:])
}

func TestGlossaryMentions(t *testing.T) {
	src := "The China-ASEAN Expo showcased the Belt and Road Initiative."
	cases := []struct {
		name, to, summary string
		want              []string // kind: found → required
	}{
		{"indonesian required forms", "id", "# Ekspo China-ASEAN\n\nEtalase Inisiatif Sabuk dan Jalan.", nil},
		{"indonesian admitted form", "id", "# CAEXPO\n\nEtalase Inisiatif Sabuk dan Jalan.", nil},
		{"shared form", "id", "# Negara ASEAN hadir\n\nEtalase.", nil},
		{"english form left", "id", "# Belt and Road Initiative\n\nOK.", []string{"untranslated: Belt and Road Initiative → Inisiatif Sabuk dan Jalan"}},
		{"english deprecated form", "id", "# One Belt One Road\n\nOK.", []string{"untranslated: One Belt One Road → Inisiatif Sabuk dan Jalan"}},
		{"indonesian deprecated form", "id", "# OBOR\n\nOK.", []string{"forbidden: OBOR → Inisiatif Sabuk dan Jalan"}},
		{"wrong case", "id", "# Negara Asean\n\nOK.", []string{"case: Asean → ASEAN"}},
		{"english form of the longer entry", "id", "# China-ASEAN Expo\n\nOK.", []string{"untranslated: China-ASEAN Expo → Ekspo China-ASEAN"}},
		{"source form inside a required form", "vi", "# Hội chợ Trung Quốc - ASEAN\n\nOK.", nil},
		{"english form in vietnamese", "vi", "# China-ASEAN Expo\n\nOK.", []string{"untranslated: China-ASEAN Expo → Hội chợ Trung Quốc - ASEAN"}},
		{"english form in thai", "th", "# งานBelt and Road Initiativeใหม่\n\nดี", []string{"untranslated: Belt and Road Initiative → ข้อริเริ่มสายแถบและเส้นทาง"}},
		{"same language", "en", "# Belt and Road Initiative\n\nOK.", nil},
		{"same language deprecated", "en", "# One Belt One Road\n\nOK.", []string{"forbidden: One Belt One Road → Belt and Road Initiative"}},
		{"entry not in the article", "id", "# memorandum of understanding\n\nOK.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opts(Short)
			o.To = c.to
			cfg, err := resolve(o)
			if err != nil {
				t.Fatal(err)
			}
			_, probs := cfg.faith(c.summary, cfg.article(src))
			var got []string
			for _, p := range probs {
				got = append(got, string(p.Kind)+": "+p.Found+" → "+p.Required)
				if !strings.HasPrefix(at(c.summary, p.Line, p.Col), p.Found) || p.Entry == "" || !p.Kind.Violation() {
					t.Errorf("problem %+v", p)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
