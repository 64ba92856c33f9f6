package numbers

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scratch is what reading the numbers of one text reuses from number to
// number: the token read, and values allocated a few at a time.
type scratch struct {
	t    token
	rats []big.Rat
}

// rat parses a canonical decimal string ("1234", "34.35") into a new
// value.
func (s *scratch) rat(str string) *big.Rat {
	if len(s.rats) == 0 {
		s.rats = make([]big.Rat, 16)
	}
	v := &s.rats[0]
	s.rats = s.rats[1:]
	return setDecimal(v, str)
}

// read reads the numbers whose first digit is at byte start: one, or
// several when the digit groups there form a sequence ("1.2.3"). It
// appends them to out and returns it with the offset to continue
// scanning from. Digit strings too long to be a quantity give no number.
func (r *Reader) read(text string, start int, s *scratch, out []Number) ([]Number, int) {
	r.token(text, start, &s.t)
	t := s.t
	rd := r.interpret(t)
	if !rd.split || len(t.groups) == 1 {
		n, end, ok := r.number(text, t, rd, s)
		if ok {
			out = append(out, n)
		}
		return out, end
	}
	last := len(t.groups) - 1
	for k := range last {
		if len(t.groups[k]) <= maxDigits {
			v := s.rat(t.groups[k])
			out = append(out, Number{Raw: text[t.starts[k]:t.ends[k]], Start: t.starts[k], End: t.ends[k], Value: v, Digits: new(big.Rat).Set(v)})
		}
	}
	one := token{groups: t.groups[last:], starts: t.starts[last:], ends: t.ends[last:], start: t.starts[last]}
	n, end, ok := r.number(text, one, r.interpret(one), s)
	if ok {
		out = append(out, n)
	}
	return out, end
}

// number builds the number a token reads as, with the words and signs
// around it: magnitude, percent, ordinal, month, century.
func (r *Reader) number(text string, t token, rd reading, s *scratch) (Number, int, bool) {
	start := t.start
	end := rd.end
	if digitCount(rd.value) > maxDigits {
		return Number{}, end, false
	}
	n := Number{Start: start}
	var alt *big.Rat
	if clock(text, t, rd) {
		// "pukul 10.30", "10.30 น.": an hour and its minutes, read apart
		rd = reading{value: t.groups[0], end: t.ends[0]}
		end = rd.end
	} else if rd.alt != "" {
		alt = s.rat(rd.alt)
	}
	n.Digits = s.rat(rd.value)
	plain := rd.end == t.ends[0] // no separator was used
	if e, ok := ordinalSuffix(text, end); ok && plain {
		n.Ordinal, end = true, e
	} else if m, e, ok := r.magnitudeAfter(text, end); ok {
		n.Scale, end = m.exp, e
	}
	if e, ok := percentAfter(text, end); ok {
		n.Percent, end = true, e
	}
	before := text[:start]
	if strings.HasSuffix(before, "第") || hasSuffixFold(before, "ke-") {
		n.Ordinal = true
	}
	for _, p := range percentPrefixes() {
		if strings.HasSuffix(strings.TrimRight(before, " \u00A0"), p) {
			n.Percent = true
		}
	}
	n.Value = scaled(n.Digits, n.Scale)
	if alt != nil {
		n.Alt = append(n.Alt, scaled(alt, n.Scale))
	}
	// without a separator the digits are the first group
	small := plain && n.Scale == 0 && len(t.groups[0]) <= 2 && atoi(t.groups[0]) <= 12
	if small && !n.Percent && (strings.HasPrefix(text[skipSpace(text, end):], "月") || hasSuffixFold(nfcTail(before), "tháng ")) {
		n.Month = true
	}
	if plain && n.Scale == 0 && (r.code == "zh-Hans" || r.code == "zh-Hant") {
		end = century(text, end, &n)
	}
	n.End = end
	n.Raw = text[start:end]
	if plain && n.Scale == 0 && !n.Percent && len(t.groups[0]) == 4 && t.groups[0] >= "1000" && t.groups[0] < "3000" {
		n.Year = true
	}
	return n, end, true
}

// ordinalSuffix matches an English ordinal suffix right after the digits
// ("1st", "22nd", "3rd", "18th") and returns where it ends.
func ordinalSuffix(text string, end int) (int, bool) {
	for _, s := range []string{"st", "nd", "rd", "th"} {
		if hasPrefixFold(text[end:], s) && boundary(text, end+len(s)) {
			return end + len(s), true
		}
	}
	return 0, false
}

// skipSpace skips one space that may stand between a number and its
// word: a space, a no-break space, a thin space or a zero-width space.
func skipSpace(text string, i int) int {
	c, size := utf8.DecodeRuneInString(text[i:])
	if c == ' ' || spaceGroup(c) || c == '\u200B' {
		return i + size
	}
	return i
}

// magnitudeAfter matches a magnitude word after a number, allowing one
// space before it, and in Chinese an "more than" mark between ("400 多万"
// is four million and more). It returns the word and where it ends.
func (r *Reader) magnitudeAfter(text string, end int) (magnitude, int, bool) {
	i := skipSpace(text, end)
	for _, more := range []string{"多", "余", "餘"} {
		if strings.HasPrefix(text[i:], more) {
			i = skipSpace(text, i+len(more))
			break
		}
	}
	if !startsWord(text, i, r.initials) {
		return magnitude{}, 0, false
	}
	w := newWindow(text, i)
	for _, m := range r.words {
		if n, ok := w.match(m.word); ok && (!m.spaced || boundary(text, i+n)) {
			return m, i + n, true
		}
	}
	return magnitude{}, 0, false
}

// percentAfter matches a percent sign or word after a number.
func percentAfter(text string, end int) (int, bool) {
	i := skipSpace(text, end)
	for _, sign := range []string{"%", "％", "٪"} {
		if strings.HasPrefix(text[i:], sign) {
			return i + len(sign), true
		}
	}
	words := percentWords()
	if !startsWord(text, i, words) {
		return 0, false
	}
	w := newWindow(text, i)
	for _, p := range words {
		if n, ok := w.match(p); ok && boundary(text, i+n) {
			return i + n, true
		}
	}
	return 0, false
}

// boundary reports whether offset i of text ends a word: the text ends
// there or no letter or combining mark follows.
func boundary(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsLetter(c) && !unicode.IsMark(c)
}

// window is the text after a number, prepared for matching words in any
// normalization form: nfc is the composed form of raw when raw is not
// composed already.
type window struct {
	raw, nfc string
}

// windowSize bounds how far after a number words are looked for.
const windowSize = 48

func newWindow(text string, i int) window {
	end := min(len(text), i+windowSize)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	w := window{raw: text[i:end]}
	if !norm.NFC.IsNormalString(w.raw) {
		w.nfc = norm.NFC.String(w.raw)
	}
	return w
}

// match reports whether the window starts with word, ignoring case and
// normalization form, and returns the length of the match in raw.
func (w window) match(word string) (int, bool) {
	if w.nfc == "" {
		return prefixFoldLen(w.raw, word)
	}
	n, ok := prefixFoldLen(w.nfc, word)
	if !ok {
		return 0, false
	}
	// find the prefix of raw whose composed form is the match
	for k := 1; k <= len(w.raw); k++ {
		if k < len(w.raw) && !utf8.RuneStart(w.raw[k]) {
			continue
		}
		if c := norm.NFC.String(w.raw[:k]); len(c) >= n {
			if c == w.nfc[:n] {
				return k, true
			}
			if len(c) > n {
				return 0, false
			}
		}
	}
	return 0, false
}

// prefixFoldLen reports whether s starts with word under simple case
// folding, rune by rune, and returns the byte length of that prefix of s.
func prefixFoldLen(s, word string) (int, bool) {
	i := 0
	for _, w := range word {
		if i >= len(s) {
			return 0, false
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if !foldEqual(c, w) {
			return 0, false
		}
		i += size
	}
	return i, true
}

// foldEqual reports whether two runes are equal under simple case folding.
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return a|0x20 == b|0x20 && a|0x20 >= 'a' && a|0x20 <= 'z'
	}
	if a < utf8.RuneSelf || b < utf8.RuneSelf {
		// Of the other characters only the Kelvin sign and the long s
		// fold with ASCII letters.
		if a > b {
			a, b = b, a
		}
		return a|0x20 == 'k' && b == '\u212A' || a|0x20 == 's' && b == '\u017F'
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// startsWord reports whether text at i starts with a character that
// begins one of words (folded), so that no window need be built otherwise.
func startsWord(text string, i int, words []string) bool {
	if i >= len(text) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[i:])
	for _, w := range words {
		f, _ := utf8.DecodeRuneInString(w)
		if foldEqual(c, f) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	_, ok := prefixFoldLen(s, prefix)
	return ok
}

func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	return strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// nfcTail returns the last few characters of s in NFC, enough to test for
// a preceding word.
func nfcTail(s string) string {
	i := max(0, len(s)-32)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return norm.NFC.String(s[i:])
}
