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

	weakOnce sync.Once
	weak     map[uint64][]int // the blocks by weakHash
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

// glossaryMatches returns the glossary occurrences of the source.
func (s *source) glossaryMatches() []glossary.Match {
	s.matchOnce.Do(func() {
		if s.ld.matcher != nil {
			s.matches = s.ld.matcher.FindAll(s.page.doc.Text)
		}
	})
	return s.matches
}

// digitNumbers returns the numbers of the source written with digits.
func (s *source) digitNumbers(l *Linter) []numbers.Number {
	s.numberOnce.Do(func() { s.numbers = l.extract(s.ld, s.page.doc.Text) })
	return s.numbers
}

// weakBlocks returns the blocks of the source that are not code, by
// their weakHash.
func (s *source) weakBlocks() map[uint64][]int {
	s.weakOnce.Do(func() {
		p := s.page
		s.weak = make(map[uint64][]int, len(p.blocks))
		for i, b := range p.blocks {
			if b.kind != code {
				h := weakHash(p.doc.Text[b.start:b.end])
				s.weak[h] = append(s.weak[h], i)
			}
		}
	})
	return s.weak
}
