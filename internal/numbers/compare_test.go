package numbers

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func summarize(ms []Mismatch) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, m.Kind.String()+":"+m.Number.Raw)
	}
	return strings.Join(parts, " ")
}

func TestCompare(t *testing.T) {
	all := Options{Extra: true}
	tests := []struct {
		name             string
		src, sl, tgt, tl string
		opts             Options
		want             string
	}{
		{"Indonesian decimal comma", "worth 34.35 billion", "en", "senilai 34,35 miliar", "id", all, ""},
		{"Vietnamese", "worth 34.35 billion", "en", "trị giá 34,35 tỷ", "vi", all, ""},
		{"Chinese 亿", "worth 34.35 billion", "en", "价值343.5亿", "zh-Hans", all, ""},
		{"Thai", "worth 34.35 billion", "en", "มูลค่า 34.35 พันล้าน", "th", all, ""},
		{"Burmese digits", "1,500 firms", "en", "ကုမ္ပဏီ ၁,၅၀၀", "my", all, ""},
		{"Thai digits and grouping", "1,500 firms", "en", "บริษัท ๑,๕๐๐ แห่ง", "th", all, ""},
		{"changed figure", "worth 34.35 billion", "en", "senilai 43,35 miliar", "id", all, "missing:34.35 billion extra:43,35 miliar"},
		{"changed magnitude", "worth 34.35 billion", "en", "senilai 34,35 juta", "id", all, "missing:34.35 billion extra:34,35 juta"},
		{"dropped", "1,500 firms in 2021", "en", "1.500 perusahaan", "id", all, "missing:2021"},
		{"extras off", "1,500 firms", "en", "1.500 perusahaan pada 2021", "id", Options{}, ""},
		{"Buddhist era", "in 2020", "en", "ในปี 2563", "th", all, ""},
		{"Buddhist era reversed", "ในปี 2563", "th", "in 2020", "en", all, ""},
		{"small numbers may be spelled", "3 people", "en", "tiga orang", "id", all, ""},
		{"larger numbers may not", "15 people", "en", "lima belas orang", "id", all, "missing:15"},
		{"English words satisfy digits", "nineteen of the injured", "en", "ผู้บาดเจ็บ 19 คน", "th", all, ""},
		{"English words are not required", "nineteen of the injured", "en", "ผู้บาดเจ็บสิบเก้าคน", "th", all, ""},
		{"months left out", "on September 16", "en", "于 9 月 16 日", "zh-Hans", all, ""},
		{"repeats by presence", "2020 and again 2020", "en", "năm 2020", "vi", all, ""},
		{"repeats counted", "2020 and again 2020", "en", "năm 2020", "vi", Options{Count: true, Extra: true}, "missing:2020"},
		{"bare off", "34.35 billion", "en", "34,35 M", "id", all, "missing:34.35 billion extra:34,35"},
		{"bare on", "34.35 billion", "en", "34,35 M", "id", Options{Extra: true, Bare: true}, ""},
		{"ambiguous both ways", "1.500 kg", "en", "1.500 kg", "id", all, ""},
		{"percent words", "up 8 per cent", "en", "naik 8 persen", "id", all, ""},
		{"afternoon", "at 11:35 pm", "en", "pukul 23.35", "id", all, ""},
		{"range magnitude", "4.2-3.9 million years", "en", "420 万至 390 万年前", "zh-Hans", all, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(Compare(tc.src, tc.sl, tc.tgt, tc.tl, tc.opts))
			if got != tc.want {
				t.Errorf("Compare(%q, %q) = %q, want %q", tc.src, tc.tgt, got, tc.want)
			}
		})
	}
}

func TestMismatchMessage(t *testing.T) {
	ms := Compare("Line one\nworth 34.35 billion", "en", "senilai 43,35 miliar", "id", Options{Extra: true})
	if len(ms) != 2 {
		t.Fatalf("got %d mismatches, want 2", len(ms))
	}
	m := ms[0]
	if m.Kind != Missing || m.Number.Line != 2 || m.Number.Col != 7 {
		t.Errorf("first mismatch %v at %d:%d, want missing at 2:7", m.Kind, m.Number.Line, m.Number.Col)
	}
	want := `number "34.35 billion" (34350000000) of the source is missing from the translation`
	if m.Message != want {
		t.Errorf("message %q, want %q", m.Message, want)
	}
	if want := `number "43,35 miliar" (43350000000) in the translation does not occur in the source`; ms[1].Message != want {
		t.Errorf("message %q, want %q", ms[1].Message, want)
	}
}

func TestUnsupported(t *testing.T) {
	source := "The 18th expo drew 1,500 companies and deals worth 34.35 billion dollars in 2021."
	tests := []struct {
		name, summary, lang, want string
	}{
		{"faithful", "Pameran ke-18 menarik 1.500 perusahaan dengan kesepakatan 34,35 miliar dolar.", "id", ""},
		{"faithful Thai", "งานครั้งที่ 18 มีบริษัท 1,500 แห่ง มูลค่า 34.35 พันล้านดอลลาร์ ปี 2564", "th", ""},
		{"invented", "The expo drew 1,600 companies.", "en", "extra:1,600"},
		{"small numbers are free", "Two firms and 3 deals.", "en", ""},
		{"rounded is not the same", "Deals worth 34 billion dollars.", "en", "extra:34 billion"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := Unsupported(tc.summary, tc.lang, source, "en")
			if got := summarize(ms); got != tc.want {
				t.Errorf("Unsupported = %q, want %q", got, tc.want)
			}
			for _, m := range ms {
				if !strings.Contains(m.Message, "in the summary does not occur in the source") {
					t.Errorf("message %q", m.Message)
				}
			}
		})
	}
}

// slowPresence is the obvious quadratic version of matchPresence.
func slowPresence(src, tgt [][]string) (srcOK, tgtOK []bool) {
	srcOK, tgtOK = make([]bool, len(src)), make([]bool, len(tgt))
	for i, a := range src {
		for j, b := range tgt {
			if shareKey(a, b) {
				srcOK[i], tgtOK[j] = true, true
			}
		}
	}
	return srcOK, tgtOK
}

func shareKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// slowMaxMatching tries every assignment of sources to targets.
func slowMaxMatching(src, tgt [][]string) int {
	used := make([]bool, len(tgt))
	var best func(i int) int
	best = func(i int) int {
		if i == len(src) {
			return 0
		}
		b := best(i + 1) // leave source i unmatched
		for j := range tgt {
			if !used[j] && shareKey(src[i], tgt[j]) {
				used[j] = true
				b = max(b, 1+best(i+1))
				used[j] = false
			}
		}
		return b
	}
	return best(0)
}

func randomKeys(rng *rand.Rand, n int) [][]string {
	out := make([][]string, n)
	for i := range out {
		for range rng.IntN(3) {
			out[i] = append(out[i], fmt.Sprint(rng.IntN(5)))
		}
	}
	return out
}

// TestMatchingAgainstSlow checks the indexed matchers against obvious
// slow versions on random key sets.
func TestMatchingAgainstSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 3000 {
		src, tgt := randomKeys(rng, rng.IntN(7)), randomKeys(rng, rng.IntN(7))
		s1, t1 := matchPresence(src, tgt)
		s2, t2 := slowPresence(src, tgt)
		if fmt.Sprint(s1, t1) != fmt.Sprint(s2, t2) {
			t.Fatalf("round %d: presence %v %v, slow %v %v for %v / %v", round, s1, t1, s2, t2, src, tgt)
		}
		sc, tc := matchCount(src, tgt)
		ns, nt := count(sc), count(tc)
		if ns != nt || ns != slowMaxMatching(src, tgt) {
			t.Fatalf("round %d: matched %d sources and %d targets, maximum is %d, for %v / %v", round, ns, nt, slowMaxMatching(src, tgt), src, tgt)
		}
	}
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
