package translate

import "strings"

// Chunk is one part of a document, sent to the model on its own.
//
// The parts of a document partition it: Join puts Lead, Text and Trail of
// every chunk back together byte for byte. Text starts and ends with a
// character that is not white space; Lead and Trail hold the white space
// around it (blank lines, line terminators, indentation), which a
// translation keeps as the source has it.
type Chunk struct {
	// Lead is the white space before Text.
	Lead string `json:"lead,omitempty"`
	// Text is the content to translate.
	Text string `json:"text"`
	// Trail is the white space after Text.
	Trail string `json:"trail,omitempty"`
	// Offset is the byte offset of Text in the document.
	Offset int `json:"offset"`
	// Line is the 1-based line of the document on which Text starts.
	Line int `json:"line"`
	// Verbatim marks a fenced code block (or a document of white space
	// only): it is kept as it is and never sent to the model.
	Verbatim bool `json:"verbatim,omitempty"`
}

// Join concatenates chunks back into a document.
func Join(chunks []Chunk) string {
	n := 0
	for _, c := range chunks {
		n += len(c.Lead) + len(c.Text) + len(c.Trail)
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range chunks {
		b.WriteString(c.Lead)
		b.WriteString(c.Text)
		b.WriteString(c.Trail)
	}
	return b.String()
}

// Split cuts a Markdown document into chunks of at most budget tokens as
// count measures them, so that Join(Split(text, ...)) == text.
//
// It cuts where the document would suffer least, in this order of
// preference: between paragraphs, headings, lists and tables (blank
// lines), keeping a heading with what follows it and a list with its
// items; then between the paragraphs of one long list; then between list
// items or table rows (the header row and its delimiter stay together);
// and as a last resort between sentences. A sentence longer than the
// budget becomes a chunk of its own. Fenced code blocks always form
// chunks of their own, marked Verbatim, whatever their size.
//
// Chunks are filled greedily; the size of a group of parts is the sum of
// their counts. A budget of zero or less puts every part in a chunk of
// its own.
func Split(text string, budget int, count func(string) int) []Chunk {
	if text == "" {
		return nil
	}
	s := &splitter{text: text, budget: budget, count: count, line: 1}
	if isBlank(text) {
		return []Chunk{{Lead: text, Line: 1, Verbatim: true}}
	}
	s.blocks = scanBlocks(text)
	s.pack(s.units(), s.splitUnit)
	return s.out
}

// span is a byte range of the document, with the blocks it covers.
type span struct {
	a, b     int
	first    int // index of the first block
	last     int // index after the last block
	verbatim bool
}

type splitter struct {
	text   string
	budget int
	count  func(string) int
	blocks []block
	out    []Chunk

	lineOff, line int // the line of offset lineOff, for numbering chunks
}

// blockStart is where the span of block i begins: the first block's span
// takes the leading white space, and the span after the last block ends
// the document.
func (s *splitter) blockStart(i int) int {
	switch {
	case i == 0:
		return 0
	case i >= len(s.blocks):
		return len(s.text)
	}
	return s.blocks[i].start
}

func (s *splitter) spanOf(first, last int) span {
	return span{a: s.blockStart(first), b: s.blockStart(last), first: first, last: last}
}

// units groups blocks into the parts that are best not cut: a list with
// its loose items and indented continuations, a heading with the block
// that follows it, and every fenced code block alone.
func (s *splitter) units() []span {
	var out []span
	start := -1
	inList, heading := false, false
	for i, b := range s.blocks {
		joins := start >= 0 && b.kind != kindFence &&
			(heading || (inList && (b.kind == kindList || b.indent >= 2)))
		if !joins {
			if start >= 0 {
				out = append(out, s.spanOf(start, i))
			}
			start, inList = i, false
		}
		if b.kind == kindFence {
			sp := s.spanOf(i, i+1)
			sp.verbatim = true
			out = append(out, sp)
			start, inList, heading = -1, false, false
			continue
		}
		inList = b.kind == kindList || (inList && b.indent >= 2)
		heading = b.kind == kindHeading
	}
	if start >= 0 {
		out = append(out, s.spanOf(start, len(s.blocks)))
	}
	return out
}

// pack fills chunks greedily with consecutive spans; a span over the
// budget is handed to deeper (or becomes a chunk of its own when deeper
// is nil), and a verbatim span always stands alone.
func (s *splitter) pack(spans []span, deeper func(span)) {
	ga, gb, gn := -1, -1, 0
	flush := func() {
		if ga >= 0 {
			s.emit(ga, gb, false)
			ga, gn = -1, 0
		}
	}
	for _, sp := range spans {
		if sp.verbatim {
			flush()
			s.emit(sp.a, sp.b, true)
			continue
		}
		n := s.count(s.text[sp.a:sp.b])
		switch {
		case n > s.budget && deeper != nil:
			flush()
			deeper(sp)
		case ga >= 0 && gn+n <= s.budget:
			gb, gn = sp.b, gn+n
		default:
			flush()
			ga, gb, gn = sp.a, sp.b, n
		}
	}
	flush()
}

// splitUnit cuts a unit over the budget between its blocks.
func (s *splitter) splitUnit(u span) {
	if u.last-u.first < 2 {
		s.splitBlock(u)
		return
	}
	var parts []span
	for i := u.first; i < u.last; i++ {
		sp := s.spanOf(i, i+1)
		if i == u.first {
			sp.a = u.a
		}
		parts = append(parts, sp)
	}
	s.pack(parts, s.splitBlock)
}

// splitBlock cuts one block over the budget between list items, table
// rows or heading lines (see itemCuts), or else between sentences.
func (s *splitter) splitBlock(sp span) {
	b := s.blocks[sp.first]
	cuts := itemCuts(s.text, b)
	if len(cuts) == 0 {
		s.splitSentences(sp)
		return
	}
	s.pack(cutSpans(sp, cuts), s.splitSentences)
}

// splitSentences cuts a span between sentences; table rows are never
// cut.
func (s *splitter) splitSentences(sp span) {
	if s.blocks[sp.first].kind == kindTable && strings.Contains(s.text[sp.a:sp.b], "|") {
		s.emit(sp.a, sp.b, false)
		return
	}
	cuts := sentenceCuts(s.text, sp.a, sp.b)
	if len(cuts) == 0 {
		s.emit(sp.a, sp.b, false)
		return
	}
	s.pack(cutSpans(sp, cuts), nil)
}

// cutSpans cuts a span at the given offsets.
func cutSpans(sp span, cuts []int) []span {
	out := make([]span, 0, len(cuts)+1)
	a := sp.a
	for _, c := range cuts {
		out = append(out, span{a: a, b: c, first: sp.first, last: sp.last})
		a = c
	}
	return append(out, span{a: a, b: sp.b, first: sp.first, last: sp.last})
}

// emit appends the chunk of text[a:b].
func (s *splitter) emit(a, b int, verbatim bool) {
	c := chunkOf(s.text, a, b)
	c.Verbatim = verbatim
	s.line += strings.Count(s.text[s.lineOff:c.Offset], "\n")
	s.lineOff = c.Offset
	c.Line = s.line
	s.out = append(s.out, c)
}

// chunkOf makes the chunk of text[a:b], separating the white space around
// its content. Line is left for the caller.
func chunkOf(text string, a, b int) Chunk {
	i, j := a, b
	for i < j && isSpaceByte(text[i]) {
		i++
	}
	for j > i && isSpaceByte(text[j-1]) {
		j--
	}
	return Chunk{Lead: text[a:i], Text: text[i:j], Trail: text[j:b], Offset: i}
}
