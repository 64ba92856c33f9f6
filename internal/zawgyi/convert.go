package zawgyi

import "strings"

// ToUnicode converts Zawgyi text to Unicode. Characters outside the
// Myanmar block pass unchanged. It converts whatever it is given: call it
// only on text that Detect judged to be Zawgyi, since Unicode text would
// be garbled.
//
// Each syllable is rebuilt in Unicode order: the vowel sign E and medial
// RA move after their consonant, subjoined consonants and ligatures become
// VIRAMA sequences, the kinzi moves before its consonant, glyph variants
// become the characters they draw, and the signs take the order Unicode
// stores them in (dot below before asat). The digit zero written for the
// letter WA, and seven for RA, become letters where a sign shows they are
// letters (see letterDigit).
func ToUnicode(text string) string {
	c := converter{}
	c.b.Grow(len(text) + len(text)/4)
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r, prev, next := rs[i], rune(-1), rune(-1)
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		r = letterDigit(prev, r, next)
		switch zclass(r) {
		case prefix:
			c.prefix(r)
		case base:
			c.base(r, next)
			if r == 0x1025 && next == 0x102E {
				i++ // U and II make UU
			}
		case medial, stacked, vowel:
			c.sign(r)
		default:
			c.flush()
			c.b.WriteRune(r)
		}
	}
	c.flush()
	return c.b.String()
}

// converter rebuilds syllables. A syllable whose consonant has come is
// kept back while the prefixes of the next one arrive, so that a sign
// stored after those prefixes still reaches the consonant it belongs to.
type converter struct {
	b         strings.Builder
	done, cur syllable
	// doneOpen: done holds a syllable; curOpen: cur has begun; curBase:
	// cur has its consonant.
	doneOpen, curOpen, curBase bool
}

// prefix starts a syllable with the vowel sign E or medial RA.
func (c *converter) prefix(r rune) {
	if c.curBase {
		c.writeDone()
		c.done, c.cur = c.cur, c.done
		c.cur.reset()
		c.doneOpen, c.curBase = true, false
	}
	c.curOpen = true
	if r == signE {
		c.cur.add(placeE, 0x1031)
	} else {
		c.cur.add(placeRa, 0x103C)
	}
}

// base gives the current syllable its consonant, or starts a new one.
func (c *converter) base(r, next rune) {
	if c.curBase {
		c.flush()
	}
	c.writeDone()
	c.curOpen, c.curBase = true, true
	c.cur.base = append(c.cur.base, baseRunes(r, next)...)
}

// sign adds a sign after a consonant to its syllable.
func (c *converter) sign(r rune) {
	if !c.curBase && c.doneOpen {
		c.done.sign(r)
		return
	}
	c.curOpen = true
	c.cur.sign(r)
}

// writeDone writes the syllable kept back, if any.
func (c *converter) writeDone() {
	if c.doneOpen {
		c.done.write(&c.b)
		c.doneOpen = false
	}
}

// flush writes every syllable not yet written.
func (c *converter) flush() {
	c.writeDone()
	if c.curOpen {
		c.cur.write(&c.b)
		c.curOpen, c.curBase = false, false
	}
}

// letterDigit returns the letter WA for the digit zero, and RA for seven,
// where signs show they are written for letters, since digits take no
// signs: not next to another digit, and followed by a sign or preceded by
// a vowel sign E or medial RA stored before them; zero also right after a
// sign, as in "တာ၀န်" (a seven there may be a date, as in "ဇူလိုင်၇ရက်").
// Elsewhere, as in "ဒုတိယ၀န်", the digit is left as written.
func letterDigit(prev, r, next rune) rune {
	if r != 0x1040 && r != 0x1047 || isDigit(prev) || isDigit(next) {
		return r
	}
	if !isSign(next) && zclass(prev) != prefix && !(r == 0x1040 && isSign(prev)) {
		return r
	}
	if r == 0x1040 {
		return 0x101D
	}
	return 0x101B
}

// isDigit reports whether r is a Burmese digit.
func isDigit(r rune) bool { return 0x1040 <= r && r <= 0x1049 }

// isSign reports whether Zawgyi reads r as a sign that follows a
// consonant.
func isSign(r rune) bool {
	switch zclass(r) {
	case medial, stacked, vowel:
		return true
	}
	return false
}
