package numbers

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/lang"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Reader reads numbers by the conventions of one language. It holds no
// state between calls and is safe for concurrent use.
type Reader struct {
	// code is the language's canonical code ("id", "zh-Hans").
	code string
	// decimal and group are the language's separators.
	decimal, group rune
	// words are the magnitude words the language uses, longest first.
	words []magnitude
	// initials holds one word per distinct first character of words, to
	// rule out a match quickly.
	initials []string
	// digitBlocks has bit b set when the block of sixteen code points
	// from 16*b holds a decimal digit, for the Basic Multilingual Plane.
	digitBlocks [4096 / 64]uint64
}

// NewReader returns a Reader for the language tagged lang. Tags the
// language registry knows are canonicalised ("in" is Indonesian, "tl"
// Filipino, "zh-TW" Traditional Chinese); any other valid tag is used as
// it is, and an invalid one reads like English.
func NewReader(tag string) *Reader {
	t := language.English
	code := "en"
	if l, err := lang.New().Lookup(tag); err == nil {
		t, code = l.Tag, l.Code
	} else if p, err := language.Parse(tag); err == nil {
		t, code = p, p.String()
	}
	r := &Reader{code: code}
	r.decimal, r.group = separators(t)
	r.words = magnitudes(code)
	sort.SliceStable(r.words, func(i, j int) bool { return len(r.words[i].word) > len(r.words[j].word) })
	for _, rg := range unicode.Nd.R16 {
		for c := rune(rg.Lo); c <= rune(rg.Hi); c += rune(rg.Stride) {
			r.digitBlocks[c>>10] |= 1 << (c >> 4 & 63)
		}
	}
	seen := map[rune]bool{}
	for _, m := range r.words {
		if f, _ := utf8.DecodeRuneInString(m.word); !seen[f] {
			seen[f] = true
			r.initials = append(r.initials, m.word)
		}
	}
	return r
}

// Lang returns the canonical code of the Reader's language.
func (r *Reader) Lang() string { return r.code }

// separators reads a language's decimal and group separators from CLDR
// through golang.org/x/text: it formats 1234567.25 and takes the first
// non-digit as the group separator and the last as the decimal one.
func separators(t language.Tag) (decimal, group rune) {
	s := message.NewPrinter(t).Sprint(number.Decimal(1234567.25))
	decimal, group = '.', ','
	first := true
	for _, c := range s {
		if _, ok := digitValue(c); ok {
			continue
		}
		if first {
			group, first = c, false
		}
		decimal = c
	}
	return decimal, group
}

// digitValue returns the value of a decimal digit of any script (Unicode
// category Nd). Every range of unicode.Nd runs through whole blocks of ten
// digits starting at a zero, which digits_test.go checks.
func digitValue(c rune) (int, bool) {
	if c >= '0' && c <= '9' {
		return int(c - '0'), true
	}
	if c < utf8.RuneSelf {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if c >= rune(rg.Lo) && c <= rune(rg.Hi) {
			return int(c-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if c >= rune(rg.Lo) && c <= rune(rg.Hi) {
			return int(c-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// digit is digitValue with the characters of the blocks of sixteen that
// hold no digit ruled out by table.
func (r *Reader) digit(c rune) (int, bool) {
	if c < utf8.RuneSelf {
		if c >= '0' && c <= '9' {
			return int(c - '0'), true
		}
		return 0, false
	}
	if c < 0x10000 && r.digitBlocks[c>>10]&(1<<(c>>4&63)) == 0 {
		return 0, false
	}
	return digitValue(c)
}

// spaceGroup reports the spaces used to group digits: no-break space,
// narrow no-break space and thin space. Unlike an ordinary space they do
// not separate two numbers.
func spaceGroup(c rune) bool {
	return c == '\u00A0' || c == '\u202F' || c == '\u2009'
}

// isSeparator reports whether c may stand between two digit groups of one
// number in the Reader's language.
func (r *Reader) isSeparator(c rune) bool {
	return c == '.' || c == ',' || spaceGroup(c) || c == r.group || c == r.decimal
}
