package mock

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pieceKind tells what a piece of translated text came from.
type pieceKind uint8

const (
	pOther  pieceKind = iota // spaces and punctuation, copied
	pWord                    // a pseudo-word
	pTerm                    // a glossary term as the mode renders it
	pNumber                  // a number in the target's writing
	pKeep                    // code, a URL, a placeholder: copied verbatim
)

// piece is one unit of translated text.
type piece struct {
	kind pieceKind
	text string
}

// builtinKeep matches inline Markdown and text that a translation leaves
// as it is: link destinations and reference labels, footnote markers,
// autolinks, HTML tags, comments and entities, bare URLs and e-mail
// addresses. Code spans are found separately.
const builtinKeep = `\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)` +
	`|\]\[[^\]]*\]` +
	`|\[\^[^\]\s]+\]` +
	`|<[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*>` +
	`|<[^\s<>@]+@[^\s<>]+>` +
	`|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>` +
	`|<!--.*?-->` +
	`|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});` +
	`|(?:https?|ftp)://[^\s<>]*[^\s<>.,;:!?'")\]]` +
	`|www\.[^\s<>]*[^\s<>.,;:!?'")\]]` +
	`|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`

// builtinTriggers holds characters of which every builtinKeep match
// but "www." addresses contains one, so that text without any of them
// skips the expression.
const builtinTriggers = "]<&@:"

// DefaultPlaceholders matches the placeholders the pseudo-translation
// keeps verbatim when Options.Placeholders is nil: ⟦...⟧ and {{...}}.
const DefaultPlaceholders = `⟦[^⟦⟧\n]*⟧|\{\{[^{}\n]*\}\}`

// codeSpans returns the byte spans of the code spans of s: a run of n
// backticks up to the next run of exactly n.
func codeSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runLen(s[i:], '`')
		j := i + n
		end := -1
		for j < len(s) {
			k := strings.IndexByte(s[j:], '`')
			if k < 0 {
				break
			}
			m := runLen(s[j+k:], '`')
			if m == n {
				end = j + k + m
				break
			}
			j += k + m
		}
		if end < 0 {
			i += n
			continue
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

func runLen(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// inline translates one line of text without its Markdown line prefix.
func (r *render) inline(s string) []piece {
	var out []piece
	at := 0
	gap := func(end int) {
		base := at
		var keeps [][]int
		if t := s[base:end]; r.t.triggers == "" || strings.ContainsAny(t, r.t.triggers) || strings.Contains(t, "www.") {
			keeps = r.t.keep.FindAllStringIndex(s[base:end], -1)
		}
		for _, m := range keeps {
			out = r.gap(s[at:base+m[0]], out, true)
			out = append(out, piece{pKeep, s[base+m[0] : base+m[1]]})
			at = base + m[1]
		}
		out = r.gap(s[at:end], out, true)
		at = end
	}
	for _, c := range codeSpans(s) {
		gap(c[0])
		out = append(out, piece{pKeep, s[c[0]:c[1]]})
		at = c[1]
	}
	gap(len(s))
	return out
}

// gap translates text free of code and links: glossary terms (when
// terms is set), numbers, words, and everything else copied.
func (r *render) gap(s string, out []piece, terms bool) []piece {
	other := -1
	flush := func(i int) {
		if other >= 0 {
			out = appendOther(out, s[other:i])
			other = -1
		}
	}
	for i := 0; i < len(s); {
		if terms {
			if n, t := r.termAt(s, i); n > 0 {
				flush(i)
				out = append(out, piece{pTerm, r.termText(t, s[i:i+n])})
				i += n
				continue
			}
		}
		c, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(c):
			flush(i)
			j := i + w
			for j < len(s) {
				c2, w2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(c2) && !unicode.Is(unicode.M, c2) {
					break
				}
				if terms && (!r.srcSpaced || unspacedRune(c2)) {
					if n, _ := r.termAt(s, j); n > 0 {
						break
					}
				}
				j += w2
			}
			out = append(out, piece{pWord, r.word(s[i:j])})
			i = j
		case isDigit(c):
			flush(i)
			n, k := parseNumber(s[i:], r.srcNum)
			if terms {
				if cut := r.termInside(s, i, k); cut < k {
					n, k = parseNumber(s[i:i+cut], r.srcNum)
				}
			}
			out = append(out, piece{pNumber, r.toNum.render(n)})
			i += k
		default:
			if other < 0 {
				other = i
			}
			i += w
		}
	}
	flush(len(s))
	return out
}

func isDigit(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

// appendOther adds copied text, splitting runs of spaces from runs of
// punctuation so that joining can drop the spaces between words of
// scripts written without them.
func appendOther(out []piece, s string) []piece {
	for s != "" {
		sp := s[0] == ' '
		n := strings.IndexFunc(s, func(r rune) bool { return (r == ' ') != sp })
		if n < 0 {
			n = len(s)
		}
		out = append(out, piece{pOther, s[:n]})
		s = s[n:]
	}
	return out
}

// join concatenates pieces. In a target written without spaces, a single
// space between two words is dropped unless the two would then spell a
// forbidden form. A separator between two numbers that the target reads
// as part of a number gets a space after it, so that "18,2021" does not
// read as one decimal number.
func (r *render) join(ps []piece) string {
	var b strings.Builder
	for i, p := range ps {
		if p.kind == pOther && i > 0 && i+1 < len(ps) {
			prev, next := ps[i-1], ps[i+1]
			if p.text == " " && !r.toSpaced && joinable(prev) && joinable(next) {
				a, _ := utf8.DecodeLastRuneInString(prev.text)
				z, _ := utf8.DecodeRuneInString(next.text)
				if unspacedRune(a) && unspacedRune(z) && !r.avoid.spells(prev.text+next.text) {
					continue
				}
			}
			if prev.kind == pNumber && next.kind == pNumber && r.confusable(p.text) {
				b.WriteString(p.text + " ")
				continue
			}
		}
		b.WriteString(p.text)
	}
	return b.String()
}

func joinable(p piece) bool { return p.kind == pWord || p.kind == pTerm }

// confusable reports whether s, between two numbers, would join them
// into one in the target language.
func (r *render) confusable(s string) bool {
	return s == "," || s == "." || s == r.toNum.group || s == r.toNum.decimal
}
