package mock

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// termAt returns the length of the longest glossary form that occurs at
// byte i of s, respecting word boundaries in a source written with
// spaces, and never ending before a combining mark. As in the glossary
// matcher, a run of whitespace in s or in a form (line breaks, tabs,
// no-break spaces) matches any other run, and U+200B, U+2060 and U+FEFF
// are ignored: a form may hold them or not where s does, but a match
// neither starts nor ends on one, and word boundaries are judged on the
// characters around it that are not ignorable.
func (r *render) termAt(s string, i int) (int, *termPattern) {
	if len(r.terms) == 0 {
		return 0, nil
	}
	first, _ := utf8.DecodeRuneInString(s[i:])
	if ignorable(first) || unicode.IsSpace(first) {
		return 0, nil
	}
	if r.srcSpaced && i > 0 {
		if wordRune(lastVisible(s[:i])) && wordRune(first) {
			return 0, nil
		}
	}
	// The forms are sorted longest first, but a form's length is not
	// that of its match when the two are spaced differently: the
	// longest match wins, the earlier form among equal ones.
	best, bestN := (*termPattern)(nil), 0
	for k := range r.terms {
		p := &r.terms[k]
		n, ok := prefixFold(s[i:], p.form)
		if !ok || n <= bestN {
			continue
		}
		if i+n < len(s) {
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if unicode.Is(unicode.M, after) {
				continue
			}
			if r.srcSpaced && wordRune(lastBase(s[i:i+n])) && wordRune(firstVisible(s[i+n:])) {
				continue
			}
		}
		best, bestN = p, n
	}
	return bestN, best
}

// prefixFold reports whether s starts with pat under simple case
// folding, and how many bytes of s it spans: a run of whitespace in pat
// (where it is not at an end) matches a run in s, and ignorable
// characters are skipped in both, but not at the end of s's span.
func prefixFold(s, pat string) (int, bool) {
	pat = strings.TrimFunc(pat, func(r rune) bool { return unicode.IsSpace(r) || ignorable(r) })
	if pat == "" {
		return 0, false
	}
	i, j := 0, 0
	for j < len(pat) {
		pr, pn := utf8.DecodeRuneInString(pat[j:])
		j += pn
		if ignorable(pr) {
			continue
		}
		// Skip the ignorable characters of s before this one.
		for i < len(s) {
			sr, n := utf8.DecodeRuneInString(s[i:])
			if !ignorable(sr) || i == 0 {
				break
			}
			i += n
		}
		if i >= len(s) {
			return 0, false
		}
		sr, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(pr) {
			if !unicode.IsSpace(sr) {
				return 0, false
			}
			j = skipSpaces(pat, j)
			i = skipSpaces(s, i)
			continue
		}
		if sr != pr && !equalFoldRune(sr, pr) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// skipSpaces returns the offset after the whitespace and ignorable
// characters of s from i.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && !ignorable(r) {
			break
		}
		i += n
	}
	return i
}

// ignorable reports the characters matching skips, as the glossary
// matcher does: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF ZERO
// WIDTH NO-BREAK SPACE.
func ignorable(r rune) bool { return r == 0x200B || r == 0x2060 || r == 0xFEFF }

// lastVisible returns the last character of s that is not ignorable.
func lastVisible(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !ignorable(r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return utf8.RuneError
}

// firstVisible returns the first character of s that is not ignorable.
func firstVisible(s string) rune {
	for _, r := range s {
		if !ignorable(r) {
			return r
		}
	}
	return utf8.RuneError
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

// joinTerm returns line cur and the line after it with a glossary term
// that starts on cur and goes on in next brought onto one of them, so
// that translating line by line renders it whole: the rest of the term
// moves up to cur, or, when that would leave next blank, its start moves
// down to next. next must go on with cur's paragraph: not blank, with no
// Markdown marker but indentation. A term over more than two lines, or
// one that fills both, stays broken.
func (r *render) joinTerm(cur, next string) (string, string) {
	npre := linePrefix.FindString(next)
	if len(r.terms) == 0 || strings.TrimSpace(next) == "" || strings.Trim(npre, " \t") != "" {
		return cur, next
	}
	pre := linePrefix.FindString(cur)
	body, rest := cur[len(pre):], next[len(npre):]
	joined := body + "\n" + rest
	for p := 0; p < len(body); {
		n, _ := r.termAt(joined, p)
		switch {
		case n == 0:
			_, w := utf8.DecodeRuneInString(body[p:])
			p += w
			continue
		case p+n <= len(body):
			p += n
			continue
		}
		k := p + n - len(body) - 1 // the bytes of rest in the term
		head, tail := strings.TrimRight(body[:p], " \t"), strings.TrimLeft(rest[k:], " \t")
		switch {
		case tail != "":
			return pre + body + " " + rest[:k], npre + tail
		case head != "":
			return pre + head, npre + body[p:] + " " + rest
		}
		return cur, next
	}
	return cur, next
}
