package glossary

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The shortcuts of space.go and ascii.go must agree with unicode and norm
// on every character.

func TestIsSpaceRuneAllRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if isSpaceRune(r) != unicode.IsSpace(r) {
			t.Errorf("isSpaceRune(%U) = %v, unicode.IsSpace says %v", r, isSpaceRune(r), unicode.IsSpace(r))
		}
	}
}

// slowKind classifies a segment the obvious way.
func slowKind(seg string) segKind {
	r, n := utf8.DecodeRuneInString(seg)
	switch {
	case n != len(seg):
		return regularSeg
	case r == 0x200B || r == 0x2060 || r == 0xFEFF:
		return ignorableSeg
	case unicode.IsSpace(r) && r != utf8.RuneError:
		return spaceSeg
	}
	return regularSeg
}

func TestKindOfAllRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), string(r) + "\u0301", string(r) + "a"} {
			if got, want := kindOf(s), slowKind(s); got != want {
				t.Fatalf("kindOf(%+q) = %d, want %d", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xc2", "\xe2\x80", "\xe1\x9a", "\xe3\x80", "\xef\xbb", "\xff", "\xe2\x80\x8b\xff"} {
		if got, want := kindOf(s), slowKind(s); got != want {
			t.Errorf("kindOf(%+q) = %d, want %d", s, got, want)
		}
	}
}

func TestIgnorableBytes(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got := ignorableBytes(s[0], s[1], s[2]); got != isIgnorable(r) {
			t.Errorf("ignorableBytes(%U) = %v", r, got)
		}
	}
}

func TestSkipIgnorables(t *testing.T) {
	tests := []struct {
		text          string
		at            int
		before, after int
	}{
		{"a\u200b\u2060\ufeffb", 1, 1, 10},
		{"a\u200b\u2060\ufeffb", 10, 1, 10},
		{"a\u200b\u0301b", 1, 1, 1},      // U+200B takes the mark: a segment like any other
		{"a\u200b\u200b\u0301", 1, 1, 4}, // the second one does
		{"\u200b", 0, 0, 3},
		{"\u200bក", 0, 0, 3},
		{"a\u200c\u200db", 1, 1, 1},
	}
	for _, tt := range tests {
		if got := skipIgnorablesAfter(tt.text, tt.at); got != tt.after {
			t.Errorf("skipIgnorablesAfter(%+q, %d) = %d, want %d", tt.text, tt.at, got, tt.after)
		}
		end := tt.at
		if tt.after > end && norm.NFC.NextBoundaryInString(tt.text[tt.after-3:], true) == 3 {
			end = tt.after
		}
		if got := trimIgnorablesBefore(tt.text, end); got != tt.before {
			t.Errorf("trimIgnorablesBefore(%+q, %d) = %d, want %d", tt.text, end, got, tt.before)
		}
	}
}

func TestFoldWord(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var b [8]byte
	for c := range 128 {
		for pos := range 8 {
			for i := range b {
				b[i] = byte(r.IntN(128))
				if r.IntN(3) == 0 {
					b[i] = " \t\n\r\v\fAZaz@[`{"[r.IntN(14)]
				}
			}
			b[pos] = byte(c)
			w, sp := foldWord(load64(string(b[:])))
			for i := range b {
				got := byte(w >> (8 * i))
				want := strings.ToLower(string(b[i]))[0]
				if unicode.IsSpace(rune(b[i])) {
					want = ' '
				}
				if got != want || foldByte(b[i]) != want {
					t.Fatalf("foldWord(%q) byte %d = %q, foldByte %q, want %q", b[:], i, got, foldByte(b[i]), want)
				}
				if isSp := sp>>(8*i)&0xFF == 0x80; isSp != (want == ' ') || sp>>(8*i)&0x7F != 0 {
					t.Fatalf("foldWord(%q) spaces %#x wrong at byte %d", b[:], sp, i)
				}
			}
		}
	}
}

// TestAloneAfterSpaceAllRunes checks aloneAfterSpace against norm and
// the whitespace rules on every character of the Basic Multilingual
// Plane: where it answers true, the space before the character is a
// normalization segment of its own and the character is neither
// whitespace nor ignorable, whatever follows it. (Thai and Burmese vowel
// signs of combining class 0 start segments of their own.)
func TestAloneAfterSpaceAllRunes(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		s := " " + string(r)
		if !utf8.ValidRune(r) || !aloneAfterSpace(s, 1) {
			continue
		}
		n++
		for _, after := range []string{"", "a", "\u0301", "\u0e48", "\u102e", " "} {
			if b := norm.NFC.NextBoundaryInString(s+after, true); b != 1 {
				t.Errorf("aloneAfterSpace(%U), but the space's segment is %d bytes before %q", r, b, after)
			}
		}
		if p := norm.NFC.PropertiesString(string(r)); isSpaceRune(r) || isIgnorable(r) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("aloneAfterSpace(%U), but it is whitespace, ignorable or joins what is before it", r)
		}
	}
	for _, s := range []string{"đ", "ở", "Đ", "ก", "中", "a", "ư"} {
		if !aloneAfterSpace(" "+s, 1) {
			t.Errorf("aloneAfterSpace(%q) = false", s)
		}
	}
	for _, s := range []string{"", " ", "\t", "\u00a0", "\u0301", "\u200b", "\u3000", "\xc4", "\xe1\xbb"} {
		if aloneAfterSpace(" "+s, 1) {
			t.Errorf("aloneAfterSpace(%q) = true", s)
		}
	}
	if n < 1000 {
		t.Errorf("aloneAfterSpace knows %d characters", n)
	}
}
