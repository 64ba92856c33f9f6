package glossary

import "sync"

// matcherCache holds what a loaded glossary computes once and shares:
// one Matcher per language and the position of every entry. Matchers are
// safe for concurrent use, so every Checker of a run can share them.
type matcherCache struct {
	mu       sync.Mutex
	matchers map[string]*Matcher
	order    map[*Entry]int
}

// matcher returns the language's matcher, building it on first use.
func (c *matcherCache) matcher(lang string, build func() *Matcher) *Matcher {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.matchers[lang]; ok {
		return m
	}
	if c.matchers == nil {
		c.matchers = map[string]*Matcher{}
	}
	m := build()
	c.matchers[lang] = m
	return m
}

// entryOrder returns the position of every entry, computed once.
func (c *matcherCache) entryOrder(g *Glossary) map[*Entry]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.order == nil {
		c.order = entryOrder(g)
	}
	return c.order
}
