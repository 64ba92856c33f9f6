package mock

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Digits chooses the digits the pseudo-translation writes numbers with.
type Digits int

const (
	// LocaleDigits writes the digits CLDR gives each language by default:
	// European digits everywhere except Burmese, which uses Myanmar digits.
	LocaleDigits Digits = iota
	// LatinDigits writes European digits for every language.
	LatinDigits
	// NativeDigits writes Thai, Lao, Khmer and Myanmar digits for th, lo,
	// km and my, and the locale's default elsewhere.
	NativeDigits
)

// numberingSystem returns the CLDR numbering system to ask for, "" for
// the language's default.
func numberingSystem(code string, d Digits) string {
	switch d {
	case LatinDigits:
		return "latn"
	case NativeDigits:
		switch code {
		case "th":
			return "thai"
		case "lo":
			return "laoo"
		case "km":
			return "khmr"
		case "my":
			return "mymr"
		}
	}
	return ""
}

// numberFormat writes numbers the way one language does, with CLDR's
// symbols and grouping through golang.org/x/text.
type numberFormat struct {
	p       *message.Printer
	group   string
	decimal string
	zero    rune
}

// newNumberFormat prepares the format of a language tag with the given
// numbering system ("" for the default).
func newNumberFormat(tag language.Tag, nu string) numberFormat {
	if nu != "" {
		if t, err := language.Parse(tag.String() + "-u-nu-" + nu); err == nil {
			tag = t
		}
	}
	f := numberFormat{p: message.NewPrinter(tag)}
	sample := f.p.Sprint(number.Decimal(1234.5, number.Scale(1)))
	// sample is 1, group, 234, decimal, 5 in the locale's digits.
	first, n := utf8.DecodeRuneInString(sample)
	f.zero = first - 1
	rest := sample[n:]
	i := strings.IndexFunc(rest, func(r rune) bool { return f.digit(r) >= 0 })
	f.group = rest[:max(i, 0)]
	last := strings.LastIndexFunc(rest, func(r rune) bool { return f.digit(r) == 4 })
	_, w := utf8.DecodeRuneInString(rest[last:])
	f.decimal = rest[last+w : len(rest)-utf8.RuneLen(f.zero+5)]
	if f.decimal == "" {
		f.decimal = "."
	}
	return f
}

// digit returns the value of r in the format's digits, or -1.
func (f numberFormat) digit(r rune) int {
	if r >= f.zero && r <= f.zero+9 {
		return int(r - f.zero)
	}
	return -1
}

// num is a number read from the source text, its digits in ASCII.
type num struct {
	whole, frac string
	grouped     bool
}

// digitValue returns the value of a decimal digit of the families juru
// may meet: European, Arabic-Indic, Devanagari, Bengali, Tamil, Thai, Lao,
// Tibetan, Myanmar, Khmer and full-width digits.
func digitValue(r rune) (int, bool) {
	zeros := [...]rune{'0', 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0BE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0xFF10}
	for _, z := range zeros {
		if r >= z && r <= z+9 {
			return int(r - z), true
		}
	}
	return 0, false
}

// readDigits reads a run of digits at the start of s, in ASCII.
func readDigits(s string) (string, int) {
	var b strings.Builder
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		v, ok := digitValue(r)
		if !ok {
			break
		}
		b.WriteByte(byte('0' + v))
		i += n
	}
	return b.String(), i
}

// parseNumber reads the number at the start of s written with the
// source language's separators. A group separator counts only when
// exactly three digits follow it (so "Sep 18,2021" is two numbers), and
// a decimal separator only when a digit follows it.
func parseNumber(s string, f numberFormat) (num, int) {
	whole, i := readDigits(s)
	if i == 0 {
		return num{}, 0
	}
	n := num{whole: whole}
	for f.group != "" && strings.HasPrefix(s[i:], f.group) && (n.grouped || len(n.whole) <= 3) {
		d, k := readDigits(s[i+len(f.group):])
		if len(d) != 3 {
			break
		}
		n.whole += d
		n.grouped = true
		i += len(f.group) + k
	}
	if strings.HasPrefix(s[i:], f.decimal) {
		if d, k := readDigits(s[i+len(f.decimal):]); k > 0 {
			n.frac = d
			i += len(f.decimal) + k
		}
	}
	return n, i
}

// render writes a number the target's way, keeping its value, its
// number of decimals and whether it was grouped. Numbers with leading
// zeros (dates, codes) or more than 15 digits keep their digits as they
// are, with the target's symbols.
func (f numberFormat) render(n num) string {
	if (len(n.whole) > 1 && n.whole[0] == '0') || len(n.whole)+len(n.frac) > 15 {
		return f.literal(n)
	}
	v, err := strconv.ParseFloat(n.whole+"."+n.frac+"0", 64)
	if err != nil {
		return f.literal(n)
	}
	opts := []number.Option{number.Scale(len(n.frac))}
	if !n.grouped {
		opts = append(opts, number.NoSeparator())
	}
	return f.p.Sprint(number.Decimal(v, opts...))
}

// literal writes the digits as given, grouping by threes when the source did.
func (f numberFormat) literal(n num) string {
	var b strings.Builder
	for i, c := range n.whole {
		if n.grouped && i > 0 && (len(n.whole)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteRune(f.zero + c - '0')
	}
	if n.frac != "" {
		b.WriteString(f.decimal)
		for _, c := range n.frac {
			b.WriteRune(f.zero + c - '0')
		}
	}
	return b.String()
}
