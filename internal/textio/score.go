package textio

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/unicode/norm"
)

// The scorers below rate how plausible a decoded sample is as text in the
// language a legacy encoding serves. Each returns the mean weight of the
// sample's non-ASCII characters: about 1 for real text, lower the more
// characters are out of place, negative for garbage. ASCII is ignored
// because every candidate decodes it alike.

// badRune reports characters no real text contains: the replacement
// character a decoder emits for undefined bytes, controls, private-use and
// unassigned code points.
func badRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Co, r) ||
		!unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs)
}

// cjkPunct reports punctuation and symbols common in Chinese text.
func cjkPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x2010 && r <= 0x206F) || r == 0xB7 || r == 0xD7
}

// scoreHan returns a scorer for a Chinese encoding. Han characters are
// weighted by the tier the encoding itself assigns them (tier gets the
// character's bytes in enc): both GB2312 and Big5 put the characters of
// everyday text in a first block ordered apart from rarer ones, so real
// text is almost entirely first-tier, while bytes of another encoding
// decode to characters spread across all tiers, kana, Greek and private
// use.
func scoreHan(enc encoding.Encoding, tier func(b []byte) float64) func(string) float64 {
	return func(s string) float64 {
		e := enc.NewEncoder()
		var sum float64
		n := 0
		for _, r := range s {
			if r < utf8.RuneSelf {
				continue
			}
			n++
			switch {
			case badRune(r):
				sum--
			case unicode.Is(unicode.Han, r):
				if b, err := e.Bytes([]byte(string(r))); err == nil {
					sum += tier(b)
				}
			case cjkPunct(r):
				sum++
			}
		}
		return mean(sum, n)
	}
}

// gbTier weights a GBK code: GB2312 level 1 (rows 0xB0-0xD7, the 3,755
// most frequent characters) 1, level 2 (rows 0xD8-0xF7) 0.5, the GBK
// extensions 0.25.
func gbTier(b []byte) float64 {
	if len(b) != 2 || b[1] < 0xA1 {
		return 0.25
	}
	switch {
	case b[0] >= 0xB0 && b[0] <= 0xD7:
		return 1
	case b[0] >= 0xD8 && b[0] <= 0xF7:
		return 0.5
	}
	return 0.25
}

// big5Tier weights a Big5 code: the frequently used characters
// (0xA440-0xC67E, 5,401 of them) 1, the less frequently used ones
// (0xC940-0xF9D5) 0.5, anything else (HKSCS and other extensions) 0.25.
func big5Tier(b []byte) float64 {
	if len(b) != 2 {
		return 0.25
	}
	c := int(b[0])<<8 | int(b[1])
	switch {
	case c >= 0xA440 && c <= 0xC67E:
		return 1
	case c >= 0xC940 && c <= 0xF9D5:
		return 0.5
	}
	return 0.25
}

// Thai character classes used by scoreThai.
func thaiConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }
func thaiLetter(r rune) bool    { return r >= 0x0E01 && r <= 0x0E4E }
func thaiLeading(r rune) bool   { return r >= 0x0E40 && r <= 0x0E44 }
func thaiMark(r rune) bool {
	return r == 0x0E31 || (r >= 0x0E34 && r <= 0x0E3A) || (r >= 0x0E47 && r <= 0x0E4E)
}
func thaiFollowing(r rune) bool { return r == 0x0E30 || r == 0x0E32 || r == 0x0E33 || r == 0x0E45 }

// scoreThai rates a sample decoded as Windows-874 by Thai spelling: vowel
// and tone marks sit on a consonant (or on a vowel mark), leading vowels
// come before a consonant, following vowels after Thai letters, the two
// obsolete letters do not occur, and Thai is not glued to Latin letters.
// Bytes of another encoding decode to Thai letters in impossible orders,
// and a double-byte encoding's trail bytes to ASCII letters among them.
func scoreThai(s string) float64 {
	rs := []rune(s)
	var sum float64
	n := 0
	for i, r := range rs {
		if r < utf8.RuneSelf {
			continue
		}
		n++
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		ok := true
		switch {
		case badRune(r):
			ok = false
		case r == 0x0E03 || r == 0x0E05: // obsolete letters kho khuat, kho khon
			ok = false
		case r == 0x0E26: // lu, written only in the word "ฦๅ"
			ok = next == 0x0E45
		case r >= 0x0E50 && r <= 0x0E59: // Thai digits stand apart from letters
			ok = !thaiLetter(prev) || !thaiLetter(next)
		case asciiLetter(prev) || asciiLetter(next):
			ok = false
		case thaiMark(r):
			ok = thaiConsonant(prev) || thaiMark(prev)
		case thaiLeading(r):
			ok = thaiConsonant(next)
		case thaiFollowing(r):
			ok = thaiConsonant(prev) || thaiMark(prev)
		case r == 0x0E2F || r == 0x0E46: // paiyannoi, maiyamok
			ok = prev >= 0x0E01 && prev <= 0x0E4E
		}
		if ok {
			sum++
		} else {
			sum--
		}
	}
	return mean(sum, n)
}

func asciiLetter(r rune) bool { return (r|0x20) >= 'a' && (r|0x20) <= 'z' }

// vietTone reports the five combining tone marks Windows-1258 encodes.
func vietTone(r rune) bool {
	return r == 0x0300 || r == 0x0301 || r == 0x0303 || r == 0x0309 || r == 0x0323
}

// vowel reports whether r is a Latin vowel, with or without diacritics.
func vowel(r rune) bool {
	var buf [utf8.UTFMax]byte
	b := norm.NFD.Append(nil, buf[:utf8.EncodeRune(buf[:], r)]...)
	base, _ := utf8.DecodeRune(b)
	switch unicode.ToLower(base) {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// scoreLatin rates a sample decoded as a Western single-byte encoding
// (viet selects Windows-1258). Bytes of Thai or Chinese read as Latin
// become words crowded with accented letters and symbols. So a symbol is
// out of place next to another non-ASCII letter or symbol, and a word, for
// Windows-1252, when it has more accented letters than plain ones plus one
// (Western languages sprinkle accents); for Windows-1258, when it holds a
// letter Vietnamese does not use or more than three accented letters (a
// Vietnamese syllable has at most "đ" and a vowel pair with diacritics).
// A Vietnamese tone mark must follow a vowel, and every such mark earns a
// bonus so that Vietnamese prefers Windows-1258 over Windows-1252, where
// the mark bytes read as letters.
func scoreLatin(s string, viet bool) float64 {
	rs := []rune(s)
	var sum float64
	n := 0
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			if r >= utf8.RuneSelf {
				n++
				if badRune(r) || (!generalPunct(r) && (highNeighbour(rs, i-1) || highNeighbour(rs, i+1))) {
					sum--
				} else {
					sum++
				}
			}
			i++
			continue
		}
		j := i
		ascii, accented, foreign, marks, badMarks := 0, 0, 0, 0, 0
		for ; j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsMark(rs[j])); j++ {
			switch c := rs[j]; {
			case c < utf8.RuneSelf:
				ascii++
			case unicode.IsMark(c):
				if viet && vietTone(c) && j > i && vowel(rs[j-1]) {
					marks++
				} else {
					badMarks++
				}
			case viet && !vietLetter(c):
				foreign++
			default:
				accented++
			}
		}
		other := accented + foreign
		n += other + marks + badMarks
		ok := accented <= ascii+1
		if viet {
			ok = foreign == 0 && accented <= 3
		}
		if ok {
			sum += float64(other) + 1.5*float64(marks)
		} else {
			sum -= float64(other)
		}
		sum -= float64(badMarks)
		i = j
	}
	return mean(sum, n)
}

// generalPunct reports the quotes, dashes, bullets and ellipsis of the
// General Punctuation block, and the no-break space: they sit anywhere in
// Western text, inside words too.
func generalPunct(r rune) bool {
	return (r >= 0x2010 && r <= 0x206F) || r == 0xA0
}

// highNeighbour reports whether rs[i] is a non-ASCII letter or symbol: a
// Latin-1 symbol next to one is what Thai or Chinese bytes read as Latin
// look like, while real text puts symbols such as "°" or "©" next to
// spaces, digits and ASCII letters.
func highNeighbour(rs []rune, i int) bool {
	if i < 0 || i >= len(rs) || rs[i] < utf8.RuneSelf {
		return false
	}
	r := rs[i]
	return !unicode.IsSpace(r) && !generalPunct(r)
}

// vietLetter reports whether r is a letter of the Vietnamese alphabet
// (with or without tone): a Latin letter whose base is ASCII, or đ.
func vietLetter(r rune) bool {
	if r == 'đ' || r == 'Đ' {
		return true
	}
	var buf [utf8.UTFMax]byte
	b := norm.NFD.Append(nil, buf[:utf8.EncodeRune(buf[:], r)]...)
	return len(b) > 0 && b[0] < utf8.RuneSelf
}

func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
