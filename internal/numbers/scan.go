package numbers

import (
	"strings"
	"unicode/utf8"
)

// token is a run of digit groups joined by single separators.
type token struct {
	// groups are the digit groups in ASCII digits.
	groups []string
	// seps[k] stands between groups[k] and groups[k+1].
	seps []rune
	// starts[k] and ends[k] are the byte offsets of groups[k].
	starts, ends []int
	// start is the byte offset of the first digit.
	start int
}

// token reads the digit groups starting at byte start, a digit, into t,
// whose storage it reuses. A group of ASCII digits is a slice of text.
func (r *Reader) token(text string, start int, t *token) {
	t.groups, t.seps, t.starts, t.ends = t.groups[:0], t.seps[:0], t.starts[:0], t.ends[:0]
	t.start = start
	i := start
	for {
		t.starts = append(t.starts, i)
		g, ascii := i, true
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if c < '0' || c > '9' {
					break
				}
				i++
				continue
			}
			c, size := utf8.DecodeRuneInString(text[i:])
			if _, ok := r.digit(c); !ok {
				break
			}
			ascii = false
			i += size
		}
		if ascii {
			t.groups = append(t.groups, text[g:i])
		} else {
			t.groups = append(t.groups, asciiDigits(text[g:i]))
		}
		t.ends = append(t.ends, i)
		if i >= len(text) {
			return
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		if !r.isSeparator(c) || i+size >= len(text) {
			return
		}
		if n, _ := utf8.DecodeRuneInString(text[i+size:]); !isDigit(n) {
			return
		}
		t.seps = append(t.seps, c)
		i += size
	}
}

// asciiDigits writes digits of any script in ASCII.
func asciiDigits(s string) string {
	b := make([]byte, 0, len(s))
	for _, c := range s {
		d, _ := digitValue(c)
		b = append(b, byte('0'+d))
	}
	return string(b)
}

func isDigit(c rune) bool {
	_, ok := digitValue(c)
	return ok
}

// readAs reads a token with the given decimal and group separators and
// returns its canonical decimal string, or false when the token is not a
// well-formed number under that convention. Group separators must all be
// the same character (the group separator or a grouping space); the
// groups after the first hold three digits, or, in Indian grouping, two
// with a final three; a decimal separator may only come last.
func readAs(t token, decimal, group rune) (string, bool) {
	n := len(t.seps)
	if n == 0 {
		return t.groups[0], true
	}
	intGroups, seps, frac := t.groups, t.seps, ""
	if t.seps[n-1] == decimal {
		intGroups, seps, frac = t.groups[:n], t.seps[:n-1], t.groups[n]
	}
	if len(seps) == 0 {
		return decimalString(intGroups, frac), true
	}
	for _, s := range seps {
		if spaceGroup(s) && spaceGroup(seps[0]) {
			continue // no-break and thin spaces group alike
		}
		if s != seps[0] || s != group {
			return "", false
		}
	}
	if !validGrouping(intGroups) {
		return "", false
	}
	return decimalString(intGroups, frac), true
}

// validGrouping checks the sizes of digit groups joined by group
// separators: a first group of one to three digits not starting with 0,
// then groups of three (1,234,567) or, in Indian grouping, groups of two
// and a final group of three (12,34,567).
func validGrouping(gs []string) bool {
	first := gs[0]
	if len(first) == 0 || len(first) > 3 || (first[0] == '0') {
		return false
	}
	rest := gs[1:]
	western, indian := true, len(first) <= 2
	for k, g := range rest {
		if len(g) != 3 {
			western = false
		}
		if k < len(rest)-1 && len(g) != 2 || k == len(rest)-1 && len(g) != 3 {
			indian = false
		}
	}
	return western || indian
}

// otherConvention returns the separators of the convention opposite to
// the language's: decimal comma for decimal-point languages and the
// reverse.
func (r *Reader) otherConvention() (decimal, group rune) {
	if r.decimal == ',' {
		return '.', ','
	}
	return ',', '.'
}

// reading is the interpretation of a token.
type reading struct {
	value, alt string // canonical decimal strings; alt may be ""
	end        int    // byte offset after the part of the token used
	// split is set when the token is a sequence of numbers, each group
	// one number.
	split bool
}

// interpret reads a token by the language's convention and, when that
// fails or is ambiguous, by the other. A token valid under neither (a
// version "1.2.3", a date "2020.10.30", a list "1,2,3") is a sequence of
// numbers, one per group.
func (r *Reader) interpret(t token) reading {
	if len(t.seps) == 0 {
		return reading{value: t.groups[0], end: t.ends[0]}
	}
	own, okOwn := readAs(t, r.decimal, r.group)
	od, og := r.otherConvention()
	other, okOther := readAs(t, od, og)
	end := t.ends[len(t.ends)-1]
	switch {
	case okOwn && okOther && !sameDecimal(own, other):
		return reading{value: own, alt: other, end: end}
	case okOwn:
		return reading{value: own, end: end}
	case okOther:
		return reading{value: other, end: end}
	}
	return reading{value: t.groups[0], end: t.ends[0], split: true}
}

// digitCount counts the digits of a canonical decimal string.
func digitCount(s string) int {
	return len(s) - strings.Count(s, ".")
}

// sameDecimal reports whether two canonical decimal strings ("1234",
// "1.500") stand for the same value: alike once zeros that do not count
// (before the integer part, after the fraction) are dropped.
func sameDecimal(a, b string) bool {
	ai, af, _ := strings.Cut(a, ".")
	bi, bf, _ := strings.Cut(b, ".")
	return strings.TrimLeft(ai, "0") == strings.TrimLeft(bi, "0") &&
		strings.TrimRight(af, "0") == strings.TrimRight(bf, "0")
}
