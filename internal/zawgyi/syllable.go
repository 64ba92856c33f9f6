package zawgyi

import (
	"sort"
	"strings"
)

// part is one Unicode code point of a syllable being rebuilt, with its
// place in Unicode storage order.
type part struct {
	r     rune
	order int
}

// Places of the parts of a syllable in Unicode storage order.
const (
	placeStacked = iota + 1 // VIRAMA and a subjoined consonant
	placeKilled             // an asat before medial YA or a vowel below: ယောက်ျား, ကျွန်ုပ်
	placeYa
	placeRa
	placeWa
	placeHa
	placeE
	placeUpper // vowels above: I, II, AI
	placeLower // vowels below: U, UU
	placeAa
	placeAnusvara
	placeDot
	placeAsat
	placeVisarga
	placeOther
)

// syllable collects one Zawgyi syllable: what was stored before its
// consonant, the consonant, and the signs after it.
type syllable struct {
	base  []rune // the consonant, a ligature (several code points), or none
	kinzi bool
	parts []part
}

// reset empties s for the next syllable.
func (s *syllable) reset() {
	s.base, s.kinzi, s.parts = s.base[:0], false, s.parts[:0]
}

// add records the Unicode code points of a Zawgyi sign.
func (s *syllable) add(order int, rs ...rune) {
	for _, r := range rs {
		s.parts = append(s.parts, part{r, order})
	}
}

// write appends the syllable to b in Unicode order: kinzi, consonant,
// subjoined consonants, medials YA RA WA HA, vowel E, upper and lower
// vowels, AA, anusvara, dot below, asat, visarga.
func (s *syllable) write(b *strings.Builder) {
	if s.kinzi {
		b.WriteString("\u1004\u103A\u1039")
	}
	for _, r := range s.base {
		b.WriteRune(r)
	}
	sort.SliceStable(s.parts, func(i, j int) bool { return s.parts[i].order < s.parts[j].order })
	for i, p := range s.parts {
		if i > 0 && p == s.parts[i-1] && p.order != placeStacked {
			continue // a sign typed twice shows once
		}
		b.WriteRune(p.r)
	}
	s.reset()
}

// baseRunes returns the Unicode spelling of the Zawgyi consonant or
// ligature r, next being the character after it.
func baseRunes(r, next rune) []rune {
	switch r {
	case 0x106A:
		return []rune{0x1009}
	case 0x106B:
		return []rune{0x100A}
	case 0x108F:
		return []rune{0x1014}
	case 0x1090:
		return []rune{0x101B}
	case 0x1086:
		return []rune{0x103F}
	case 0x106E:
		return []rune{0x100D, 0x1039, 0x100D}
	case 0x106F:
		return []rune{0x100D, 0x1039, 0x100E}
	case 0x1091:
		return []rune{0x100F, 0x1039, 0x100D}
	case 0x1092:
		return []rune{0x100B, 0x1039, 0x100C}
	case 0x1097:
		return []rune{0x100B, 0x1039, 0x100B}
	case 0x1025:
		switch next {
		case 0x102E:
			return []rune{0x1026} // U with II is UU
		case 0x1039:
			return []rune{0x1009} // U written for NYA before the asat
		}
	}
	return []rune{r}
}

// killFirst keeps an asat already in the syllable before the medial YA
// or vowel below that follows it, as Unicode spells ယောက်ျား and
// ကျွန်ုပ်: the asat kills the consonant, the sign after it belongs to
// the syllable drawn around it.
func (s *syllable) killFirst() {
	for i := range s.parts {
		if s.parts[i].order == placeAsat {
			s.parts[i].order = placeKilled
		}
	}
}

// sign records the Unicode parts of the Zawgyi sign r.
func (s *syllable) sign(r rune) {
	// The consonants that U+1060..U+107C stand for under another
	// consonant; 0 marks the code points of the range that are not such.
	stackedConsonants := [...]rune{
		0x1000, 0x1001, 0x1002, 0x1003, 0, 0x1005, 0x1006, 0x1006,
		0x1007, 0x1008, 0, 0, 0x100B, 0x100C, 0, 0,
		0x100F, 0x1010, 0x1010, 0x1011, 0x1011, 0x1012, 0x1013, 0x1014,
		0x1015, 0x1016, 0x1017, 0x1018, 0x1019,
	}
	if 0x1060 <= r && r <= 0x107C {
		if c := stackedConsonants[r-0x1060]; c != 0 {
			s.add(placeStacked, 0x1039, c)
			return
		}
	}
	switch r {
	case 0x1064:
		s.kinzi = true
	case 0x108B:
		s.kinzi = true
		s.add(placeUpper, 0x102D)
	case 0x108C:
		s.kinzi = true
		s.add(placeUpper, 0x102E)
	case 0x108D:
		s.kinzi = true
		s.add(placeAnusvara, 0x1036)
	case 0x108E:
		s.add(placeUpper, 0x102D)
		s.add(placeAnusvara, 0x1036)
	case 0x1085:
		s.add(placeStacked, 0x1039, 0x101C)
	case 0x1093:
		s.add(placeStacked, 0x1039, 0x1018)
	case 0x1096:
		s.add(placeStacked, 0x1039, 0x1010)
		s.add(placeWa, 0x103D)
	case 0x103A, 0x107D:
		s.killFirst()
		s.add(placeYa, 0x103B)
	case 0x103C:
		s.add(placeWa, 0x103D)
	case 0x103D, 0x1087:
		s.add(placeHa, 0x103E)
	case 0x1088:
		s.add(placeHa, 0x103E)
		s.add(placeLower, 0x102F)
	case 0x1089:
		s.add(placeHa, 0x103E)
		s.add(placeLower, 0x1030)
	case 0x108A:
		s.add(placeWa, 0x103D)
		s.add(placeHa, 0x103E)
	case 0x102D, 0x102E, 0x1032:
		s.add(placeUpper, r)
	case 0x102F, 0x1030:
		s.killFirst()
		s.add(placeLower, r)
	case 0x1033:
		s.killFirst()
		s.add(placeLower, 0x102F)
	case 0x1034:
		s.killFirst()
		s.add(placeLower, 0x1030)
	case 0x102B, 0x102C:
		s.add(placeAa, r)
	case 0x105A:
		s.add(placeAa, 0x102B)
		s.add(placeAsat, 0x103A)
	case 0x1036:
		s.add(placeAnusvara, r)
	case 0x1037, 0x1094, 0x1095:
		s.add(placeDot, 0x1037)
	case 0x1039:
		s.add(placeAsat, 0x103A)
	case 0x1038:
		s.add(placeVisarga, r)
	default:
		s.add(placeOther, r)
	}
}
