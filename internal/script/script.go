package script

import (
	"fmt"
	"unicode"
)

// Script is a writing system whose letters Profile counts.
type Script uint8

// The scripts told apart. Letters of any other script count as Other;
// characters of no script (digits, punctuation, symbols, spaces) do not
// count at all.
const (
	Other Script = iota
	Latin
	Thai
	Lao
	Khmer
	Myanmar
	Han
	Kana // Hiragana and Katakana, the Japanese syllabaries
	Hangul
	Tamil
	Cyrillic
	Greek
	Arabic
	Devanagari
	numScripts
)

// NumScripts is the number of Script values, for sizing arrays.
const NumScripts = int(numScripts)

// scriptInfo holds a script's ISO 15924 code, English name and Unicode table.
type scriptInfo struct {
	code, name string
	table      *unicode.RangeTable
}

// infos is indexed by Script; Other has no table.
var infos = [numScripts]scriptInfo{
	Other:      {"Zzzz", "other", nil},
	Latin:      {"Latn", "Latin", unicode.Latin},
	Thai:       {"Thai", "Thai", unicode.Thai},
	Lao:        {"Laoo", "Lao", unicode.Lao},
	Khmer:      {"Khmr", "Khmer", unicode.Khmer},
	Myanmar:    {"Mymr", "Myanmar", unicode.Myanmar},
	Han:        {"Hani", "Han", unicode.Han},
	Kana:       {"Hrkt", "Japanese kana", nil},
	Hangul:     {"Hang", "Hangul", unicode.Hangul},
	Tamil:      {"Taml", "Tamil", unicode.Tamil},
	Cyrillic:   {"Cyrl", "Cyrillic", unicode.Cyrillic},
	Greek:      {"Grek", "Greek", unicode.Greek},
	Arabic:     {"Arab", "Arabic", unicode.Arabic},
	Devanagari: {"Deva", "Devanagari", unicode.Devanagari},
}

// Code returns the script's ISO 15924 code: "Latn", "Thai", "Hani", and
// "Hrkt" for Kana, "Zzzz" for Other.
func (s Script) Code() string {
	if s >= numScripts {
		return "Zzzz"
	}
	return infos[s].code
}

// String returns the script's English name, such as "Latin" or "Khmer".
func (s Script) String() string {
	if s >= numScripts {
		return "other"
	}
	return infos[s].name
}

// MarshalText returns the ISO 15924 code, so that JSON shows "Latn".
func (s Script) MarshalText() ([]byte, error) { return []byte(s.Code()), nil }

// UnmarshalText reads an ISO 15924 code; an unknown code is an error.
func (s *Script) UnmarshalText(b []byte) error {
	v, ok := FromCode(string(b))
	if !ok && string(b) != "Zzzz" {
		return fmt.Errorf("unknown script code %q", b)
	}
	*s = v
	return nil
}

// FromCode returns the Script for an ISO 15924 code. "Hans", "Hant" and
// "Hani" all map to Han; "Hira", "Kana", "Hrkt" and "Jpan" to Kana.
func FromCode(code string) (Script, bool) {
	switch code {
	case "Hans", "Hant":
		return Han, true
	case "Hira", "Kana", "Jpan":
		return Kana, true
	}
	for s := Latin; s < numScripts; s++ {
		if infos[s].code == code {
			return s, true
		}
	}
	return Other, false
}

// classify reports the script of r and whether r counts as a letter: a
// letter or combining mark that belongs to a script. It is the fast
// equivalent of classifySlow for the blocks news text is written in.
func classify(r rune) (Script, bool) {
	switch {
	case r < 0x80:
		if c := r | 0x20; 'a' <= c && c <= 'z' {
			return Latin, true
		}
		return Other, false
	case r < 0x250:
		// Latin-1 Supplement and Latin Extended-A and -B; the micro sign
		// is a letter of no script.
		if r == 0xB5 || !unicode.IsLetter(r) {
			return Other, false
		}
		return Latin, true
	case 0x0B80 <= r && r < 0x0C00:
		return Tamil, inBlock(r, unicode.Tamil)
	case 0x0E00 <= r && r < 0x0E80:
		return Thai, (0x0E01 <= r && r <= 0x0E3A) || (0x0E40 <= r && r <= 0x0E4E)
	case 0x0E80 <= r && r < 0x0F00:
		return Lao, inBlock(r, unicode.Lao)
	case 0x1000 <= r && r < 0x10A0:
		// All but the digits, punctuation and symbols.
		return Myanmar, !(0x1040 <= r && r <= 0x104F || 0x1090 <= r && r <= 0x1099 || r >= 0x109E)
	case 0x1780 <= r && r < 0x1800:
		// Letters and signs, then the three letter-like characters
		// among the punctuation, digits and numbers.
		return Khmer, r <= 0x17D3 || r == 0x17D7 || r == 0x17DC || r == 0x17DD
	case 0x1E00 <= r && r < 0x1F00:
		return Latin, true
	case 0x4E00 <= r && r <= 0x9FFF:
		return Han, true
	case 0x3040 <= r && r < 0x3100:
		// Hiragana and Katakana blocks, whose prolonged sound mark and
		// middle dot belong to no single script.
		if r == 0x30FB || r == 0x30FC || r == 0x3099 || r == 0x309A || r == 0x309B || r == 0x309C || r == 0x30A0 {
			return Other, false
		}
		return Kana, inBlock(r, unicode.Hiragana) || inBlock(r, unicode.Katakana)
	case 0xAC00 <= r && r <= 0xD7A3:
		return Hangul, true
	}
	return classifySlow(r)
}

// inBlock reports whether r is a letter or mark of table.
func inBlock(r rune, table *unicode.RangeTable) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && unicode.Is(table, r)
}

// classifySlow classifies r by the Unicode script tables alone.
func classifySlow(r rune) (Script, bool) {
	if !unicode.IsLetter(r) && !unicode.IsMark(r) {
		return Other, false
	}
	for s := Latin; s < numScripts; s++ {
		if s == Kana {
			if unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
				return Kana, true
			}
			continue
		}
		if unicode.Is(infos[s].table, r) {
			return s, true
		}
	}
	if unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r) {
		return Other, false
	}
	return Other, true
}
