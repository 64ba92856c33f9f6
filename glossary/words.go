package glossary

import (
	"encoding/binary"
	"math/bits"
)

// In scripts written with spaces most of a text is words, and a match
// can start only at the start of one. A word here is a run of word
// characters in the folded text: ASCII letters and digits, the Latin
// letters from U+00C0 to U+024F (but × and ÷) and those of Latin
// Extended Additional (U+1E00 to U+1EFF), where Vietnamese lives. The
// prefilter knows the first words of the forms that start with one, so
// that a word of the text is tested once, as a whole, and skipped.
//
// Where a form f matches at t[p], the word starting at t[p] is exactly
// the first word of f: where f goes on after its first word, with a
// character that is not a word character, the text goes on with the
// same character; where f is that word alone, the match ends at a word
// boundary, and the token after it, a segment whose first character is
// a letter or digit since its folded form starts with one, cannot start
// with a word character. Nor can a match start inside a word: the tokens
// on both sides of the position fold to word characters at their edges,
// so the characters there are letters or digits of a script written
// with spaces. Combining marks are not word characters: a match made of
// marks alone has no base character to stand at its end.

// isFoldedWord reports the bytes ASCII words are made of: ASCII
// lower-case letters and digits, as text folds to.
func isFoldedWord(c byte) bool { return c-'a' < 26 || c-'0' < 10 }

// What scan does with a byte of the folded text, by the byte.
const (
	leadNone       = iota // no form starts with it, nor a word character
	leadForm              // a form starts with it, no word character does
	leadWord              // a word character may start with it, no form does
	leadWordOrForm        // both
)

// leadTable classifies the bytes for scan: those a word character may
// start with (an ASCII letter or digit, the first byte of a two-byte
// character or of one from U+1E00 to U+1EFF) and those some form starts
// with, the trie's root children.
func leadTable(root *[256]int32) [256]uint8 {
	var lead [256]uint8
	for c := range lead {
		b := byte(c)
		if isFoldedWord(b) || b-0xC3 < 7 || b == 0xE1 {
			lead[c] = leadWord
		}
		if root[c] != 0 {
			lead[c] |= leadForm
		}
	}
	return lead
}

// wordAt returns the end of the word starting at t[p], the first offset
// from p that does not start a word character, and a hash of the word:
// of its length and its first sixteen bytes.
func wordAt(t []byte, p int) (int, uint32) {
	if p+16 > len(t) {
		e := wordEnd(t, p)
		lo, hi := prefixWords(t[p:min(e, p+16)])
		return e, mixWord(lo, hi, e-p)
	}
	w := binary.LittleEndian.Uint64(t[p:])
	x := nonWordBytes(w)
	n := 8
	if x != 0 {
		n = bits.TrailingZeros64(x) / 8
	}
	if x != 0 && t[p+n] < 0x80 {
		return p + n, mixWord(lowBytes(w, n), 0, n)
	}
	w2 := binary.LittleEndian.Uint64(t[p+8:])
	if x == 0 {
		if x2 := nonWordBytes(w2); x2 != 0 {
			if n2 := bits.TrailingZeros64(x2) / 8; t[p+8+n2] < 0x80 {
				return p + 8 + n2, mixWord(w, lowBytes(w2, n2), 8+n2)
			}
		}
	}
	// A character that is not ASCII: read on character by character.
	e := wordEnd(t, p+n)
	l := e - p
	if l <= 8 {
		return e, mixWord(lowBytes(w, l), 0, l)
	}
	return e, mixWord(w, lowBytes(w2, l-8), l)
}

// wordEnd returns the first offset from p that does not start a word
// character.
func wordEnd(t []byte, p int) int {
	for p < len(t) {
		c := t[p]
		switch {
		case isFoldedWord(c):
			p++
		case c-0xC3 < 7:
			if p+1 >= len(t) || t[p+1]&0xC0 != 0x80 {
				return p
			}
			r := rune(c&0x1F)<<6 | rune(t[p+1]&0x3F)
			if r > 0x024F || r == 0x00D7 || r == 0x00F7 {
				return p
			}
			p += 2
		case c == 0xE1:
			if p+2 >= len(t) || t[p+1]-0xB8 > 3 || t[p+2]&0xC0 != 0x80 {
				return p
			}
			p += 3
		default:
			return p
		}
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
