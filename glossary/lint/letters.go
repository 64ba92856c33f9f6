package lint

import (
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/script"
)

// letterRanges are the blocks letterTable knows: Latin-1 to Latin
// Extended-B, Thai and Lao, Myanmar, Khmer, Latin Extended Additional,
// General Punctuation.
var letterRanges = [...][2]rune{
	{0x80, 0x250}, {0x0E00, 0x0F00}, {0x1000, 0x10A0}, {0x1780, 0x1800}, {0x1E00, 0x1F00}, {0x2000, 0x2070},
}

// letter classes: 0 is no letter; 1+s a letter of script s; viet marks a
// Latin letter with a Vietnamese diacritic.
const (
	viet    = 0x80
	scriptM = 0x7F
)

// letterTable tells, for the characters of letterRanges, whether
// script.Profile counts them as letters and of which script. It is built
// by asking script.Profile about each character, so the two agree.
type letterTable struct {
	// class holds, for each character below letterEnd, its class with
	// knownClass set when letterRanges holds it.
	class *[letterEnd]uint16
	// ascii classes the ASCII characters: asciiLetter, asciiMarkup
	ascii [utf8.RuneSelf]uint8
}

const (
	// letterEnd is the end of the last of letterRanges.
	letterEnd = 0x2070
	// knownClass marks the characters of letterRanges in class.
	knownClass = 0x100
)

// ASCII classes of letterTable.ascii.
const (
	asciiLetter = 1 << iota
	asciiMarkup // a byte at which markup may start (markupByte)
)

func newLetterTable() *letterTable {
	t := &letterTable{class: new([letterEnd]uint16)}
	for c := range utf8.RuneSelf {
		if (c|0x20)-'a' < 26 {
			t.ascii[c] |= asciiLetter
		}
		if markupByte(byte(c)) {
			t.ascii[c] |= asciiMarkup
		}
	}
	for _, rg := range letterRanges {
		for r := rg[0]; r < rg[1]; r++ {
			t.class[r] = knownClass
			c := script.Profile(string(r))
			if c.Total() == 0 {
				continue
			}
			s, _ := c.Dominant()
			v := uint16(1 + s)
			if c.Vietnamese > 0 {
				v |= viet
			}
			t.class[r] |= v
		}
	}
	return t
}

// lookup returns the class of r and whether the table knows r.
func (t *letterTable) lookup(r rune) (uint8, bool) {
	if r < 0 || r >= letterEnd {
		return 0, false
	}
	x := t.class[r]
	return uint8(x), x&knownClass != 0
}

// markupByte marks the bytes at which script.Profile may skip markup (a
// code span, an HTML tag or entity, a link destination, an e-mail
// address) or where a URL may start ("://", "www.").
func markupByte(c byte) bool {
	switch c {
	case '`', '<', '&', '[', ']', '{', '@', ':', 'w', 'W':
		return true
	}
	return false
}

// markupAt reports whether markup may start at s[i], one of the
// markupByte bytes: a colon only in "://" or "mailto:", a w only in
// "www.".
func markupAt(s string, i int) bool {
	switch s[i] {
	case ':':
		return len(s) > i+2 && s[i+1] == '/' && s[i+2] == '/' || hasSuffixFold(s[:i], "mailto")
	case 'w', 'W':
		return len(s) >= i+4 && (s[i:i+4] == "www." || s[i:i+4] == "WWW.")
	}
	return true
}

// sure reports whether script.Check surely finds nothing wrong with the
// paragraph s in a language written in script want: its letters of want
// are at least as many as all others could weigh (a Han character
// weighs three), and for Vietnamese (vi) it has a Vietnamese letter or
// too few Latin letters to need one. It answers false, unsure, for
// Chinese, for scripts it has no table of, for characters outside its
// table and for paragraphs that may hold markup, which script.Profile
// skips.
func (t *letterTable) sure(s string, want script.Script, vi bool) bool {
	if want == script.Han || want == script.Other {
		return false
	}
	own, latin, other := 0, 0, 0
	sawViet := false
	// the class of a letter of want, which most characters are
	ownClass := knownClass | uint16(1+want)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cls := t.ascii[c]
			if cls&asciiMarkup != 0 && markupAt(s, i) {
				return false
			}
			latin += int(cls & asciiLetter)
			i++
			continue
		}
		var r rune
		n := 3
		switch {
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// three bytes, decoded inline: the scripts of South-East
			// Asia, most often a letter of want, counted at once
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0x800 && r < letterEnd && t.class[r] == ownClass {
				own++
				i += 3
				continue
			}
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// two bytes: Latin letters with accents
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		}
		if n == 3 && (r < 0x800 || r >= 0xD800 && r < 0xE000) {
			// neither, an overlong form or a surrogate
			r, n = decodeRune(s[i:])
		}
		i += n
		v, known := t.lookup(r)
		switch {
		case !known:
			if r == 0xFEFF || r >= 0x3000 && r <= 0x3003 {
				continue // byte-order mark, CJK space and stops
			}
			return false
		case v == 0:
			continue
		}
		sawViet = sawViet || v&viet != 0
		switch sc := script.Script(v&scriptM - 1); {
		case sc == want:
			own++
		case sc == script.Latin:
			latin++
		default:
			other++
		}
	}
	if want == script.Latin {
		return other == 0 && (!vi || sawViet || latin < script.DefaultDiacriticSpan)
	}
	return own > 0 && own >= latin+3*other
}

// hasSuffixFold reports whether s ends with the lower-case ASCII word w
// in any case.
func hasSuffixFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	s = s[len(s)-len(w):]
	for i := range len(w) {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// decodeRune is utf8.DecodeRuneInString with the valid sequences of two
// bytes and those of three from U+0800 to U+CFFF (Thai, Lao, Myanmar,
// Khmer, Vietnamese letters, punctuation, Han) decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 2 {
		c0, c1 := s[0], s[1]
		if c0 >= 0xC2 && c0 < 0xE0 && c1&0xC0 == 0x80 {
			return rune(c0&0x1F)<<6 | rune(c1&0x3F), 2
		}
		if len(s) >= 3 && s[2]&0xC0 == 0x80 && (c0 >= 0xE1 && c0 <= 0xEC && c1&0xC0 == 0x80 || c0 == 0xE0 && c1 >= 0xA0 && c1 <= 0xBF) {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(s[2]&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s)
}
