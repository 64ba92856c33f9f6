package glossary

import (
	"encoding/binary"
	"math/bits"
)

// In scripts written with spaces most of a text is words, and a match
// can start only at the start of one. A word here is a run of ASCII
// letters and digits in the folded text (see firstWord); the prefilter
// knows the first words of the forms that start with one, so that a
// word of the text is tested once, as a whole, and skipped.
//
// Where a form f matches at t[p], the run of ASCII letters and digits
// starting at t[p] is exactly the first word of f: where f goes on
// after its first word, with another byte, the text goes on with the
// same byte; where f is that word alone, the match ends at a word
// boundary, and the token after it, a segment whose first character is
// a letter or digit since its folded form starts with one, cannot start
// with a letter or digit. Nor can a match start inside such a run:
// the tokens on both sides of the position fold to ASCII letters or
// digits at their edges, so the characters there are letters or digits
// of a script written with spaces.

// isFoldedWord reports the bytes words are made of: ASCII lower-case
// letters and digits, as text folds to.
func isFoldedWord(c byte) bool { return c-'a' < 26 || c-'0' < 10 }

// wordAt returns the end of the word starting at t[p], the first offset
// from p that holds no ASCII lower-case letter or digit, and a hash of
// the word: of its length and its first sixteen bytes.
func wordAt(t []byte, p int) (int, uint32) {
	if p+16 <= len(t) {
		w := binary.LittleEndian.Uint64(t[p:])
		if x := nonWordBytes(w); x != 0 {
			n := bits.TrailingZeros64(x) / 8
			return p + n, mixWord(lowBytes(w, n), 0, n)
		}
		w2 := binary.LittleEndian.Uint64(t[p+8:])
		if x := nonWordBytes(w2); x != 0 {
			n := bits.TrailingZeros64(x) / 8
			return p + 8 + n, mixWord(w, lowBytes(w2, n), 8+n)
		}
		e := wordEnd(t, p+16)
		return e, mixWord(w, w2, e-p)
	}
	e := wordEnd(t, p)
	lo, hi := prefixWords(t[p:min(e, p+16)])
	return e, mixWord(lo, hi, e-p)
}

// wordEnd returns the first offset from p that holds no ASCII lower-case
// letter or digit.
func wordEnd(t []byte, p int) int {
	for p < len(t) && isFoldedWord(t[p]) {
		p++
	}
	return p
}

// mixWord hashes a word of n bytes whose first sixteen (fewer when it is
// shorter, the rest zero) are lo and hi.
func mixWord(lo, hi uint64, n int) uint32 {
	h := (lo^uint64(n)<<56)*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F
	return uint32((h ^ h>>29) >> 32)
}

// nonWordBytes has the high bit of each byte of w set where that byte is
// not an ASCII lower-case letter or digit.
func nonWordBytes(w uint64) uint64 {
	x := w & low // no carries cross bytes below 0x80
	lower := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	return ^((lower | digit) &^ w) & high
}

// mayWord reports whether a form may start with a word of the hash h:
// false means none does.
func (pf *prefilter) mayWord(h uint32) bool {
	return hasBit(pf.words, h&pf.wmask)
}
