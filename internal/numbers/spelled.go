package numbers

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishWord returns the value of an English number word, whether it is
// a scale (hundred, thousand, ...) and whether it is an ordinal.
func englishWord(w string) (value int64, scale, ordinal, ok bool) {
	if len(w) < 3 || len(w) > 10 {
		return 0, false, false, false
	}
	w = lowerWord(w)
	if v, ok := cardinalWord(w); ok {
		return v, false, false, true
	}
	switch w {
	case "hundred":
		return 100, true, false, true
	case "thousand":
		return 1e3, true, false, true
	case "million":
		return 1e6, true, false, true
	case "billion":
		return 1e9, true, false, true
	case "trillion":
		return 1e12, true, false, true
	case "hundredth":
		return 100, true, true, true
	case "thousandth":
		return 1e3, true, true, true
	case "millionth":
		return 1e6, true, true, true
	case "first":
		return 1, false, true, true
	case "second":
		return 2, false, true, true
	case "third":
		return 3, false, true, true
	case "fifth":
		return 5, false, true, true
	case "eighth":
		return 8, false, true, true
	case "ninth":
		return 9, false, true, true
	case "twelfth":
		return 12, false, true, true
	}
	// fourth, sixth, ..., nineteenth: cardinal + "th"
	if base, found := strings.CutSuffix(w, "th"); found {
		if v, ok := cardinalWord(base); ok && v >= 4 {
			return v, false, true, true
		}
	}
	// twentieth, ..., ninetieth: "-ty" becomes "-tieth"
	if base, found := strings.CutSuffix(w, "tieth"); found {
		if v, ok := cardinalWord(base + "ty"); ok {
			return v, false, true, true
		}
	}
	return 0, false, false, false
}

// cardinalWord returns the value of an English cardinal from zero to
// ninety that is written as one word.
func cardinalWord(w string) (int64, bool) {
	switch w {
	case "zero":
		return 0, true
	case "one":
		return 1, true
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	}
	return 0, false
}

// wordSpan is a word of a text and its byte span.
type wordSpan struct {
	text       string
	start, end int
}

// lowerWord is strings.ToLower for the words englishWord reads, without
// allocating for those of ASCII letters, which the words it knows are.
func lowerWord(w string) string {
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || i == len(buf) {
			// "İ" and the Kelvin sign lower to ASCII letters
			return strings.ToLower(w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if s := buf[:len(w)]; string(s) != w {
		return string(s)
	}
	return w
}

// isLetter is unicode.IsLetter with ASCII decided at once.
func isLetter(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	return unicode.IsLetter(c)
}

// wordAt returns the first run of letters of text from offset i on.
func wordAt(text string, i int) (wordSpan, bool) {
	for i < len(text) {
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isLetter(c) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			d, n := rune(text[j]), 1
			if d >= utf8.RuneSelf {
				d, n = utf8.DecodeRuneInString(text[j:])
			}
			if !isLetter(d) {
				break
			}
			j += n
		}
		return wordSpan{text[i:j], i, j}, true
	}
	return wordSpan{}, false
}

// mayStart reports whether a spelled number may start with word w: "a"
// or a number word.
func mayStart(w string) bool {
	if len(w) == 1 {
		return w == "a" || w == "A"
	}
	// The number words start with one of these letters; other
	// characters lower to no letter they start with.
	const initials = 1<<('z'-'a') | 1<<('o'-'a') | 1<<('t'-'a') | 1<<('f'-'a') | 1<<('s'-'a') |
		1<<('e'-'a') | 1<<('n'-'a') | 1<<('h'-'a') | 1<<('m'-'a') | 1<<('b'-'a')
	if c := w[0] | 0x20 - 'a'; c >= 26 || initials&(1<<c) == 0 {
		return false
	}
	_, _, _, ok := englishWord(w)
	return ok
}

// spelledNumbers finds English numbers written in words: "twenty-four",
// "one hundred and five", "two million", "a thousand", "eleventh",
// "thirty percent". Words join across a space or hyphen, and "and" joins
// within a number after "hundred" ("one hundred and five").
//
// A number is read from the words joined to one that may start it,
// every word of that run tried in turn, as spelledAt reads no further.
func spelledNumbers(text string) []Number {
	var out []Number
	var ws []wordSpan
	for w, ok := wordAt(text, 0); ok; w, ok = wordAt(text, w.end) {
		if !mayStart(w.text) {
			continue
		}
		ws = append(ws[:0], w)
		for {
			next, ok := wordAt(text, w.end)
			if !ok || !joined(text, w, next) {
				break
			}
			ws, w = append(ws, next), next
		}
		for k := 0; k < len(ws); {
			n, next, ok := spelledAt(text, ws, k)
			if !ok {
				k++
				continue
			}
			out = append(out, n)
			k = next
		}
	}
	return out
}

// joined reports whether the text between two words lets them form one
// number: a single space or hyphen.
func joined(text string, a, b wordSpan) bool {
	gap := text[a.end:b.start]
	return gap == " " || gap == "-" || gap == "\u00A0"
}

// spelledAt reads a spelled number starting at word k and returns it
// with the index of the word after it.
func spelledAt(text string, ws []wordSpan, k int) (Number, int, bool) {
	first := k
	var total, current int64
	if strings.EqualFold(ws[k].text, "a") && k+1 < len(ws) && joined(text, ws[k], ws[k+1]) {
		if _, scale, _, ok := englishWord(ws[k+1].text); ok && scale {
			current, k = 1, k+1 // "a hundred", "a million"
		}
	}
	last, used, ordinal := -1, 0, false
	for j := k; j < len(ws) && !ordinal; j++ {
		if j > k && !joined(text, ws[j-1], ws[j]) {
			break
		}
		if strings.EqualFold(ws[j].text, "and") {
			// "one hundred and five"
			if current < 100 || current%100 != 0 || j+1 >= len(ws) || !joined(text, ws[j], ws[j+1]) {
				break
			}
			if v, scale, _, ok := englishWord(ws[j+1].text); !ok || scale || v == 0 {
				break
			}
			continue
		}
		v, scale, ord, ok := englishWord(ws[j].text)
		if !ok {
			break
		}
		stop := false
		switch {
		case scale && v == 100:
			if stop = current == 0 || current >= 100; !stop {
				current *= 100
			}
		case scale:
			if stop = current == 0; !stop {
				total += current * v
				current = 0
			}
		case current%100 == 0 || (current%100 >= 20 && current%10 == 0 && v < 10):
			current += v // "twenty" then "four"
		default:
			stop = true // "twenty thirty": a second number starts here
		}
		if stop {
			break
		}
		last, ordinal = j, ord
		used++
	}
	if used == 0 || last < 0 {
		return Number{}, 0, false
	}
	value := total + current
	s, e := ws[first].start, ws[last].end
	n := Number{Start: s, Value: big.NewRat(value, 1), Digits: big.NewRat(value, 1), Ordinal: ordinal, Spelled: true}
	if pe, ok := percentAfter(text, e); ok {
		n.Percent, e = true, pe
	}
	n.End, n.Raw = e, text[s:e]
	return n, last + 1, true
}
