package glossary

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// overlaps reports forms of one language whose end is the start of a form
// of another entry: in a text where the two overlap, leftmost-longest
// matching finds the first and misses the second.
func (v *validator) overlaps(l string) {
	type item struct {
		e    *Entry
		text string
		key  string
	}
	var items []item
	for _, e := range v.g.Entries {
		ks := v.k.of(e)[l]
		for i, f := range e.Terms[l] {
			items = append(items, item{e, f.Text, ks[i].folded})
		}
	}
	// Every proper prefix of a form that a match could end at, with up
	// to two entries that have it.
	prefixes := map[string][]item{}
	for _, it := range items {
		for j := range it.key {
			if j == 0 || !wordEdge(it.key[:j], it.key[j:]) {
				continue
			}
			p := prefixes[it.key[:j]]
			if len(p) < 2 && !slices.ContainsFunc(p, func(o item) bool { return o.e == it.e }) {
				prefixes[it.key[:j]] = append(p, it)
			}
		}
	}
	for _, it := range items {
	suffixes:
		for i := range it.key {
			// An overlap of one character is no sign of ambiguity in
			// scripts without spaces, where any two forms may share one.
			if i == 0 || baseChars(it.key[i:]) < 2 || !wordEdge(it.key[:i], it.key[i:]) {
				continue
			}
			for _, o := range prefixes[it.key[i:]] {
				if o.e != it.e {
					v.add(termPos(it.e, l), SeverityWarning, "overlap",
						"%s form %q ends where form %q of the entry at %s starts; where they overlap in a text, only the first is found",
						l, clip(it.text), clip(o.text), where(it.e.Pos, o.e.Pos))
					break suffixes
				}
			}
		}
	}
}

// baseChars counts the characters of s that are not combining marks.
func baseChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.M, r) {
			n++
		}
	}
	return n
}

// wordEdge reports whether a match may begin or end between a and b: not
// between two word characters of a script written with spaces.
func wordEdge(a, b string) bool {
	r, _ := utf8.DecodeRuneInString(b)
	return !spacedWordRune(lastBaseRune(a)) || !spacedWordRune(r)
}
