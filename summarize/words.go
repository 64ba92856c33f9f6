package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Counting words.
//
// In scripts written with spaces a word is a run of text between spaces
// holding a letter or a digit ("/" and "–" are not words, "U.S." and
// "34,35" are one each). Thai, Lao, Khmer, Burmese and Chinese put no
// space between words, and Vietnamese puts one between syllables, so
// there the count is an estimate, in the words an English text with the
// same content would have: the letters and combining signs of each such
// script divided by how many of them the same content takes per English
// word, and Vietnamese space-separated syllables divided by syllables per
// English word. The ratios were measured on the 1,012 parallel sentences
// of FLORES-200 devtest (TestRatiosMatchFlores checks them when the corpus
// is at hand). Latin words and numbers inside such text count one each.
//
// An estimate is reported as too long only beyond Allowance times the
// limit: on FLORES the estimate of a single sentence exceeds its English
// word count by more than half in under 3% of sentences, so a headline
// of 15 real words is rarely held back while one of two sentences is.

// Allowance is the factor by which an estimated word count may exceed a
// limit before the text is reported as too long.
const Allowance = 1.5

// charsPerWord returns how many letters and combining signs of the script
// of r the same content takes per English word, or 0 when r belongs to a
// script written with spaces.
func charsPerWord(r rune) float64 {
	switch {
	case r < 0x0E00:
		return 0
	case unicode.Is(unicode.Thai, r):
		return 5.63
	case unicode.Is(unicode.Lao, r):
		return 5.60
	case unicode.Is(unicode.Khmer, r):
		return 6.39
	case unicode.Is(unicode.Myanmar, r):
		return 6.95
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return 1.67
	}
	return 0
}

// syllablesPerWord is how many space-separated syllables Vietnamese takes
// per English word.
const syllablesPerWord = 1.40

// wordCount is the length of a text in words.
type wordCount struct {
	// n is the count or, when estimated, the estimate.
	n float64
	// estimated is set when any part of the text was estimated.
	estimated bool
}

// rounded returns the count rounded to the nearest whole word.
func (w wordCount) rounded() int { return int(w.n + 0.5) }

// over reports whether the count passes limit, by more than Allowance
// when it is an estimate.
func (w wordCount) over(limit int) bool {
	if w.estimated {
		return w.n > float64(limit)*Allowance
	}
	return w.n > float64(limit)
}

// under reports whether the count falls short of limit, by more than
// Allowance when it is an estimate.
func (w wordCount) under(limit int) bool {
	if w.estimated {
		return w.n*Allowance < float64(limit)
	}
	return w.n < float64(limit)
}

// countWords counts the words of a text in a language.
func countWords(text, lang string) wordCount {
	var w wordCount
	perField := 1.0
	if lang == "vi" {
		perField = 1 / syllablesPerWord
		w.estimated = true
	}
	for _, f := range strings.Fields(text) {
		run := false // the current run of spaced text holds a letter or digit
		for _, r := range f {
			if cpw := charsPerWord(r); cpw > 0 && !unicode.IsDigit(r) {
				if run {
					w.n += perField
					run = false
				}
				if unicode.IsLetter(r) || unicode.IsMark(r) {
					w.n += 1 / cpw
					w.estimated = true
				}
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				run = true
			}
		}
		if run {
			w.n += perField
		}
	}
	return w
}

// countSentences counts the sentences of a text: runs of text holding a
// letter or digit, ended by sentence punctuation (with any closing quotes
// or brackets after it) followed by a space, or by Chinese, Khmer or
// Burmese sentence punctuation, or by the end. A full stop ends no
// sentence after a known abbreviation, an initial or a word with a dot
// inside and no digit ("U.S."), nor before a word in lower case. Thai and Lao, which
// mark sentences with a space only, count as one sentence per paragraph.
func countSentences(text string) int {
	n := 0
	content := false
	wordStart := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			wordStart = i
			if r == '\n' && strings.HasPrefix(text[i:], "\n") && content {
				n, content = n+1, false // a blank line ends a paragraph
			}
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			content = true
			continue
		case !strings.ContainsRune(".!?。！？។။", r):
			continue
		}
		end := i
		for end < len(text) {
			c, m := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`.!?"'”’)]»`, c) {
				break
			}
			end += m
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		wide := r > 0x1000
		switch {
		case end == len(text), wide:
		case !unicode.IsSpace(next):
			continue
		case r == '.' && !endsSentence(text[wordStart:i-size], text[end:]):
			continue
		}
		i = end
		if content {
			n, content = n+1, false
		}
	}
	if content {
		n++
	}
	return n
}

// endsSentence reports whether a full stop after word, followed by rest
// (which starts with white space), ends a sentence.
func endsSentence(word, rest string) bool {
	dotted := strings.Contains(word, ".") && strings.IndexFunc(word, unicode.IsDigit) < 0
	if dotted || utf8.RuneCountInString(word) == 1 || abbreviation(strings.ToLower(word)) {
		return false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	next, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(next)
}

// abbreviation reports whether a lower-case word is a common
// abbreviation written with a full stop in the languages juru handles.
func abbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "lt", "col", "sgt", "capt",
		"gov", "sen", "rep", "pres", "rev", "hon", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
		"bpk", "sdr", "tn", "ny", "drs", "ir", "h", "tp", "ts", "ths", "pgs", "gs", "sdn", "bhd", "pte":
		return true
	}
	return false
}
