package numbers

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The shortcuts of the package are checked here against the obvious
// slow way of doing the same: on every character, or on random input.

func TestReaderDigitAllRunes(t *testing.T) {
	r := NewReader("th")
	for c := rune(0); c <= utf8.MaxRune; c++ {
		gv, gok := r.digit(c)
		wv, wok := digitValue(c)
		if gv != wv || gok != wok {
			t.Fatalf("digit(%U) = %d, %v; digitValue says %d, %v", c, gv, gok, wv, wok)
		}
	}
}

// randomDecimal writes a canonical decimal string: digits, perhaps a
// point and more digits, zeros often at either end.
func randomDecimal(r *rand.Rand) string {
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte("0000123456789"[r.IntN(13)])
		}
		return b.String()
	}
	s := digits(1 + r.IntN(25))
	if r.IntN(2) == 0 {
		s += "." + digits(1+r.IntN(25))
	}
	return s
}

func TestSameDecimalAgainstRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		a := randomDecimal(r)
		b := a
		switch r.IntN(4) {
		case 0:
			b = randomDecimal(r)
		case 1:
			b = "0" + a
		case 2:
			if strings.Contains(a, ".") {
				b = a + "0"
			} else {
				b = a + ".0"
			}
		}
		ra, _ := new(big.Rat).SetString(a)
		rb, _ := new(big.Rat).SetString(b)
		if got, want := sameDecimal(a, b), ra.Cmp(rb) == 0; got != want {
			t.Fatalf("sameDecimal(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}

func TestSetDecimalAgainstSetString(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s scratch
	for range 100000 {
		d := randomDecimal(r)
		want, _ := new(big.Rat).SetString(d)
		for _, got := range []*big.Rat{rat(d), s.rat(d)} {
			if got.Cmp(want) != 0 || got.RatString() != want.RatString() || got.Denom().Cmp(want.Denom()) != 0 {
				t.Fatalf("%q reads %s, want %s", d, got.RatString(), want.RatString())
			}
		}
	}
}

// slowSpelledNumbers is spelledNumbers the obvious way: every word of
// the text listed, a number tried from each.
func slowSpelledNumbers(text string) []Number {
	var ws []wordSpan
	for w, ok := wordAt(text, 0); ok; w, ok = wordAt(text, w.end) {
		ws = append(ws, w)
	}
	var out []Number
	for k := 0; k < len(ws); {
		n, next, ok := spelledAt(text, ws, k)
		if !ok {
			k++
			continue
		}
		out = append(out, n)
		k = next
	}
	return out
}

func TestSpelledNumbersAgainstSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		text := randomNumberText(r, 1+r.IntN(40))
		got, want := spelledNumbers(text), slowSpelledNumbers(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %d numbers, want %d", text, len(got), len(want))
		}
		for i := range got {
			if dumpNumber(got[i]) != dumpNumber(want[i]) {
				t.Fatalf("%q: %s, want %s", text, dumpNumber(got[i]), dumpNumber(want[i]))
			}
		}
	}
}

func TestLowerWord(t *testing.T) {
	for _, w := range []string{"one", "One", "ONE", "fİve", "\u212Aeleven", "twentieth", "TWENTIETH", "abcdefghij", "ABCDEFGHIJK", "éa"} {
		if got := lowerWord(w); got != strings.ToLower(w) {
			t.Errorf("lowerWord(%q) = %q, want %q", w, got, strings.ToLower(w))
		}
	}
}

// slowFoldEqual is foldEqual through the case orbit alone.
func slowFoldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

func TestFoldEqualAgainstSlow(t *testing.T) {
	// every ASCII character against the Basic Multilingual Plane, where
	// the characters that fold with ASCII letters are
	for a := rune(0); a < utf8.RuneSelf; a++ {
		for b := rune(0); b <= 0xFFFF; b++ {
			if foldEqual(a, b) != slowFoldEqual(a, b) || foldEqual(b, a) != slowFoldEqual(b, a) {
				t.Fatalf("foldEqual(%U, %U) = %v", a, b, foldEqual(a, b))
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200000 {
		a, b := rune(r.IntN(0x2000)), rune(r.IntN(0x2000))
		if r.IntN(2) == 0 {
			b = unicode.SimpleFold(a)
		}
		if foldEqual(a, b) != slowFoldEqual(a, b) {
			t.Fatalf("foldEqual(%U, %U) = %v", a, b, foldEqual(a, b))
		}
	}
}

func TestRatStringAndAtMost(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 100000 {
		v, _ := new(big.Rat).SetString(randomDecimal(r))
		if r.IntN(4) == 0 {
			v.Neg(v)
		}
		if got, want := ratString(v), v.RatString(); got != want {
			t.Fatalf("ratString = %q, want %q", got, want)
		}
		k := int64(r.IntN(20))
		if got, want := atMost(v.Num(), k), v.Num().Cmp(big.NewInt(k)) <= 0; got != want {
			t.Fatalf("atMost(%s, %d) = %v", v.Num(), k, got)
		}
	}
}

// TestMayStartInitials checks the letters mayStart lets through: every
// word englishWord knows starts with one of them.
func TestMayStartInitials(t *testing.T) {
	for _, base := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
		"billion", "trillion", "hundredth", "thousandth", "millionth", "first", "second", "third", "fifth", "eighth",
		"ninth", "twelfth", "fourth", "sixteenth", "twentieth", "ninetieth"} {
		for _, w := range []string{base, strings.ToUpper(base), strings.ToUpper(base[:1]) + base[1:]} {
			if _, _, _, ok := englishWord(w); !ok {
				t.Fatalf("englishWord does not know %q", w)
			}
			if !mayStart(w) {
				t.Errorf("mayStart(%q) = false", w)
			}
		}
	}
	// and it agrees with englishWord on random words
	r := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(11) {
			b.WriteString([]string{"a", "e", "i", "o", "u", "t", "h", "n", "r", "s", "f", "v", "w", "x", "y", "l", "d", "İ", "\u212A", "E", "T"}[r.IntN(21)])
		}
		w := b.String()
		_, _, _, ok := englishWord(w)
		if want := ok || w == "a" || w == "A"; mayStart(w) != want {
			t.Fatalf("mayStart(%q) = %v, want %v", w, mayStart(w), want)
		}
	}
}
