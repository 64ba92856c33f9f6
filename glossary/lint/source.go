package lint

import (
	"hash/maphash"
	"sync"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/numbers"
)

// source is what the rules comparing a translation with its source need
// of the source, each part made on first use. A source is usually
// checked against several translations (one article, eight languages):
// the Linter keeps the last few it prepared.
type source struct {
	page *page
	ld   *langData

	matchOnce sync.Once
	matches   []glossary.Match // the glossary occurrences

	numberOnce sync.Once
	numbers    []numbers.Number // the numbers written with digits

	prefixOnce sync.Once
	byPrefix   map[uint64][]int // the blocks that are not code, by weakPrefix
}

// sourceCache keeps the sources prepared last.
type sourceCache struct {
	seed  maphash.Seed
	mu    sync.Mutex
	items []cached // oldest first
}

// cached is one source in the cache, with what identifies it.
type cached struct {
	hash       uint64
	path, lang string
	text       string
	src        *source
}

// keptSources is how many sources the cache keeps.
const keptSources = 8

// source returns the prepared source d, from the cache when it holds a
// source with the same path, language and text.
func (l *Linter) source(d Doc) *source {
	ld := l.lang(d.Lang)
	c := &l.sources
	h := maphash.String(c.seed, d.Text)
	c.mu.Lock()
	for _, it := range c.items {
		if it.hash == h && it.path == d.Path && it.lang == ld.code && it.text == d.Text {
			c.mu.Unlock()
			return it.src
		}
	}
	c.mu.Unlock()
	s := &source{page: newPage(d, ld.code), ld: ld}
	c.mu.Lock()
	if len(c.items) == keptSources {
		c.items = append(c.items[:0], c.items[1:]...)
	}
	c.items = append(c.items, cached{hash: h, path: d.Path, lang: ld.code, text: d.Text, src: s})
	c.mu.Unlock()
	return s
}

// glossaryMatches returns the glossary occurrences of the source: those
// the matcher finds in the spans that the sieve of all the language's
// forms flags, which are all it finds in the whole text (see sieved).
func (s *source) glossaryMatches(l *Linter) []glossary.Match {
	s.matchOnce.Do(func() {
		ld := s.ld
		if ld.matcher == nil {
			return
		}
		if all := l.allSieve(ld); all != nil && !matcherQuick(s.page.doc.Text) {
			s.matches = sieved(l.skeletons, []*sieve{all}, ld.breakers, ld.matcher, s.page)
			return
		}
		s.matches = ld.matcher.FindAll(s.page.doc.Text)
	})
	return s.matches
}

// allSieve returns the sieve of every form of a language, made once.
func (l *Linter) allSieve(ld *langData) *sieve {
	ld.allOnce.Do(func() {
		if ld.sieve == nil || l.opts.Glossary == nil {
			return // the language cannot be sieved
		}
		var forms []string
		for _, e := range l.opts.Glossary.Entries {
			for _, f := range e.Terms[ld.code] {
				forms = append(forms, f.Text)
			}
		}
		ld.all = newSieve(l.skeletons, forms, gramCounts(l.skeletons, forms))
	})
	return ld.all
}

// digitNumbers returns the numbers of the source written with digits.
func (s *source) digitNumbers(l *Linter) []numbers.Number {
	s.numberOnce.Do(func() { s.numbers = l.extract(s.ld, s.page.doc.Text) })
	return s.numbers
}

// prefixBlocks returns the blocks of the source that are not code, by
// their weakPrefix, in order. A prefix costs little more than the start
// of a block; the whole weakHash is taken only of the blocks whose
// prefix a translation shares (see untranslated).
func (s *source) prefixBlocks() map[uint64][]int {
	s.prefixOnce.Do(func() {
		p := s.page
		s.byPrefix = make(map[uint64][]int, len(p.blocks))
		for i, b := range p.blocks {
			if b.kind != code {
				pre := weakPrefix(p.doc.Text[b.start:b.end])
				s.byPrefix[pre] = append(s.byPrefix[pre], i)
			}
		}
	})
	return s.byPrefix
}
