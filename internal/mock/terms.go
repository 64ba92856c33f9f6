package mock

import (
	"unicode"
	"unicode/utf8"
)

// termAt returns the length of the longest glossary form that occurs at
// byte i of s, respecting word boundaries in a source written with
// spaces, and never ending before a combining mark.
func (r *render) termAt(s string, i int) (int, *termPattern) {
	if len(r.terms) == 0 {
		return 0, nil
	}
	first, _ := utf8.DecodeRuneInString(s[i:])
	if r.srcSpaced && i > 0 {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if wordRune(before) && wordRune(first) {
			return 0, nil
		}
	}
	for k := range r.terms {
		p := &r.terms[k]
		n, ok := prefixFold(s[i:], p.form)
		if !ok {
			continue
		}
		if i+n < len(s) {
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if unicode.Is(unicode.M, after) {
				continue
			}
			if r.srcSpaced && wordRune(lastBase(s[i:i+n])) && wordRune(after) {
				continue
			}
		}
		return n, p
	}
	return 0, nil
}

// prefixFold reports whether s starts with pat under simple case
// folding, and how many bytes of s it spans.
func prefixFold(s, pat string) (int, bool) {
	i := 0
	for _, pr := range pat {
		if i >= len(s) {
			return 0, false
		}
		sr, n := utf8.DecodeRuneInString(s[i:])
		if sr != pr && !equalFoldRune(sr, pr) {
			return 0, false
		}
		i += n
	}
	return i, true
}

func equalFoldRune(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// lastBase returns the last rune of s that is not a combining mark.
func lastBase(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.M, r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return utf8.RuneError
}

// wordRune reports whether r is a letter, digit or mark of a script
// written with spaces between words, the way the glossary matcher decides
// word boundaries.
func wordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) {
		return false
	}
	return !unspacedRune(r)
}

// unspacedRune reports whether r belongs to a script written without
// spaces between words.
func unspacedRune(r rune) bool {
	return unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// termInside returns the offset from i of the first place inside s[i:i+k]
// where a glossary form starts (such as "500 tons" inside "1,500 tons"),
// or k when there is none.
func (r *render) termInside(s string, i, k int) int {
	if len(r.terms) == 0 {
		return k
	}
	for j := i + 1; j < i+k; j++ {
		if !utf8.RuneStart(s[j]) {
			continue
		}
		if n, _ := r.termAt(s, j); n > 0 {
			return j - i
		}
	}
	return k
}
