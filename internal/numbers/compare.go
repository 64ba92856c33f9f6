package numbers

import (
	"fmt"
	"math/big"
	"strconv"

	"golang.org/x/text/language"
)

// Kind says which side of a comparison a mismatched number is on.
type Kind int

const (
	// Missing: a number of the source does not occur in the target.
	Missing Kind = iota + 1
	// Extra: a number of the target (or summary) does not occur in the
	// source.
	Extra
)

// String returns "missing" or "extra".
func (k Kind) String() string {
	switch k {
	case Missing:
		return "missing"
	case Extra:
		return "extra"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Mismatch is a number that one side has and the other lacks.
type Mismatch struct {
	// Kind is Missing or Extra.
	Kind Kind
	// Number is the number concerned, with its position in the text it
	// was found in: the source for Missing, the target for Extra.
	Number Number
	// Message says what is wrong, in one line.
	Message string
}

// Options controls a comparison.
type Options struct {
	// Count requires every value as many times in the target as in the
	// source. By default a value is present if it occurs at all: a
	// translation may legitimately mention a repeated figure once ("in
	// 2020 ... that year").
	Count bool
	// Extra also reports numbers of the target that do not occur in the
	// source (a changed figure then shows as one missing and one extra).
	Extra bool
	// Bare lets a number with a magnitude word match a number without
	// one whose value equals its digits ("34.35 billion" and "34.35 bn."
	// or "34,35 M", whose abbreviations are not read as magnitudes).
	Bare bool
}

// Compare checks the numbers of a translation against its source. Two
// numbers match when they have a value in common, each read by its own
// language's conventions with both readings of an ambiguous form; a year
// of the Thai Buddhist era also matches the same year of the common era
// (2563 and 2020). Months written as numbers (Chinese "9月", Vietnamese
// "tháng 9") are left out, as other languages name them, and so are whole
// numbers from 0 to 10 without a magnitude word, which translations often
// spell out ("two", "hai", "สอง"). English numbers written in words
// ("twenty-four", "two million") are read, and satisfy a number in digits
// on the other side, but are never required there.
func Compare(src, srcLang, tgt, tgtLang string, opts Options) []Mismatch {
	return CompareNumbers(Extract(src, srcLang), srcLang, Extract(tgt, tgtLang), tgtLang, opts)
}

// Unsupported returns the numbers of a summary that do not occur in its
// source, matched as Compare matches them: a faithful summary invents no
// figure. They are reported as Extra.
func Unsupported(summary, summaryLang, source, sourceLang string) []Mismatch {
	ms := CompareNumbers(Extract(source, sourceLang), sourceLang, Extract(summary, summaryLang), summaryLang, Options{Extra: true})
	out := ms[:0]
	for _, m := range ms {
		if m.Kind == Extra {
			m.Message = fmt.Sprintf("number %q (%s) in the summary does not occur in the source", m.Number.Raw, decimal(m.Number.Value))
			out = append(out, m)
		}
	}
	return out
}

// CompareNumbers is Compare for numbers already extracted.
func CompareNumbers(src []Number, srcLang string, tgt []Number, tgtLang string, opts Options) []Mismatch {
	sk := keysOf(src, thai(srcLang), opts.Bare)
	tk := keysOf(tgt, thai(tgtLang), opts.Bare)
	var srcMatched, tgtMatched []bool
	if opts.Count {
		srcMatched, tgtMatched = matchCount(sk, tk)
	} else {
		srcMatched, tgtMatched = matchPresence(sk, tk)
	}
	var out []Mismatch
	for i, n := range src {
		if !srcMatched[i] && !exempt(n) {
			out = append(out, Mismatch{Kind: Missing, Number: n,
				Message: fmt.Sprintf("number %q (%s) of the source is missing from the translation", n.Raw, decimal(n.Value))})
		}
	}
	if opts.Extra {
		for j, n := range tgt {
			if !tgtMatched[j] && !exempt(n) {
				out = append(out, Mismatch{Kind: Extra, Number: n,
					Message: fmt.Sprintf("number %q (%s) in the translation does not occur in the source", n.Raw, decimal(n.Value))})
			}
		}
	}
	return out
}

// exempt reports numbers a comparison does not require on the other side:
// months written as numbers, numbers written in words, and small whole
// numbers, often spelled out.
func exempt(n Number) bool {
	if n.Month || n.Spelled {
		return true
	}
	return n.integer() && atMost(n.Value.Num(), 10)
}

// atMost reports whether x <= k, without allocating.
func atMost(x *big.Int, k int64) bool {
	if x.IsInt64() {
		return x.Int64() <= k
	}
	return x.Sign() < 0
}

// thai reports whether a tag names Thai, whose texts count years in the
// Buddhist era.
func thai(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	b, _ := t.Base()
	return b.String() == "th"
}

// keysOf returns, for each number, the values it may stand for, as exact
// decimal strings: its value, its other reading, the common-era year of a
// Buddhist-era year in a Thai text, and with bare its digits when it has
// a magnitude word. A Month number gets no key: it matches nothing.
func keysOf(ns []Number, thai, bare bool) [][]string {
	out := make([][]string, len(ns))
	for i, n := range ns {
		if n.Month {
			continue
		}
		ks := make([]string, 1, 1+len(n.Alt))
		ks[0] = ratString(n.Value)
		for _, a := range n.Alt {
			ks = append(ks, ratString(a))
		}
		if bare && n.Scale != 0 {
			ks = append(ks, ratString(n.Digits))
		}
		if thai && n.Year && n.Value.Cmp(big.NewRat(2400, 1)) >= 0 && n.Value.Cmp(big.NewRat(2700, 1)) <= 0 {
			ks = append(ks, new(big.Rat).Sub(n.Value, big.NewRat(543, 1)).RatString())
		}
		out[i] = ks
	}
	return out
}

// ratString is v.RatString, quicker for whole numbers that fit an int64.
func ratString(v *big.Rat) string {
	if v.IsInt() && v.Num().IsInt64() {
		return strconv.FormatInt(v.Num().Int64(), 10)
	}
	return v.RatString()
}

// decimal writes an exact decimal value ("34350000000", "34.35").
func decimal(v *big.Rat) string {
	if v.IsInt() {
		return v.Num().String()
	}
	// A value read from decimal digits has a denominator of the form
	// 2^a 5^b, so max(a, b) fraction digits are exact.
	d := new(big.Int).Set(v.Denom())
	digits := 0
	for d.Cmp(big.NewInt(1)) > 0 && digits < 64 {
		d.Quo(d, big.NewInt(gcdTen(d)))
		digits++
	}
	return v.FloatString(digits)
}

// gcdTen returns the factor of 10 to divide d by: 10 when both 2 and 5
// divide it, else 2 or 5, else d itself is not a decimal denominator and
// 1 ends the loop at the digit cap.
func gcdTen(d *big.Int) int64 {
	two := new(big.Int).Mod(d, big.NewInt(2)).Sign() == 0
	five := new(big.Int).Mod(d, big.NewInt(5)).Sign() == 0
	switch {
	case two && five:
		return 10
	case two:
		return 2
	case five:
		return 5
	}
	return 1
}
