package zawgyi

// class is the role a code point plays in the syllable structure of one
// of the two encodings.
type class uint8

// The roles. Each encoding gives every code point of the Myanmar block
// one of them; everything outside the block is outside.
const (
	outside class = iota // not Burmese: space, Latin, end of text
	base                 // a consonant or independent vowel
	medial               // a medial consonant sign, after its consonant
	prefix               // a sign stored before its consonant (Zawgyi)
	vowelE               // the vowel sign E, after its consonant (Unicode)
	vowel                // a dependent vowel, tone or other sign
	virama               // the stacking sign U+1039 (Unicode)
	asat                 // the vowel killer U+103A (Unicode)
	stacked              // a subjoined consonant or ligature part (Zawgyi)
	symbol               // a digit, punctuation mark or symbol
	unused               // a code point the encoding never uses
)

// Code points of the Myanmar block that both encodings use alike, or that
// have a role in the rules.
const (
	firstMyanmar = 0x1000
	lastMyanmar  = 0x109F
	nga          = 0x1004
	signE        = 0x1031
	dotBelow     = 0x1037
	visarga      = 0x1038
	sign1039     = 0x1039
	sign103A     = 0x103A
)

// isMyanmar reports whether r is in the Myanmar block or one of its
// extensions, which only Unicode uses.
func isMyanmar(r rune) bool {
	return firstMyanmar <= r && r <= lastMyanmar || isExtension(r)
}

// isExtension reports whether r is in Myanmar Extended-A or -B.
func isExtension(r rune) bool {
	return 0xAA60 <= r && r <= 0xAA7F || 0xA9E0 <= r && r <= 0xA9FF
}

// uclass is the role of r in Unicode Burmese and the other languages
// written in the Myanmar block (Mon, Shan, Karen, Pali), after the
// Unicode character properties.
func uclass(r rune) class {
	switch {
	case r < firstMyanmar || r > lastMyanmar:
		if isExtension(r) {
			return base
		}
		return outside
	case r <= 0x102A, r == 0x103F, r == 0x1040, r == 0x1047,
		0x1050 <= r && r <= 0x1055, 0x105A <= r && r <= 0x105D,
		r == 0x1061, r == 0x1065, r == 0x1066, 0x106E <= r && r <= 0x1070,
		0x1075 <= r && r <= 0x1081, r == 0x108E:
		// Zero and seven stand for the letters WA and RA often enough,
		// in both encodings, to be read as letters.
		return base
	case r == signE:
		return vowelE
	case r == sign1039:
		return virama
	case r == sign103A:
		return asat
	case 0x103B <= r && r <= 0x103E, 0x105E <= r && r <= 0x1060, r == 0x1082:
		return medial
	case r <= 0x1038, 0x1056 <= r && r <= 0x1059, 0x1062 <= r && r <= 0x1064,
		0x1067 <= r && r <= 0x106D, 0x1071 <= r && r <= 0x1074,
		0x1083 <= r && r <= 0x108D, r == 0x108F, 0x109A <= r && r <= 0x109D:
		return vowel
	}
	return symbol
}

// zclass is the role of r in Zawgyi, the font encoding that reuses the
// Myanmar block with a layout of its own: U+1039 is the vowel killer,
// U+103A..U+103D the medials YA, RA, WA and HA, the vowel sign E and
// medial RA are stored before the consonant, and U+1060..U+1097 hold
// subjoined consonants, ligatures and glyph variants.
func zclass(r rune) class {
	switch {
	case r < firstMyanmar || r > lastMyanmar:
		if isExtension(r) {
			return unused
		}
		return outside
	case r <= 0x102A, r == 0x1040, r == 0x1047, r == 0x1086, r == 0x106A, r == 0x106B,
		r == 0x106E, r == 0x106F, r == 0x108F, r == 0x1090, r == 0x1091, r == 0x1092, r == 0x1097:
		// Consonants, their variant glyphs and ready-made ligatures.
		return base
	case r == signE, r == 0x103B, 0x107E <= r && r <= 0x1084:
		return prefix
	case r == 0x103A, r == 0x103C, r == 0x103D, r == 0x107D, 0x1087 <= r && r <= 0x108A:
		return medial
	case 0x1060 <= r && r <= 0x1069, r == 0x106C, r == 0x106D, 0x1070 <= r && r <= 0x107C,
		r == 0x1085, r == 0x1093, r == 0x1096, 0x108B <= r && r <= 0x108E:
		return stacked
	case r <= 0x1039, r == 0x1094, r == 0x1095, r == 0x105A:
		return vowel
	case r == 0x103E, r == 0x103F, 0x1050 <= r && r <= 0x105F, r >= 0x1098:
		return unused
	}
	return symbol
}
