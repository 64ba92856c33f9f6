package zawgyi

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fixtures reads the self-written parallel sentences of testdata.
func fixtures(t testing.TB) (uni, zg []string) {
	t.Helper()
	read := func(name string) []string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSpace(string(b)), "\n")
	}
	uni, zg = read("unicode.txt"), read("zawgyi.txt")
	if len(uni) != len(zg) {
		t.Fatalf("%d Unicode and %d Zawgyi lines", len(uni), len(zg))
	}
	return uni, zg
}

func TestFixtures(t *testing.T) {
	uni, zg := fixtures(t)
	for i := range uni {
		if r := Detect(uni[i]); r.IsZawgyi() || r.Score > 0.01 {
			t.Errorf("Unicode line %d: score %.3f (z=%d u=%d)", i+1, r.Score, r.Zawgyi, r.Unicode)
		}
		if r := Detect(zg[i]); !r.IsZawgyi() || r.Score < 0.99 {
			t.Errorf("Zawgyi line %d: score %.3f (z=%d u=%d)", i+1, r.Score, r.Zawgyi, r.Unicode)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text string
		want       float64 // 0: Unicode, 1: Zawgyi, 0.5: undecidable; -1: no Burmese
	}{
		{"empty", "", -1},
		{"ascii", "hello, world", -1},
		{"thai", "ภาษาไทย", -1},
		{"digits are undecidable", "၁၂၃", 0.5},
		{"same in both", "စား", 0.5},
		{"single consonant", "က", 0.5},
		{"E before consonant", "ေန", 1},
		{"E after consonant then aa", "နော", 0},
		{"E at the end", "နေ", 0},
		{"zawgyi asat before space", "ကုန္ ", 1},
		{"unicode asat", "ကုန် ", 0},
		{"zawgyi asat before E", "ည္ေတ", 1},
		{"medial RA prefix at start", "ျပ", 1},
		{"unicode medial YA then aa", "များ", 0},
		{"zawgyi YA then aa", "မ်ား", 1},
		{"unicode HA", "မှ", 0},
		{"extended-A letter", "\uaa60", 0},
		{"kinzi", "အင်္ဂါ", 0},
		{"dot before asat", "င့်", 0},
		{"zawgyi stacked and asat", "ပစၥည္း", 1},
		{"visarga after bare consonant", "ေရး", 1},
		{"visarga after zawgyi medial", "မ်း", 0},
		{"WA after a consonant HA cannot follow", "ကွ", 0},
		{"RA after a consonant it cannot follow", "ထြ", 1},
		{"shan tone after asat is no evidence", "ပ်ႇ", 0.5},
		{"mixed line", "ascii mixed with ဘဂၤလားေဒရွ္႕ zawgyi", 1},
		{"invalid utf-8", "\xffေန\xff", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Detect(tt.text)
			switch tt.want {
			case -1:
				if r.Burmese != 0 || r.Score != 0 || r.Decidable() {
					t.Errorf("Detect(%q) = %+v, want no Burmese", tt.text, r)
				}
			case 0.5:
				if r.Burmese == 0 || r.Score != 0.5 || r.Decidable() || r.IsZawgyi() {
					t.Errorf("Detect(%q) = %+v, want undecidable", tt.text, r)
				}
			case 1:
				if !r.IsZawgyi() {
					t.Errorf("Detect(%q) = %+v, want Zawgyi", tt.text, r)
				}
			case 0:
				if r.IsZawgyi() || !r.Decidable() {
					t.Errorf("Detect(%q) = %+v, want Unicode", tt.text, r)
				}
			}
			if p := Probability(tt.text); p != r.Score {
				t.Errorf("Probability = %v, Detect says %v", p, r.Score)
			}
		})
	}
}

// TestUnicodeClassesMatchProperties ties the Unicode roles to the
// character properties: letters are bases, combining marks are signs,
// digits, punctuation and symbols are symbols.
func TestUnicodeClassesMatchProperties(t *testing.T) {
	check := func(r rune) {
		c := uclass(r)
		switch {
		case r == 0x1040 || r == 0x1047:
			if c != base || !unicode.IsDigit(r) {
				t.Errorf("%U: zero and seven are read as letters", r)
			}
		case unicode.IsLetter(r):
			if c != base {
				t.Errorf("%U is a letter, class %d", r, c)
			}
		case unicode.IsMark(r):
			if c == base || c == symbol || c == outside || c == unused {
				t.Errorf("%U is a mark, class %d", r, c)
			}
		default:
			if c != symbol {
				t.Errorf("%U is neither letter nor mark, class %d", r, c)
			}
		}
	}
	for r := rune(firstMyanmar); r <= lastMyanmar; r++ {
		check(r)
	}
	for r := rune(0xA9E0); r <= 0xA9FF; r++ {
		if unicode.IsLetter(r) && uclass(r) != base {
			t.Errorf("%U: extension letter not a base", r)
		}
	}
	if uclass('a') != outside || zclass('a') != outside || zclass(0xAA60) != unused {
		t.Errorf("classes outside the block wrong")
	}
}

// TestEvidenceAdds checks that the evidence of texts joined by a space is
// the sum of their evidence, the property the fuzz test relies on.
func TestEvidenceAdds(t *testing.T) {
	uni, zg := fixtures(t)
	for _, a := range append(uni, zg...) {
		for _, b := range append(uni, zg...) {
			ra, rb, rab := Detect(a), Detect(b), Detect(a+" "+b)
			if rab.Zawgyi != ra.Zawgyi+rb.Zawgyi || rab.Unicode != ra.Unicode+rb.Unicode || rab.Burmese != ra.Burmese+rb.Burmese {
				t.Fatalf("evidence does not add: %+v + %+v != %+v", ra, rb, rab)
			}
		}
	}
}

func TestScoreScale(t *testing.T) {
	// One forbidden sequence (weight 2) must give a clear verdict.
	r := Detect("ေန")
	if r.Zawgyi != 2 || r.Unicode != 0 {
		t.Fatalf("Detect(\"ေန\") = %+v", r)
	}
	if want := 1 / (1 + math.Exp(-2*scale)); math.Abs(r.Score-want) > 1e-12 || r.Score < 0.9 {
		t.Errorf("score %v, want %v (> 0.9)", r.Score, want)
	}
}

// detectSlow is Detect as first written: every character decoded by
// range and classed by uclass and zclass. Detect must agree with it.
func detectSlow(text string) Result {
	var res Result
	var ev evidence
	p2, p := rune(-1), rune(-1)
	pu, pz := outside, outside
	for _, r := range text {
		if r == utf8.RuneError {
			r = -1
		}
		ru, rz := uclass(r), zclass(r)
		if ru != outside {
			res.Burmese++
		}
		if ru != outside || pu != outside {
			ev.pair(p2, p, r, pu, pz, ru, rz)
		}
		p2, p, pu, pz = p, r, ru, rz
	}
	if pu != outside {
		ev.pair(p2, p, -1, pu, pz, outside, outside)
	}
	res.Zawgyi, res.Unicode = ev.z, ev.u
	if res.Burmese > 0 {
		res.Score = 1 / (1 + math.Exp(-scale*float64(ev.z-ev.u)))
	}
	return res
}

// TestDetectAgreesWithSlow checks Detect against detectSlow on every
// character from U+0F00 to U+10FF and the Myanmar extensions in
// context, on the fixtures and on random texts of Burmese, Georgian,
// ASCII, U+FFFD and invalid bytes.
func TestDetectAgreesWithSlow(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Detect(s), detectSlow(s); got != want {
			t.Fatalf("Detect(%q) = %+v, slow way %+v", s, got, want)
		}
	}
	var runes []rune
	for r := rune(0x0F00); r <= 0x10FF; r++ {
		runes = append(runes, r)
	}
	for r := rune(0xA9E0); r <= 0xAA7F; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, ctx := range []string{"%s", "က%s", "%sာ", "ေ%sး", "a%s ", "\xe1\x80%s"} {
			check(strings.ReplaceAll(ctx, "%s", string(r)))
		}
	}
	uni, zg := fixtures(t)
	for i := range uni {
		check(uni[i])
		check(zg[i])
	}
	pieces := []string{"က", "ေ", "ျ", "ြ", "ွ", "ှ", "်", "္", "း", "့", "ာ", "ိ", "ု", "ၚ", "ၾ", "ႏ", "၀", "၇",
		"ა", "\ufffd", "\xe1", "\xe1\x80", "\xe1\x82", "\xe1\x83\x80", "\xff", " ", "a", "\n", "\uaa60", "ก", "င်္"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(24) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		check(b.String())
	}
}
