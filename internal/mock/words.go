package mock

import (
	"hash/fnv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// syllabary describes how pseudo-words are spelled in a Brahmic script:
// consonant letters, dependent vowel signs that follow a consonant, and
// the carrier letter that holds a vowel sign at the start of a word or
// after another vowel.
type syllabary struct {
	consonants []rune
	vowels     []rune
	carrier    rune
	// initials, when set, are independent vowel letters written instead
	// of carrier and sign (Tamil).
	initials []rune
}

// latin describes pseudo-words in the Latin script: consonants and vowels
// are each rotated by a per-language amount, and vowelSet, when set,
// replaces the five plain vowels (Vietnamese letters with diacritics).
type latin struct {
	consonantShift, vowelShift int
	vowelSet                   []rune
	dStroke                    bool
}

const (
	latinConsonants = "bcdfghjklmnpqrstvwxyz"
	latinVowels     = "aeiou"
)

// The letters of pseudo-words in the scripts juru writes without Latin
// letters: consonants, dependent vowel signs and the carrier letter.
const (
	thaiConsonants    = "กขคงจฉชซญดตถทธนบปผฝพฟภมยรลวศษสหฬฮ"
	thaiVowels        = "ะาิีึืุู"
	laoConsonants     = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫຮ"
	laoVowels         = "ະາິີຶືຸູ"
	khmerConsonants   = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡ"
	khmerVowels       = "ាិីឹឺុូួើឿៀេែៃោៅ"
	myanmarConsonants = "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠ"
	myanmarVowels     = "ာိီုူေဲ"
	tamilConsonants   = "கஙசஞடணதநபமயரலவழளறன"
	tamilVowels       = "ாிீுூெேை"
	tamilInitials     = "அஆஇஈஉஊஎஏஐ"
	// hanSimplified and hanTraditional are pairs: the same index gives the
	// two written forms of one character, each form found only in its own
	// script, so that a check can tell Simplified from Traditional.
	hanSimplified  = "国会发经济区这们说时对为业与产贸长开关东门车书电动实现进远钱银铁"
	hanTraditional = "國會發經濟區這們說時對為業與產貿長開關東門車書電動實現進遠錢銀鐵"
)

func newSyllabary(consonants, vowels string, carrier rune) *syllabary {
	return &syllabary{consonants: []rune(consonants), vowels: []rune(vowels), carrier: carrier}
}

// wordMaker spells pseudo-words in one target script.
type wordMaker struct {
	script string // ISO 15924
	syl    *syllabary
	lat    latin
	han    []rune
}

// newWordMaker returns the speller for a language code and its script.
func newWordMaker(code, script string) wordMaker {
	w := wordMaker{script: script}
	switch script {
	case "Thai":
		w.syl = newSyllabary(thaiConsonants, thaiVowels, 'อ')
	case "Laoo":
		w.syl = newSyllabary(laoConsonants, laoVowels, 'ອ')
	case "Khmr":
		w.syl = newSyllabary(khmerConsonants, khmerVowels, 'អ')
	case "Mymr":
		w.syl = newSyllabary(myanmarConsonants, myanmarVowels, 'အ')
	case "Taml":
		w.syl = newSyllabary(tamilConsonants, tamilVowels, 'அ')
		w.syl.initials = []rune(tamilInitials)
	case "Hans", "Hani", "Jpan":
		w.han = []rune(hanSimplified)
	case "Hant":
		w.han = []rune(hanTraditional)
	default:
		w.lat = latinFor(code)
	}
	return w
}

// latinFor returns the rotation of a Latin-script language. Each
// language has its own, so that outputs in Indonesian and Malay differ.
func latinFor(code string) latin {
	switch code {
	case "vi":
		return latin{consonantShift: 5, vowelSet: []rune("ơưêâô"), dStroke: true}
	case "id":
		return latin{consonantShift: 2, vowelShift: 2}
	case "ms":
		return latin{consonantShift: 3, vowelShift: 3}
	case "fil":
		return latin{consonantShift: 4, vowelShift: 4}
	case "tet":
		return latin{consonantShift: 6, vowelShift: 1}
	case "pt":
		return latin{consonantShift: 7, vowelShift: 2}
	case "en":
		return latin{consonantShift: 1, vowelShift: 1}
	}
	h := fnv.New32a()
	h.Write([]byte(code))
	s := int(h.Sum32())
	return latin{consonantShift: 1 + s%19, vowelShift: 1 + s%4}
}

// letterClass maps any letter onto a Latin consonant or vowel index:
// Latin letters by their base letter, other letters by code point.
func letterClass(r rune) (vowel bool, idx int) {
	base := unicode.ToLower(r)
	if d := norm.NFD.String(string(r)); d != "" {
		base = unicode.ToLower([]rune(d)[0])
	}
	if i := strings.IndexRune(latinVowels, base); i >= 0 {
		return true, i
	}
	if i := strings.IndexRune(latinConsonants, base); i >= 0 {
		return false, i
	}
	if r%5 == 0 {
		return true, int(r/5) % len(latinVowels)
	}
	return false, int(r) % len(latinConsonants)
}

// word spells the pseudo-word for a source word. variant changes the
// spelling, for when the first one collides with a forbidden form.
func (w wordMaker) word(src string, variant int) string {
	switch {
	case w.han != nil:
		return w.hanWord(src, variant)
	case w.syl != nil:
		return w.sylWord(src, variant)
	}
	return w.latinWord(src, variant)
}

func (w wordMaker) latinWord(src string, variant int) string {
	var b strings.Builder
	for _, r := range src {
		if !unicode.IsLetter(r) {
			continue // combining marks of the source are dropped
		}
		vowel, i := letterClass(r)
		var out rune
		if vowel && w.lat.vowelSet != nil {
			out = w.lat.vowelSet[(i+variant)%len(w.lat.vowelSet)]
		} else if vowel {
			out = rune(latinVowels[(i+w.lat.vowelShift+variant)%len(latinVowels)])
			if out == rune(latinVowels[i]) {
				out = rune(latinVowels[(i+1)%len(latinVowels)])
			}
		} else {
			shift := (w.lat.consonantShift + variant) % len(latinConsonants)
			if shift == 0 {
				shift = 1
			}
			out = rune(latinConsonants[(i+shift)%len(latinConsonants)])
			if w.lat.dStroke && out == 'd' {
				out = 'đ'
			}
		}
		if unicode.IsUpper(r) {
			out = unicode.ToUpper(out)
		}
		b.WriteRune(out)
	}
	if w.lat.vowelSet == nil {
		return b.String()
	}
	return norm.NFC.String(b.String())
}

func (w wordMaker) sylWord(src string, variant int) string {
	var b strings.Builder
	afterConsonant := false
	for _, r := range src {
		if !unicode.IsLetter(r) {
			continue
		}
		vowel, i := letterClass(r)
		if vowel {
			switch {
			case afterConsonant:
				b.WriteRune(w.syl.vowels[(i*3+variant)%len(w.syl.vowels)])
			case w.syl.initials != nil:
				b.WriteRune(w.syl.initials[(i*3+variant)%len(w.syl.initials)])
			default:
				b.WriteRune(w.syl.carrier)
				b.WriteRune(w.syl.vowels[(i*3+variant)%len(w.syl.vowels)])
			}
			afterConsonant = false
			continue
		}
		b.WriteRune(w.syl.consonants[(i*7+3+variant)%len(w.syl.consonants)])
		afterConsonant = true
	}
	return b.String()
}

func (w wordMaker) hanWord(src string, variant int) string {
	n := 0
	h := fnv.New64a()
	for _, r := range src {
		if unicode.IsLetter(r) {
			n++
			h.Write([]byte(string(unicode.ToLower(r))))
		}
	}
	if n == 0 {
		return ""
	}
	chars := min(1+(n-1)/4, 3)
	x := h.Sum64() + uint64(variant)*0x9e3779b97f4a7c15
	var b strings.Builder
	for range chars {
		b.WriteRune(w.han[x%uint64(len(w.han))])
		x /= uint64(len(w.han))
		x += 0x2545f4914f6cdd1d
	}
	return b.String()
}
