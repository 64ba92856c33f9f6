package translate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceCuts returns the offsets in text[a:b] where a new sentence
// starts, skipping places inside code spans, links, URLs and other
// protected inline text.
//
// A sentence ends at ".", "!", "?" or "…" (with any closing quotes or
// brackets after it) followed by white space and a character that is not
// a lower-case letter, unless the word before the full stop is an initial
// or a common abbreviation; or at a full stop of Chinese, Burmese or
// Khmer, which need no space after them. A sentence holds at least two
// words, so that list numbers and initials are never cut off alone.
func sentenceCuts(text string, a, b int) []int {
	zones := zoneCursor{zones: noCutZones(text[a:b])}
	var out []int
	last := a // start of the current sentence
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:b])
		i += n
		spaced := r == '.' || r == '!' || r == '?' || r == '…'
		if !spaced && !unspacedStop(r) {
			continue
		}
		end := i - n
		for i < b {
			c, m := utf8.DecodeRuneInString(text[i:b])
			if !isStop(c) && !isCloser(c) {
				break
			}
			i += m
		}
		j := i
		for j < b {
			c, m := utf8.DecodeRuneInString(text[j:b])
			if !unicode.IsSpace(c) {
				break
			}
			j += m
		}
		if j >= b || zones.in(end-a) {
			continue
		}
		if spaced {
			next, _ := utf8.DecodeRuneInString(text[j:b])
			if j == i || unicode.IsLower(next) || (r == '.' && abbreviation(text[last:end])) {
				continue
			}
		}
		if !strings.ContainsAny(strings.TrimSpace(text[last:end]), " \t\n") && spaced {
			continue
		}
		out = append(out, j)
		last = j
		i = j
	}
	return out
}

// unspacedStop reports full stops of scripts that write no space after them.
func unspacedStop(r rune) bool {
	switch r {
	case '。', '！', '？', '။', '។', '៕':
		return true
	}
	return false
}

func isStop(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || unspacedStop(r)
}

// isCloser reports characters that may follow a full stop within the
// sentence: closing quotes and brackets, and Markdown emphasis.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '*', '_', '」', '』', '）':
		return true
	}
	return false
}

// abbreviation reports whether the sentence so far ends with a word that
// a full stop after it does not end: an initial ("J."), a dotted
// abbreviation ("U.S.") or a common title or short form ("Mr.", "Sept.").
func abbreviation(sentence string) bool {
	word := sentence
	if k := strings.LastIndexFunc(sentence, unicode.IsSpace); k >= 0 {
		_, n := utf8.DecodeRuneInString(sentence[k:])
		word = sentence[k+n:]
	}
	word = strings.TrimLeftFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if strings.ContainsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) {
		return false
	}
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") {
		return true
	}
	switch strings.ToLower(word) {
	case "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vol", "fig", "vs", "etc",
		"inc", "ltd", "co", "corp", "gov", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "rev", "hon",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est":
		return true
	}
	return false
}

// noCutZones returns the byte ranges of s that a sentence cut must not
// fall into, protected inline text and whole links ("[text](target)"),
// merged and in order.
func noCutZones(s string) []ispan {
	zones := inlineSpans(s)
	if strings.Contains(s, "](") {
		for _, m := range reLinkWhole.FindAllStringIndex(s, -1) {
			zones = append(zones, ispan{m[0], m[1]})
		}
		sort.Slice(zones, func(i, j int) bool { return zones[i].a < zones[j].a })
	}
	var out []ispan
	for _, z := range zones {
		if n := len(out); n > 0 && z.a <= out[n-1].b {
			out[n-1].b = max(out[n-1].b, z.b)
			continue
		}
		out = append(out, z)
	}
	return out
}

// zoneCursor answers whether increasing offsets fall into sorted,
// disjoint zones, in time linear in the number of zones overall.
type zoneCursor struct {
	zones []ispan
	k     int
}

func (c *zoneCursor) in(off int) bool {
	for c.k < len(c.zones) && c.zones[c.k].b <= off {
		c.k++
	}
	return c.k < len(c.zones) && c.zones[c.k].a <= off
}
