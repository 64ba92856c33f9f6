package tokens

import (
	"unicode"
	"unicode/utf8"
)

// The pre-tokenizers of o200k_base and cl100k_base, written out by hand:
// pieces cuts text exactly where the published patterns (o200kPattern,
// cl100kPattern), run by a backtracking engine, cut it, about thirty
// times faster. The tests hold it to the patterns run by regexp2, the
// engine tiktoken-go uses, on real text in every script and on fuzzed
// input.

// Character classes, as bits.
const (
	cUpper  = 1 << iota // Lu, Lt, Lm, Lo, M: the upper-case side of o200k's words
	cLower              // Ll, Lm, Lo, M: the lower-case side
	cLetter             // L
	cNumber             // N
	cSpace              // unicode.IsSpace, as regexp2's \s
	cCRLF               // \r or \n
)

// asciiClass holds the classes of the ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = classOf(r)
	}
	return t
}()

// class returns the classes of r.
func class(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	return classOf(r)
}

// classOf works out the classes of r from the Unicode tables.
func classOf(r rune) uint8 {
	var c uint8
	switch {
	case unicode.Is(unicode.Lu, r), unicode.Is(unicode.Lt, r):
		c = cUpper | cLetter
	case unicode.Is(unicode.Ll, r):
		c = cLower | cLetter
	case unicode.Is(unicode.Lm, r), unicode.Is(unicode.Lo, r):
		c = cUpper | cLower | cLetter
	case unicode.Is(unicode.M, r):
		c = cUpper | cLower
	case unicode.Is(unicode.N, r):
		c = cNumber
	}
	if unicode.IsSpace(r) {
		c |= cSpace
	}
	if r == '\r' || r == '\n' {
		c |= cCRLF
	}
	return c
}

// scanner walks a valid UTF-8 text.
type scanner struct{ s string }

// at returns the character at byte i and its size; size 0 at the end.
func (t scanner) at(i int) (rune, int) {
	if i >= len(t.s) {
		return 0, 0
	}
	if c := t.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.s[i:])
}

// run returns the end of the run of characters from i that are of any
// of the classes want.
func (t scanner) run(i int, want uint8) int {
	for {
		r, n := t.at(i)
		if n == 0 || class(r)&want == 0 {
			return i
		}
		i += n
	}
}

// pattern is one of the two pre-tokenizers.
type pattern int

const (
	patO200k pattern = iota
	patCL100k
)

// pieces calls yield with each piece of text, in order. text must be
// valid UTF-8 (see Count).
func (p pattern) pieces(text string, yield func(string)) {
	t := scanner{text}
	for i := 0; i < len(text); {
		end := p.next(t, i)
		if end <= i {
			// never stall, whatever next says
			_, n := t.at(i)
			end = i + n
		}
		yield(text[i:end])
		i = end
	}
}

// next returns the end of the piece that starts at i.
func (p pattern) next(t scanner, i int) int {
	c, n := t.at(i)
	k := class(c)
	// P: neither a letter nor a number nor a line break
	isP := k&(cLetter|cNumber|cCRLF) == 0
	if p == patO200k {
		if isP {
			if e, ok := t.upperLower(i + n); ok {
				return e
			}
		}
		if e, ok := t.upperLower(i); ok {
			return e
		}
		if isP {
			if e, ok := t.upperThenLower(i + n); ok {
				return e
			}
		}
		if e, ok := t.upperThenLower(i); ok {
			return e
		}
	} else {
		if e, ok := t.contraction(i); ok {
			return e
		}
		if isP {
			if r, m := t.at(i + n); m > 0 && class(r)&cLetter != 0 {
				return t.run(i+n, cLetter)
			}
		}
		if k&cLetter != 0 {
			return t.run(i, cLetter)
		}
	}
	if k&cNumber != 0 {
		e := i + n
		for range 2 {
			r, m := t.at(e)
			if m == 0 || class(r)&cNumber == 0 {
				break
			}
			e += m
		}
		return e
	}
	// ' '?[^\s\p{L}\p{N}]+ then line breaks (and slashes, in o200k)
	j := i
	if c == ' ' {
		j = i + 1
	}
	if r, m := t.at(j); m > 0 && class(r)&(cSpace|cLetter|cNumber) == 0 {
		e := j
		for {
			r, m := t.at(e)
			if m == 0 || class(r)&(cSpace|cLetter|cNumber) != 0 {
				break
			}
			e += m
		}
		for e < len(t.s) && (t.s[e] == '\r' || t.s[e] == '\n' || t.s[e] == '/' && p == patO200k) {
			e++
		}
		return e
	}
	if k&cSpace != 0 {
		e := t.run(i, cSpace)
		// \s*[\r\n]+: up to the last line break of the run
		for q := e - 1; q >= i; q-- {
			if t.s[q] == '\r' || t.s[q] == '\n' {
				return q + 1
			}
		}
		// \s+(?!\S): all of the run at the end of the text, else all
		// but its last character when that leaves one
		if e == len(t.s) {
			return e
		}
		_, last := utf8.DecodeLastRuneInString(t.s[:e])
		if e-last > i {
			return e - last
		}
		return e // \s+
	}
	// nothing matches here: the engine moves on by a character, which no
	// piece holds; it cannot happen with these patterns, as every
	// character is a letter, a number, white space or none of these
	return i + n
}

// upperLower matches [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+
// and an optional contraction from i, backtracking as the engine does.
func (t scanner) upperLower(i int) (int, bool) {
	j := t.run(i, cUpper)
	for p := j; ; {
		if r, m := t.at(p); m > 0 && class(r)&cLower != 0 {
			return t.contractionAfter(t.run(p, cLower)), true
		}
		if p == i {
			return 0, false
		}
		_, m := utf8.DecodeLastRuneInString(t.s[i:p])
		p -= m
	}
}

// upperThenLower matches [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*
// and an optional contraction from i.
func (t scanner) upperThenLower(i int) (int, bool) {
	j := t.run(i, cUpper)
	if j == i {
		return 0, false
	}
	return t.contractionAfter(t.run(j, cLower)), true
}

// contractionAfter returns the end of an optional contraction at i.
func (t scanner) contractionAfter(i int) int {
	if e, ok := t.contraction(i); ok {
		return e
	}
	return i
}

// contraction matches (?i:'s|'t|'re|'ve|'m|'ll|'d) at i, folding case
// as regexp2 does (unicode.ToLower of the text).
func (t scanner) contraction(i int) (int, bool) {
	if i >= len(t.s) || t.s[i] != '\'' {
		return 0, false
	}
	r1, n1 := t.at(i + 1)
	if n1 == 0 {
		return 0, false
	}
	r2, n2 := t.at(i + 1 + n1)
	lower := func(r rune, n int) rune {
		if n == 0 {
			return 0
		}
		return unicode.ToLower(r)
	}
	a, b := lower(r1, n1), lower(r2, n2)
	switch {
	case a == 's', a == 't', a == 'm', a == 'd':
		return i + 1 + n1, true
	case a == 'r' && b == 'e', a == 'v' && b == 'e', a == 'l' && b == 'l':
		return i + 1 + n1 + n2, true
	}
	return 0, false
}
