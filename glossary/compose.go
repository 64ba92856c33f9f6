package glossary

import "unicode/utf8"

// Decomposed Latin, as Vietnamese text often arrives (NFD: "ệ" written
// as "e", U+0323, U+0302), composes here by table instead of through
// norm: a letter and the combining diacritics after it become the one
// character NFC makes of them, when there is one.

// composeLatin returns the character NFC makes of seg, a normalization
// segment of a Latin letter (or another character below U+0250, or of
// Latin Extended Additional) and up to three combining diacritics in
// canonical order, each composing with what the ones before it made. ok
// is false for any other segment, which norm then handles.
func composeLatin(seg string) (r rune, ok bool) {
	r, n := utf8.DecodeRuneInString(seg)
	return composeMarks(r, seg[n:])
}

// composeMarks is composeLatin of the base r followed by the combining
// diacritics marks.
func composeMarks(r rune, marks string) (rune, bool) {
	if !(r >= 'A' && r < 0x0250 || r >= 0x1E00 && r <= 0x1EFF) || marks == "" {
		return 0, false
	}
	last, n := uint8(0), 0
	for count := 0; n < len(marks); count++ {
		if count == 3 || n+2 > len(marks) {
			return 0, false
		}
		m := diacriticAt(marks[n], marks[n+1])
		if m < 0 {
			return 0, false
		}
		ccc := diacriticClass[m]
		if ccc == 0 || ccc < last {
			return 0, false
		}
		c := composePair(r, m)
		if c == 0 {
			return 0, false
		}
		r, last = c, ccc
		n += 2
	}
	return r, true
}

// diacriticAt returns the offset from U+0300 of the combining diacritic
// (U+0300 to U+036F) spelt c0 c1 in UTF-8, or -1.
func diacriticAt(c0, c1 byte) int {
	switch {
	case c0 == 0xCC && c1&0xC0 == 0x80:
		return int(c1 & 0x3F)
	case c0 == 0xCD && c1 >= 0x80 && c1 <= 0xAF:
		return 0x40 + int(c1&0x3F)
	}
	return -1
}

// composePair returns the primary composite of base and the combining
// diacritic U+0300+mark, or 0 when there is none; base must be below
// U+2000.
func composePair(base rune, mark int) rune {
	key := uint32(base)<<7 | uint32(mark)
	for i := composeSlot(key); ; i = (i + 1) & (len(latinPairs) - 1) {
		e := latinPairs[i]
		switch uint32(e >> 32) {
		case key:
			return rune(uint32(e))
		case 0:
			return 0
		}
	}
}

// composeSlot is where the open-addressed table latinPairs starts
// looking for key.
func composeSlot(key uint32) int {
	return int((key * 0x9E3779B1) >> (32 - latinPairsBits))
}
