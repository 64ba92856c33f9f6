package glossary

import (
	"unicode"
	"unicode/utf8"
)

// foldSameSize returns what cases.Fold makes of r when that is one
// character encoded in as many bytes as r, for the Latin letters of
// Latin-1, Latin Extended-A and -B and Latin Extended Additional (which
// holds Vietnamese): upper case to lower case; lower case to itself. ok
// is false for the characters of those blocks that fold otherwise (ß,
// İ, ŉ, ſ, ǰ, ẞ, Ⱥ, ...) or are not letters, and for every character
// outside them.
func foldSameSize(r rune) (folded rune, ok bool) {
	switch {
	case r >= 0x00C0 && r <= 0x00DE:
		return r + 0x20, r != 0x00D7
	case r >= 0x00DF && r <= 0x00FF:
		return r, r != 0x00DF && r != 0x00F7
	case r >= 0x1EA0 && r <= 0x1EFF, r >= 0x1E00 && r <= 0x1E95, r >= 0x0100 && r <= 0x012F,
		r >= 0x0132 && r <= 0x0137, r >= 0x014A && r <= 0x0177:
		return r | 1, true // upper and lower case alternate, lower at odd
	case r >= 0x0139 && r <= 0x0148, r >= 0x0179 && r <= 0x017E:
		return r + (r & 1), true // lower at even
	case r >= 0x0180 && r <= 0x024F:
		if r == 0x01F0 {
			return 0, false
		}
		if l := unicode.ToLower(r); l != r {
			return l, utf8.RuneLen(l) == 2 && unicode.ToUpper(l) == r
		}
		u := unicode.ToUpper(r)
		return r, u != r && unicode.ToLower(u) == r
	}
	return 0, false
}
