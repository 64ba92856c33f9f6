package tokens

import (
	"strings"
	"sync"
)

// memoBytes bounds the text a memo keeps: when the texts it holds would
// pass this size, it starts afresh.
const memoBytes = 4 << 20

// memoMinLen is the shortest text a memo keeps: shorter ones cost less
// to count again than to look up and keep.
const memoMinLen = 64

// memo remembers the counts of recent texts of one encoding, so that the
// same paragraph split again for another target language is not counted
// twice. Keys are copies of the texts, so a memo never holds a whole
// document alive through a substring of it. It is safe for concurrent
// use; the zero value is ready.
type memo struct {
	mu     sync.Mutex
	counts map[string]int
	size   int
}

// get returns the count of text, if the memo has it.
func (m *memo) get(text string) (int, bool) {
	if len(text) < memoMinLen {
		return 0, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n, ok := m.counts[text]
	return n, ok
}

// put records the count of text.
func (m *memo) put(text string, n int) {
	if len(text) < memoMinLen || len(text) > memoBytes/4 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.counts[text]; ok {
		return
	}
	if m.counts == nil || m.size+len(text) > memoBytes {
		m.counts, m.size = map[string]int{}, 0
	}
	m.counts[strings.Clone(text)] = n
	m.size += len(text)
}
