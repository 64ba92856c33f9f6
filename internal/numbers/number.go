package numbers

import (
	"math/big"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Number is a number found in a text.
type Number struct {
	// Raw is the number as written, with its magnitude word, percent sign
	// or ordinal suffix: "34,35 miliar", "12%", "18th".
	Raw string
	// Start and End are the byte offsets of Raw in the text.
	Start, End int
	// Line and Col locate Start: 1-based, Col counts characters (code
	// points).
	Line, Col int
	// Value is the number's value, with the magnitude word applied. Value,
	// Digits and Alt may share storage and must not be modified.
	Value *big.Rat
	// Alt holds other readings the number may stand for, each with the
	// magnitude applied: the second reading of separators ambiguous
	// between the decimal-point and decimal-comma conventions ("1.500" is
	// 1.5 or 1500); the first number of a range whose magnitude word comes
	// only after the second ("4.2-3.9 million"); the 24-hour form of an
	// afternoon hour ("11:35 pm" reads 23 too); the first year of a
	// Chinese century ("19 世纪" reads 1800 too).
	Alt []*big.Rat
	// Digits is the value of the digits alone, as written, without the
	// magnitude word: 34.35 for "34.35 billion".
	Digits *big.Rat
	// Scale is the power of ten of the magnitude word: 9 for "billion",
	// 8 for "亿", 0 when there is none.
	Scale int
	// Percent is set for percentages ("12%", "12 persen", "ร้อยละ 12").
	Percent bool
	// Ordinal is set for ordinals written with digits ("18th", "ke-18",
	// "第18").
	Ordinal bool
	// Year is set for a plain four-digit integer from 1000 to 2999.
	Year bool
	// Month is set for a month written as a number, as Chinese ("9月") and
	// Vietnamese ("tháng 9") do where other languages use a name.
	Month bool
	// Spelled is set for a number written in English words ("twenty-four",
	// "two million", "eleventh").
	Spelled bool
}

// String returns Raw.
func (n Number) String() string { return n.Raw }

// integer reports whether n is written as a whole number with no
// magnitude word: the kind of number a language may spell out in words.
func (n Number) integer() bool {
	return n.Scale == 0 && n.Value.IsInt() && len(n.Alt) == 0
}

// Extract returns the numbers of text, read by the conventions of the
// language tagged lang (a BCP 47 tag such as "id", "th" or "zh-Hans"; an
// unknown tag reads like English). Building a Reader once with NewReader
// is cheaper when many texts share a language.
func Extract(text, lang string) []Number {
	return NewReader(lang).Extract(text)
}

// maxDigits bounds the digits of one number; longer digit strings are
// identifiers or data, not quantities, and are skipped.
const maxDigits = 40

// Extract returns the numbers of text in order of appearance.
func (r *Reader) Extract(text string) []Number {
	var out []Number
	var s scratch
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// eight bytes at a time past those neither digits nor
			// part of other characters
			m := digitOrHigh(load64(text[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		if _, ok := r.digit(c); !ok {
			i += size
			continue
		}
		out, i = r.read(text, i, &s, out)
	}
	if r.code == "en" {
		out = mergeSorted(out, spelledNumbers(text))
		afternoonHours(text, out)
		militaryTime(text, out)
	}
	shareRangeMagnitude(text, out)
	locate(text, out)
	return out
}

// load64 reads the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// digitOrHigh has the high bit of each byte of w set where that byte is
// an ASCII digit or not ASCII.
func digitOrHigh(w uint64) uint64 {
	const ones, high, low = 0x0101010101010101, 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	x := w & low // no carries cross bytes below 0x80
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	return (digit | w) & high
}

// mergeSorted merges two lists of numbers sorted by Start.
func mergeSorted(a, b []Number) []Number {
	if len(b) == 0 {
		return a
	}
	out := make([]Number, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].Start <= b[0].Start {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// locate fills in Line and Col for numbers sorted by Start.
func locate(text string, ns []Number) {
	line, col, off := 1, 1, 0
	for k := range ns {
		for off < ns[k].Start {
			c, size := rune(text[off]), 1
			if c >= utf8.RuneSelf {
				c, size = utf8.DecodeRuneInString(text[off:])
			}
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			off += size
		}
		ns[k].Line, ns[k].Col = line, col
	}
}

// decimalString builds the canonical decimal form "123.45" of digit
// groups, with the groups before the decimal part joined.
func decimalString(intGroups []string, frac string) string {
	s := strings.Join(intGroups, "")
	if frac != "" {
		s += "." + frac
	}
	return s
}

// rat parses a canonical decimal string ("1234", "34.35").
func rat(s string) *big.Rat { return setDecimal(new(big.Rat), s) }

// setDecimal sets v to the canonical decimal string s and returns v.
func setDecimal(v *big.Rat, s string) *big.Rat {
	if len(s) <= 18 {
		// fits an int64: skip the general parser
		var num, den int64 = 0, 1
		frac := false
		for i := 0; i < len(s); i++ {
			if s[i] == '.' {
				frac = true
				continue
			}
			num = 10*num + int64(s[i]-'0')
			if frac {
				den *= 10
			}
		}
		if den == 1 {
			// a whole number: a denominator left unset is one
			v.Num().SetInt64(num)
			return v
		}
		return v.SetFrac64(num, den)
	}
	if _, ok := v.SetString(s); !ok {
		return v.SetInt64(0)
	}
	return v
}

// scaled returns v times 10^exp; with exp 0 it returns v itself.
func scaled(v *big.Rat, exp int) *big.Rat {
	if v == nil || exp == 0 {
		return v
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil)
	return new(big.Rat).Mul(v, new(big.Rat).SetInt(p))
}
