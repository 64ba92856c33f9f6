package tokens

import (
	"unicode"
	"unicode/utf8"
)

// The pre-tokenizer patterns of the two encodings, as OpenAI publishes
// them: they cut text into pieces (words with their leading space,
// numbers of up to three digits, runs of punctuation, runs of space)
// before byte-pair merging. pieces.go follows them by hand; the tests
// run them to check it.
const (
	o200kPattern = `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?` +
		`|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?` +
		`|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	cl100kPattern = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
)

// maxSegment bounds the bytes encoded at once. Byte-pair merging costs
// the square of a piece's length, so a long run without spaces (Thai,
// Burmese, a base64 blob) would otherwise take very long.
const maxSegment = 1024

// segments cuts text into parts of at most max bytes, so that the sum of
// their token counts equals the count of the whole text: a cut is made
// only before a single space that follows a non-space character and
// precedes a letter, where both encodings always start a new piece. Only
// when a run of max bytes holds no such place is it cut at a character
// boundary, which may change the count by a few tokens.
func segments(text string, max int) []string {
	if len(text) <= max {
		return []string{text}
	}
	var out []string
	for len(text) > max {
		cut := safeCut(text, max)
		if cut <= 0 {
			cut = runeCut(text, max)
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// safeCut returns the last safe cut in text[:max+1], or 0 when none.
func safeCut(text string, max int) int {
	for i := max; i > 0; i-- {
		if text[i] != ' ' || i+1 >= len(text) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if !unicode.IsSpace(prev) && unicode.IsLetter(next) {
			return i
		}
	}
	return 0
}

// runeCut returns the largest character boundary at or below max, and at
// least one character.
func runeCut(text string, max int) int {
	i := max
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	if i == 0 {
		_, n := utf8.DecodeRuneInString(text)
		return n
	}
	return i
}
