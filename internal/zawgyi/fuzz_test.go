package zawgyi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzZawgyi checks on any pair of texts that scores lie in [0,1] and
// follow the evidence, that the evidence of two texts joined by a
// space is the sum of their evidence, and that Detect agrees with
// detectSlow.
func FuzzZawgyi(f *testing.F) {
	uni, zg := fixtures(f)
	for i := range uni {
		f.Add(uni[i], zg[i])
	}
	f.Add("ascii", "\xff\u1031")
	f.Add("င်္", "\uaa60ေ")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := Detect(a), Detect(b)
		if ra != detectSlow(a) || rb != detectSlow(b) {
			t.Fatalf("Detect(%q) = %+v, Detect(%q) = %+v: not as the slow way", a, ra, b, rb)
		}
		for _, r := range []Result{ra, rb} {
			if r.Score < 0 || r.Score > 1 || r.Zawgyi < 0 || r.Unicode < 0 || r.Burmese < 0 {
				t.Fatalf("result out of range: %+v", r)
			}
			switch {
			case r.Burmese == 0:
				if r.Score != 0 || r.Decidable() {
					t.Fatalf("no Burmese but %+v", r)
				}
			case r.Zawgyi == r.Unicode:
				if r.Score != 0.5 || r.Decidable() {
					t.Fatalf("no evidence either way but %+v", r)
				}
			case (r.Zawgyi > r.Unicode) != (r.Score > 0.5) || (r.Zawgyi > r.Unicode) != r.IsZawgyi():
				t.Fatalf("score against the evidence: %+v", r)
			}
		}
		rab := Detect(a + " " + b)
		if rab.Zawgyi != ra.Zawgyi+rb.Zawgyi || rab.Unicode != ra.Unicode+rb.Unicode || rab.Burmese != ra.Burmese+rb.Burmese {
			t.Fatalf("evidence of %q and %q does not add: %+v + %+v != %+v", a, b, ra, rb, rab)
		}
	})
}

// FuzzToUnicode checks that conversion keeps every character outside the
// Myanmar block, in order, and yields valid UTF-8, and that the Zawgyi
// fixtures stay converted exactly when text surrounds them.
func FuzzToUnicode(f *testing.F) {
	uni, zg := fixtures(f)
	for i := range zg {
		f.Add(zg[i], uni[i])
	}
	f.Add("ေ\u1064ၾ\u1088", "x")
	f.Fuzz(func(t *testing.T, text, other string) {
		text = string([]rune(text)) // invalid bytes read as U+FFFD
		got := ToUnicode(text)
		if !utf8.ValidString(got) {
			t.Fatalf("ToUnicode(%q) is not valid UTF-8", text)
		}
		if a, b := notBurmese(text), notBurmese(got); a != b {
			t.Fatalf("ToUnicode(%q) = %q changed the text around the Burmese: %q, %q", text, got, a, b)
		}
		for i := range zg {
			joined := "x" + notBurmese(other) + " " + zg[i] + " "
			want := "x" + notBurmese(other) + " " + uni[i] + " "
			if got := ToUnicode(joined); got != want {
				t.Fatalf("ToUnicode(%q) = %q, want %q", joined, got, want)
			}
		}
	})
}

// notBurmese drops the characters of the Myanmar block from s.
func notBurmese(s string) string {
	return strings.Map(func(r rune) rune {
		if isMyanmar(r) {
			return -1
		}
		return r
	}, s)
}
