package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Profile counts the letters of text per script. Digits, punctuation,
// symbols, emoji and spaces are not letters; URLs, e-mail addresses,
// HTML tags and entities, Markdown code spans, fenced code blocks, link
// destinations and the keys of a front-matter block are skipped, so that
// only prose is counted.
func Profile(text string) Counts {
	var c Counts
	for _, b := range blocks(text) {
		c.add(profileProse(text[b.start:b.end], b.frontMatter))
	}
	return c
}

// profileProse counts the letters of one run of Markdown prose, skipping
// inline markup. In front matter, the key of each "key: value" line is
// skipped too.
func profileProse(s string, frontMatter bool) Counts {
	var c Counts
	m := newMarkup(s)
	inWord, prevLatin, name := false, false, false
	lineStart := true
	for i := 0; i < len(s); {
		if lineStart && frontMatter {
			i = skipKey(s, i)
			lineStart = false
			continue
		}
		b := s[i]
		if b < utf8.RuneSelf && m.mayStart(s, i) { // markup starts with ASCII
			if end, ok := m.skip(s, i); ok {
				i = end
				inWord, prevLatin = false, false
				continue
			}
		}
		if b < utf8.RuneSelf {
			if isASCIILetter(b) {
				// A run of ASCII letters at once: no markup starts
				// inside a word.
				if !inWord {
					name = countWord(&c, s, i)
				}
				j := i + 1
				for j < len(s) && isASCIILetter(s[j]) {
					j++
				}
				c.Letters[Latin] += j - i
				if name {
					c.LatinNames += j - i
				}
				inWord, prevLatin, lineStart = true, true, false
				i = j
				continue
			}
			i++
			lineStart = b == '\n'
			if b == '\'' || b == '-' {
				continue // inside words such as Ma'ruf or Chan-o-cha
			}
			inWord, prevLatin = false, false
			continue
		}
		if b >= 0xE4 && b <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// three bytes from U+4000 to U+9FFF, decoded inline: from
			// U+4E00 on, the CJK Unified Ideographs, most of Chinese
			if r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= hanBase {
				i += 3
				lineStart, inWord, prevLatin = false, false, false
				c.Letters[Han]++
				c.countForm(r)
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		lineStart = false
		sc, ok := classify(r)
		if !ok {
			if prevLatin && isVietCombining(r) {
				c.Vietnamese++
				continue
			}
			if unicode.IsMark(r) {
				continue // a combining accent keeps the word going
			}
			inWord, prevLatin = false, false
			continue
		}
		c.Letters[sc]++
		switch sc {
		case Latin:
			if !inWord {
				name = countWord(&c, s, i-n)
			}
			if name {
				c.LatinNames++
			}
			if isVietLetter(r) {
				c.Vietnamese++
			}
			inWord, prevLatin = true, true
		case Han:
			c.countForm(r)
			inWord, prevLatin = false, false
		default:
			inWord, prevLatin = false, false
		}
	}
	return c
}

// countForm counts the Han character r as simplified or traditional
// when it is written in one standard only.
func (c *Counts) countForm(r rune) {
	switch hanForm(r) {
	case formSimplified:
		c.Simplified++
	case formTraditional:
		c.Traditional++
	}
}

// countWord counts the Latin word starting at byte i of s and reports
// whether it is a name: capitalized, an acronym, a name particle, or a
// brand written with a capital inside ("iPhone", "eBay").
func countWord(c *Counts, s string, i int) bool {
	c.LatinWords++
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLower(r) {
		return true
	}
	end := i
	for end < len(s) {
		if b := s[end]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				return true
			}
			if b < 'a' || b > 'z' {
				break
			}
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[end:])
		if sc, ok := classify(r); !ok || sc != Latin {
			break
		}
		if unicode.IsUpper(r) {
			return true
		}
		end += n
	}
	if end-i <= 5 && isParticle(s[i:end]) {
		return true
	}
	c.LatinLower++
	return false
}

// isParticle reports whether w is a lower-case word found inside
// personal names of the region and of Europe: "Anwar bin Ibrahim",
// "Xanana Gusmão da Silva".
func isParticle(w string) bool {
	switch w {
	case "bin", "binti", "bte", "bt", "van", "von", "der", "de", "da", "das",
		"do", "dos", "del", "della", "di", "du", "la", "le", "al", "el", "ibn", "y":
		return true
	}
	return false
}

// skipKey skips a front-matter key such as "title:" at byte i of s.
func skipKey(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '-') {
		j++
	}
	k := j
	for k < len(s) && (isASCIIAlnum(s[k]) || s[k] == '_' || s[k] == '-' || s[k] == '.') {
		k++
	}
	if k > j && k < len(s) && s[k] == ':' {
		return k + 1
	}
	return i
}

// isVietLetter reports whether r is a precomposed Latin letter of the
// Vietnamese alphabet that carries a diacritic.
func isVietLetter(r rune) bool {
	if 0x1EA0 <= r && r <= 0x1EF9 {
		return true
	}
	return r >= 0xC0 && r < 0x1B1 && strings.ContainsRune(vietLatin, r)
}

// vietLatin lists the Vietnamese letters with diacritics outside the Latin
// Extended Additional block.
const vietLatin = "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ"

// isVietCombining reports whether r is a combining mark used in decomposed
// Vietnamese: the five tone marks, circumflex, breve and horn.
func isVietCombining(r rune) bool {
	switch r {
	case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B:
		return true
	}
	return false
}
