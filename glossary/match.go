package glossary

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Match is one occurrence of a glossary form in a text.
type Match struct {
	// Entry is the concept matched.
	Entry *Entry
	// Lang is the language of the form.
	Lang string
	// Form is the glossary form that matched, as written in the glossary.
	Form Form
	// Start and End are byte offsets of the occurrence in the original text.
	Start, End int
	// Line and Col locate Start: 1-based, Col counts characters.
	Line, Col int
	// CaseMismatch is set for a case-sensitive entry whose form occurs only
	// with other case, such as "Asean" for "ASEAN". Such a match is not a
	// hit of the entry; it is reported so that a lint can name it.
	CaseMismatch bool
}

// Text returns the matched part of text.
func (m Match) Text(text string) string { return text[m.Start:m.End] }

// pattern is one form prepared for matching.
type pattern struct {
	entry  *Entry
	form   Form
	folded string // its key: NFC, case-folded, spaces normalized
	// exact is its key without the case folding, for a case-sensitive
	// entry.
	exact   string
	caseSen bool
}

// Matcher finds the forms of one language in texts. It is safe for
// concurrent use.
type Matcher struct {
	lang string
	pats []pattern
	// trie holds the distinct folded forms; a node that ends one names
	// its group, the indices in pats of the patterns sharing that folded
	// form, in glossary order.
	trie *trie
	// group g holds the patterns groupPats[groupAt[g]:groupAt[g+1]].
	groupAt   []int32
	groupPats []int32
	// pre rules out most positions before the trie is walked.
	pre prefilter
	// lead classifies bytes for scan (see leadTable).
	lead [256]uint8
	// bufs holds folding buffers for reuse across calls.
	bufs sync.Pool
}

// maxKeptBuffer bounds the folding buffers a matcher keeps for reuse.
const maxKeptBuffer = 64 << 20

// NewMatcher prepares the forms of every entry in one language. For a
// glossary that Load, LoadFile, Parse or Merge returned, the matcher is
// built once per language and shared by later calls, so such a glossary
// must not be changed after its first use.
func NewMatcher(g *Glossary, lang string) *Matcher {
	if g.cache != nil {
		return g.cache.matcher(lang, func() *Matcher { return buildMatcher(g, lang) })
	}
	return buildMatcher(g, lang)
}

// buildMatcher prepares the forms of every entry in one language.
func buildMatcher(g *Glossary, lang string) *Matcher {
	m := &Matcher{lang: lang}
	var keys keyMaker
	m.pats = make([]pattern, 0, len(g.Entries))
	for _, e := range g.Entries {
		for _, f := range e.Terms[lang] {
			folded := keys.folded(f.Text)
			if folded == "" {
				continue
			}
			p := pattern{entry: e, form: f, folded: folded, caseSen: e.CaseSensitive}
			if p.caseSen {
				p.exact = keys.exactKey(f.Text)
			}
			m.pats = append(m.pats, p)
		}
	}
	m.build()
	return m
}

// build groups the patterns by folded form and puts the forms in a trie.
func (m *Matcher) build() {
	byKey := make(map[string]int32, len(m.pats))
	var keys []string
	gid := make([]int32, len(m.pats))
	for i := range m.pats {
		k := m.pats[i].folded
		if k == "" {
			gid[i] = -1
			continue
		}
		g, ok := byKey[k]
		if !ok {
			g = int32(len(keys))
			byKey[k] = g
			keys = append(keys, k)
		}
		gid[i] = g
	}
	// Lay the groups out flat, patterns in glossary order within each.
	m.groupAt = make([]int32, len(keys)+1)
	for _, g := range gid {
		if g >= 0 {
			m.groupAt[g+1]++
		}
	}
	for g := range keys {
		m.groupAt[g+1] += m.groupAt[g]
	}
	m.groupPats = make([]int32, m.groupAt[len(keys)])
	fill := append([]int32(nil), m.groupAt[:len(keys)]...)
	for i, g := range gid {
		if g >= 0 {
			m.groupPats[fill[g]] = int32(i)
			fill[g]++
		}
	}
	m.trie = newTrie(keys)
	m.pre = newPrefilter(keys)
	m.lead = leadTable(&m.trie.root)
}

// Lang returns the language the matcher was built for.
func (m *Matcher) Lang() string { return m.lang }

// Len returns the number of forms the matcher looks for.
func (m *Matcher) Len() int { return len(m.pats) }

// FindAll returns the occurrences of the language's forms in text,
// leftmost-longest and without overlaps, in text order.
//
// Both sides are compared in Unicode NFC; entries that are not case
// sensitive are compared case-folded. A run of whitespace, line breaks
// included, matches a run of whitespace, and U+200B, U+2060 and U+FEFF
// are ignored, in the text and in the forms (see the package
// documentation), so that a term hard-wrapped across lines is found; a
// match then spans the lines, Line and Col locating its start, but not a
// paragraph break (a blank line). In
// scripts written with spaces a form must start and end at word
// boundaries; in Thai, Lao, Khmer, Burmese and Han it may start and end
// anywhere.
//
// The text is split into normalization segments (a starter and the marks
// that combine with it), each normalized and folded on its own, so that
// matches begin and end where the original text has a segment boundary
// and positions refer to the original text; ignorable segments are
// dropped and runs of whitespace become one space. A trie of the forms,
// read the same way, is walked from every segment where a match may
// begin, up to the next paragraph break; the longest form ending at a
// segment boundary and a word boundary wins. Among forms that fold alike, the first whose case fits
// wins; if none fits, the first is reported with CaseMismatch. Filters
// of the forms' first bytes and first words rule out most positions
// before the trie is walked. The work is linear in the text, times the length of the
// longest prefix of a form found at a position, which MaxFormBytes
// bounds.
func (m *Matcher) FindAll(text string) []Match {
	if len(m.groupPats) == 0 || text == "" {
		return nil
	}
	buf, _ := m.bufs.Get().(*foldedText)
	f := newFoldedText(text, buf)
	out := m.scan(f)
	f.text = ""
	if cap(f.t) <= maxKeptBuffer {
		m.bufs.Put(f)
	}
	return out
}

// lastBaseRune returns the last character of s that is not a combining mark.
func lastBaseRune(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.M, r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return utf8.RuneError
}

// spacedWordRune reports whether r is a letter, digit or mark of a script
// whose words are separated by spaces.
func spacedWordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) {
		return false
	}
	return !unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
		unicode.Han, unicode.Hiragana, unicode.Katakana)
}
