package glossary

import (
	"unicode"
	"unicode/utf8"
)

// Fast answers about characters of the scripts juru's languages are
// written in, so that scanning text does not consult the Unicode tables
// for every character. Each answer is checked against the tables for
// every character by the tests.

// nfcClass tells, for characters of the blocks it knows, whether the
// character starts a new normalization segment (norm.NFC.NextBoundary
// puts a boundary before it) and its canonical combining class. Every
// character it knows is in NFC on its own; the only canonical composition
// among them is U+1025 U+102E (Myanmar), whose second character is a
// non-starter of class 0. known is false for characters outside these
// blocks.
func nfcClass(r rune) (starter bool, ccc uint8, known bool) {
	switch {
	case r < 0x0300:
		return true, 0, true
	case r >= 0x0E00 && r <= 0x0E7F: // Thai
		switch r {
		case 0x0E38, 0x0E39:
			return false, 103, true
		case 0x0E3A:
			return false, 9, true
		case 0x0E48, 0x0E49, 0x0E4A, 0x0E4B:
			return false, 107, true
		}
		return true, 0, true
	case r >= 0x0E80 && r <= 0x0EFF: // Lao
		switch r {
		case 0x0EB8, 0x0EB9:
			return false, 118, true
		case 0x0EBA:
			return false, 9, true
		case 0x0EC8, 0x0EC9, 0x0ECA, 0x0ECB:
			return false, 122, true
		}
		return true, 0, true
	case r >= 0x1000 && r <= 0x109F: // Myanmar
		switch r {
		case 0x102E:
			return false, 0, true
		case 0x1037:
			return false, 7, true
		case 0x1039, 0x103A:
			return false, 9, true
		case 0x108D:
			return false, 220, true
		}
		return true, 0, true
	case r >= 0x1780 && r <= 0x17FF: // Khmer
		switch r {
		case 0x17D2:
			return false, 9, true
		case 0x17DD:
			return false, 230, true
		}
		return true, 0, true
	case r >= 0x1E00 && r <= 0x1EFF, // Latin Extended Additional (Vietnamese)
		r >= 0x2002 && r <= 0x2027, // spaces, zero-width characters, dashes, quotes
		r >= 0x2030 && r <= 0x205E,
		r >= 0x3000 && r <= 0x3029, // CJK punctuation
		r >= 0x3030 && r <= 0x3098,
		r >= 0x309B && r <= 0x30FF, // kana
		r >= 0x3400 && r <= 0x4DBF, // CJK Extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK Unified Ideographs
		r >= 0xFF01 && r <= 0xFF9D: // fullwidth forms
		return true, 0, true
	}
	return false, 0, false
}

// foldsToItself reports characters that cases.Fold leaves unchanged, for
// the blocks news in juru's languages is mostly written in. It may answer
// false for others.
func foldsToItself(r rune) bool {
	switch {
	case r < 0x80:
		return r < 'A' || r > 'Z'
	case r >= 0x00A0 && r <= 0x00BF: // Latin-1 punctuation and signs
		return r != 0x00B5
	case r >= 0x00E0 && r <= 0x00FF: // Latin-1 lower case
		return r != 0x00DF
	case r >= 0x0E00 && r <= 0x0EFF, // Thai, Lao
		r >= 0x1000 && r <= 0x109F, // Myanmar
		r >= 0x1780 && r <= 0x17FF, // Khmer
		r >= 0x19E0 && r <= 0x19FF, // Khmer symbols
		r >= 0x0B80 && r <= 0x0BFF, // Tamil
		r >= 0x2000 && r <= 0x206F, // General Punctuation
		r >= 0x20A0 && r <= 0x20CF, // Currency Symbols
		r >= 0x3000 && r <= 0x303F, // CJK Symbols and Punctuation
		r >= 0x3040 && r <= 0x30FF, // Hiragana, Katakana
		r >= 0x3400 && r <= 0x4DBF, // CJK Extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK Unified Ideographs
		r >= 0xFF00 && r <= 0xFF20, // fullwidth punctuation and digits
		r >= 0xFF3B && r <= 0xFF40,
		r >= 0xFF5B && r <= 0xFFEF:
		return true
	case r >= 0x1EA0 && r <= 0x1EFF, r >= 0x1E00 && r <= 0x1E95, r >= 0x0100 && r <= 0x0137, r >= 0x014A && r <= 0x0177:
		return r&1 == 1 // upper and lower case alternate, lower at odd
	case r >= 0x0139 && r <= 0x0148, r >= 0x0179 && r <= 0x017E:
		return r&1 == 0 // lower at even
	case r == 0x01A1, r == 0x01B0: // ơ, ư
		return true
	case r >= 0x0100 && r <= 0x024F, r >= 0x1E00 && r <= 0x1EFF: // Latin Extended, Vietnamese
		switch r {
		case 0x0149, 0x017F, 0x01F0, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x1E9B, 0x1E9E:
			return false
		}
		u := unicode.ToUpper(r)
		return u != r && unicode.ToLower(u) == r
	}
	return false
}

// isSpacedWord is spacedWordRune with shortcuts for the blocks of the
// scripts written without spaces and for common punctuation.
func isSpacedWord(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x00C0 && r <= 0x024F: // Latin letters
		return r != 0x00D7 && r != 0x00F7
	case r >= 0x0300 && r <= 0x036F, // combining diacritics
		r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional (Vietnamese)
		return true
	case r >= 0x0E00 && r <= 0x0EFF, // Thai, Lao
		r >= 0x1000 && r <= 0x109F, // Myanmar
		r >= 0x1780 && r <= 0x17FF, // Khmer
		r >= 0x19E0 && r <= 0x19FF,
		r >= 0x2000 && r <= 0x206F, // General Punctuation
		r >= 0x3000 && r <= 0x3005, // CJK punctuation
		r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs
		return false
	}
	return spacedWordRune(r)
}

// decodeRune is utf8.DecodeRuneInString with the three-byte sequences of
// the Thai, Lao, Khmer, Burmese and Han blocks decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if c0 >= 0xE1 && c0 <= 0xEC && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 ||
			c0 == 0xE0 && c1 >= 0xA0 && c1 <= 0xBF && c2&0xC0 == 0x80 {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString with the three-byte
// sequences decoded inline.
func decodeLastRune(s string) rune {
	if n := len(s); n >= 3 && s[n-1]&0xC0 == 0x80 && s[n-2]&0xC0 == 0x80 && s[n-3]&0xF0 == 0xE0 {
		if r, size := decodeRune(s[n-3:]); size == 3 {
			return r
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
