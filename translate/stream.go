package translate

import (
	"strings"
	"sync"
)

// answerText tidies a model's answer: it drops the white space around it
// and turns CRLF line ends inside into LF. Fed piece by piece as a stream
// arrives it produces exactly what it produces from the whole answer at
// once, so that text shown while streaming is never contradicted: white
// space is held back until something other than white space follows it.
type answerText struct {
	b       strings.Builder
	started bool
	pending []byte // white space held back
}

// write adds a piece of the answer and returns the text it settled.
func (a *answerText) write(s string) string {
	before := a.b.Len()
	for i := 0; i < len(s); {
		if isSpaceByte(s[i]) {
			if a.started {
				a.pending = append(a.pending, s[i])
			}
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		if a.started && len(a.pending) > 0 {
			a.b.WriteString(strings.ReplaceAll(string(a.pending), "\r\n", "\n"))
		}
		a.pending = a.pending[:0]
		a.started = true
		a.b.WriteString(s[i:j])
		i = j
	}
	return a.b.String()[before:]
}

func (a *answerText) String() string { return a.b.String() }

// tidyAnswer is answerText applied to a whole answer.
func tidyAnswer(s string) string {
	var a answerText
	a.write(s)
	return a.String()
}

// toCRLF writes LF line ends as CRLF.
func toCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// emitter passes the output of a document's chunks to Options.Stream in
// document order, whatever order the chunks finish in.
//
// The rule: text is passed on only once it can never change. A chunk's
// final text is passed on when the chunk and all before it are final.
// Pieces of an answer as it streams are passed on only for a chunk whose
// answer no check can reject (it has no placeholders, no glossary entry
// occurs in it, and the glossary forbids nothing and holds no
// case-sensitive form in the target language), on its first attempt, and
// only once every chunk before it has been passed on in full; until then
// they wait. Should such an answer be cut off at the token limit after
// some of it was passed on, the chunk fails instead of being split.
type emitter struct {
	mu     sync.Mutex
	fn     func(string)
	next   int
	chunks []emitChunk
}

type emitChunk struct {
	lead     string
	produced string // the known start of the chunk's output, lead included
	shown    int    // bytes of produced already passed on
	done     bool
}

func newEmitter(fn func(string), chunks []Chunk) *emitter {
	e := &emitter{fn: fn, chunks: make([]emitChunk, len(chunks))}
	for i, c := range chunks {
		e.chunks[i].lead = c.Lead
	}
	return e
}

// delta adds streamed text to chunk i.
func (e *emitter) delta(i int, s string) {
	if e == nil || s == "" {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	c := &e.chunks[i]
	if c.produced == "" {
		c.produced = c.lead
	}
	c.produced += s
	e.flush()
}

// abandon forgets the streamed text of chunk i, reporting false when some
// of it beyond the chunk's leading white space was already passed on.
func (e *emitter) abandon(i int) bool {
	if e == nil {
		return true
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	c := &e.chunks[i]
	if c.shown > len(c.lead) {
		return false
	}
	c.produced = c.produced[:c.shown]
	return true
}

// done records the final output of chunk i and passes on whatever has
// become final. It reports false if the final text does not continue
// what was already passed on.
func (e *emitter) done(i int, out string) bool {
	if e == nil {
		return true
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	c := &e.chunks[i]
	if !strings.HasPrefix(out, c.produced[:c.shown]) {
		return false
	}
	c.produced, c.done = out, true
	e.flush()
	return true
}

// flush passes on the text of the chunks at the head of the document.
func (e *emitter) flush() {
	for e.next < len(e.chunks) {
		c := &e.chunks[e.next]
		if c.shown < len(c.produced) {
			e.fn(c.produced[c.shown:])
			c.shown = len(c.produced)
		}
		if !c.done {
			return
		}
		e.next++
	}
}
