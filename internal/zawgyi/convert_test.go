package zawgyi

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// modernOrder writes the asat after the dot below, as Unicode has stored
// them since version 5.1; text from before (such as the 2006 UDHR
// translation) has the other order.
func modernOrder(s string) string {
	return strings.ReplaceAll(s, "\u103A\u1037", "\u1037\u103A")
}

// TestToUnicodeCorpus converts the Zawgyi texts of the shared corpus and
// compares each line with its Unicode counterpart.
func TestToUnicodeCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus/myanmar-zawgyi")
	for _, p := range []struct{ zawgyi, unicode string }{
		{"mmgov_zawgyi_src.txt", "mmgov_unicode_out.txt"},
		{"udhr_mya_zawgyi_out.txt", "udhr_mya_unicode_src.txt"},
	} {
		zl := readLines(t, filepath.Join(dir, p.zawgyi))
		ul := readLines(t, filepath.Join(dir, p.unicode))
		if len(zl) != len(ul) {
			t.Fatalf("%s: %d lines, %s: %d", p.zawgyi, len(zl), p.unicode, len(ul))
		}
		n, raw, exact := 0, 0, 0
		for i := range zl {
			if Detect(zl[i]).Burmese == 0 {
				continue
			}
			n++
			got := ToUnicode(zl[i])
			if got == ul[i] {
				raw++
			}
			if got == modernOrder(ul[i]) {
				exact++
			} else {
				t.Errorf("%s line %d:\n got %q\nwant %q", p.zawgyi, i+1, got, ul[i])
			}
			if r := Detect(got); r.IsZawgyi() {
				t.Errorf("%s line %d: converted text still detected as Zawgyi", p.zawgyi, i+1)
			}
		}
		t.Logf("%s: %d of %d lines with Burmese converted exactly; %d before writing the reference's asat-dot pairs in modern order", p.zawgyi, exact, n, raw)
	}
}

func TestToUnicode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"not burmese", "Hello, 世界! 123", "Hello, 世界! 123"},
		{"E moves after consonant", "ေန", "နေ"},
		{"E and RA", "ေျပာ", "ပြော"},
		{"asat", "ကုန္", "ကုန်"},
		{"YA", "မ်ား", "များ"},
		{"WA and HA", "ႏြ", "နွ"},
		{"HA", "မွ", "မှ"},
		{"HA with U", "မႈ", "မှု"},
		{"stacked", "ပစၥည္း", "ပစ္စည်း"},
		{"ligature", "ဋ႒", "ဋဋ္ဌ"},
		{"kinzi", "သေဘၤာ", "သင်္ဘော"},
		{"dot and asat", "င့္", "င့်"},
		{"asat and dot typed the other way", "င့္", "င့်"},
		{"U before I", "ႏုိင္", "နိုင်"},
		{"anusvara before U", "ပံုး", "ပုံး"},
		{"variant u and dot", "ၿမိဳ႕", "မြို့"},
		{"tall AA with asat", "ေဒၚ", "ဒေါ်"},
		{"U and II", "ဦး", "ဦး"},
		{"U for NYA", "စဥ္", "စဉ်"},
		{"asat before YA", "ေယာက္်ား", "ယောက်ျား"},
		{"sign after the next prefixes", "မျွဖ", "မှဖြ"},
		{"zero as WA after a sign", "တာ၀န္", "တာဝန်"},
		{"zero as WA before a sign", "၀ါ", "ဝါ"},
		{"zero after a consonant stays", "ယ၀န္", "ယ၀န်"},
		{"zero in a number stays", "၂၀၂၁", "၂၀၂၁"},
		{"seven as RA", "ေ၇", "ရေ"},
		{"seven in a date stays", "ဇူလိုင္၇ရက္", "ဇူလိုင်၇ရက်"},
		{"doubled sign shows once", "ကိိ", "ကိ"},
		{"orphan signs", "ိ ေ", "ိ ေ"},
		{"mixed text", "ascii ေန ascii", "ascii နေ ascii"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ToUnicode(tt.in); got != tt.want {
				t.Errorf("ToUnicode(%q) = %q %X, want %q %X", tt.in, got, []rune(got), tt.want, []rune(tt.want))
			}
		})
	}
}

// TestToUnicodeFixtures converts the self-written Zawgyi sentences.
func TestToUnicodeFixtures(t *testing.T) {
	uni, zg := fixtures(t)
	for i := range zg {
		if got := ToUnicode(zg[i]); got != uni[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, got, uni[i])
		}
	}
}

// TestRoundTripFLORES encodes the Unicode FLORES-200 Burmese sentences in
// Zawgyi with toZawgyi, an obvious syllable-by-syllable encoder written
// for this test, and checks that ToUnicode gives each sentence back.
func TestRoundTripFLORES(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	lines := readLines(t, filepath.Join(dir, "mya_Mymr.devtest"))
	n, same, skipped := 0, 0, 0
	for i, l := range lines {
		z, ok := toZawgyi(l)
		if !ok {
			skipped++
			continue
		}
		n++
		if !Detect(z).IsZawgyi() {
			t.Errorf("line %d: encoded line not detected as Zawgyi", i+1)
		}
		want := modernOrder(l)
		if got := ToUnicode(z); got == want {
			same++
		} else {
			// The source's own slips come back normalized: doubled
			// signs, signs out of order, Zawgyi code points in
			// Unicode text, a digit zero for the letter WA.
			t.Logf("line %d differs:\n got %q\nwant %q", i+1, got, want)
		}
	}
	t.Logf("FLORES mya_Mymr: %d of %d lines come back unchanged from Zawgyi; %d lines skipped (a stack Zawgyi cannot write)", same, n, skipped)
	if float64(same) < 0.985*float64(n) {
		t.Errorf("only %d of %d lines round-trip", same, n)
	}
}

// toZawgyi encodes Unicode Burmese in Zawgyi, syllable by syllable: the
// vowel sign E and medial RA go before the consonant, the kinzi after it,
// subjoined consonants take their Zawgyi forms. It reports false for text
// with a stack that has no Zawgyi form.
func toZawgyi(u string) (string, bool) {
	var b strings.Builder
	rs := []rune(u)
	for i := 0; i < len(rs); {
		if !isConsonant(rs[i]) && rs[i] != 0x1025 && rs[i] != 0x1026 && rs[i] != 0x103F && rs[i] != 0x1023 && rs[i] != 0x1027 && rs[i] != 0x1029 && rs[i] != 0x102A && rs[i] != 0x1024 {
			b.WriteRune(zawgyiSign(rs[i]))
			i++
			continue
		}
		// A syllable: [kinzi] consonant [VIRAMA consonant]... signs.
		var pre, post []rune
		base := rs[i]
		if base == 0x103F {
			base = 0x1086
		}
		kinzi := false
		if base == 0x1004 && i+3 < len(rs) && rs[i+1] == 0x103A && rs[i+2] == 0x1039 && isConsonant(rs[i+3]) {
			kinzi, i = true, i+3
			base = rs[i]
		}
		i++
		var stacks, medials, signs []rune
		for i+1 < len(rs) && rs[i] == 0x1039 && isConsonant(rs[i+1]) {
			z, ok := zawgyiStack(rs[i+1])
			if !ok {
				return "", false
			}
			stacks = append(stacks, z)
			i += 2
		}
		asatFirst := false
		for ; i < len(rs); i++ {
			r := rs[i]
			switch {
			case r == 0x103C:
				pre = append(pre, 0x103B)
			case r == 0x1031:
				pre = append([]rune{0x1031}, pre...)
			case r == 0x103B, r == 0x103D, r == 0x103E:
				medials = append(medials, zawgyiSign(r))
			case r == 0x103A && i+1 < len(rs) && rs[i+1] == 0x103B:
				asatFirst = true
			case r >= 0x102B && r <= 0x1038 || r == 0x103A:
				signs = append(signs, zawgyiSign(r))
			default:
				goto done
			}
		}
	done:
		if asatFirst {
			post = append(post, 0x1039)
		}
		b.WriteString(string(pre))
		b.WriteRune(base)
		if kinzi {
			b.WriteRune(0x1064)
		}
		b.WriteString(string(stacks) + string(post) + string(medials) + string(signs))
	}
	return b.String(), utf8.ValidString(b.String())
}

// zawgyiSign maps a Unicode sign to Zawgyi.
func zawgyiSign(r rune) rune {
	switch r {
	case 0x103A:
		return 0x1039
	case 0x103B:
		return 0x103A
	case 0x103D:
		return 0x103C
	case 0x103E:
		return 0x103D
	}
	return r
}

// zawgyiStack returns the Zawgyi subjoined form of consonant c.
func zawgyiStack(c rune) (rune, bool) {
	forms := map[rune]rune{
		0x1000: 0x1060, 0x1001: 0x1061, 0x1002: 0x1062, 0x1003: 0x1063, 0x1005: 0x1065,
		0x1006: 0x1066, 0x1007: 0x1068, 0x1008: 0x1069, 0x100B: 0x106C, 0x100C: 0x106D,
		0x100F: 0x1070, 0x1010: 0x1071, 0x1011: 0x1073, 0x1012: 0x1075, 0x1013: 0x1076,
		0x1014: 0x1077, 0x1015: 0x1078, 0x1016: 0x1079, 0x1017: 0x107A, 0x1018: 0x107B,
		0x1019: 0x107C, 0x101C: 0x1085,
	}
	z, ok := forms[c]
	return z, ok
}
