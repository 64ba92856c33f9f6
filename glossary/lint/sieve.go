package lint

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// A sieve finds the spans of a text that may hold some of a language's
// forms, so that the matcher runs on those spans only. Every form is a
// key of characters under skeleton: case-folded, decomposed, without
// combining marks, white space one space, the characters matching
// ignores left out. Where the matcher finds a form in a text, the
// skeleton of the text holds the skeleton of the form at that place
// (checked in the tests on every character), so it holds every gram of
// it. The sieve keeps one gram of each form, as long as the form allows
// up to maxGram characters (see gramLen), and flags a span of text (see
// breakers) where one of its grams is one of them: grams that long are
// rare in text that does not hold the form. Bitmaps of the grams' last
// four characters and of their keys rule out most places; a set of the
// keys decides.
//
// No sieve is made for a language with a form that has no letter left
// in its skeleton.
type sieve struct {
	// lens has bit k set when grams of k characters are kept.
	lens uint16
	bits []uint64 // the bitmap of the keys
	// windows marks, by a hash of their last four characters (or of all,
	// when fewer; see window), the grams, for a quick test before they
	// are hashed whole
	windows []uint64
	shift   uint // 64 minus the log2 of a bitmap's size in bits
	keys    map[uint64]struct{}
}

const (
	// maxGram is the longest gram a sieve keeps.
	maxGram = 8
	// gramBase is the base of the polynomial hash of grams.
	gramBase = 0x100000001B3
)

// gramLen returns the length of the gram kept of a form whose skeleton
// has n characters: the largest of 1, 2, 4 and maxGram (8) not above n,
// so that a rolling hash of four lengths serves every form.
func gramLen(n int) int {
	k := 1
	for k*2 <= min(n, maxGram) {
		k *= 2
	}
	return k
}

// A gram is known by the low 16 bits of its characters, packed in two
// words: hi holds the characters before the last four, lo the last four
// (fewer, in the low bits, for shorter grams). Characters beyond the
// Basic Multilingual Plane may share a gram with others: the sieve then
// flags a span the matcher finds nothing in, which costs only time.
//
// pack packs the grams' characters.
func pack(g []rune) (hi, lo uint64) {
	for _, r := range g {
		hi = hi<<16 | lo>>48
		lo = lo<<16 | uint64(r&0xFFFF)
	}
	return hi, lo
}

// key mixes a packed gram of k characters into a sieve key.
func key(hi, lo uint64, k int) uint64 {
	if k < 4 {
		lo &= 1<<(16*k) - 1
	}
	if k <= 4 {
		hi = 0
	}
	return ((lo+uint64(k))*0x9E3779B97F4A7C15 ^ hi) * 0xC2B2AE3D27D4EB4F
}

// window mixes the low 16 bits of the last k characters (k up to 4),
// packed in w, into a bitmap index (once shifted).
func window(w uint64, k int) uint64 {
	if k < 4 {
		w &= 1<<(16*k) - 1
	}
	return (w + uint64(k)) * 0x9E3779B97F4A7C15
}

// has reports whether the gram whose key is x is in s.
func (s *sieve) has(x uint64) bool {
	if i := x >> s.shift; s.bits[i/64]&(1<<(i%64)) == 0 {
		return false
	}
	_, ok := s.keys[x]
	return ok
}

// newSieve makes the sieve of forms, preferring in each form the gram
// fewest forms share (counts, when given; see gramCounts). It returns nil
// when a form has an empty skeleton.
func newSieve(t *skeletonTable, forms []string, counts map[uint64]int) *sieve {
	sks := make([][]rune, len(forms))
	for i, f := range forms {
		sks[i] = t.skeletonString(f)
		if len(sks[i]) == 0 {
			return nil
		}
	}
	lg := uint(12)
	for 1<<lg < 64*len(forms) && lg < 24 {
		lg++
	}
	s := &sieve{shift: 64 - lg, keys: make(map[uint64]struct{}, len(forms)),
		bits: make([]uint64, 1<<lg/64), windows: make([]uint64, 1<<lg/64)}
	for _, sk := range sks {
		k := gramLen(len(sk))
		at, bestN := 0, -1
		for i := 0; i+k <= len(sk); i++ {
			if n := counts[gramHash(sk[i:i+k])]; bestN < 0 || n < bestN {
				at, bestN = i, n
			}
		}
		hi, lo := pack(sk[at : at+k])
		x := key(hi, lo, k)
		s.keys[x] = struct{}{}
		s.lens |= 1 << k
		i := x >> s.shift
		s.bits[i/64] |= 1 << (i % 64)
		i = window(lo, min(k, 4)) >> s.shift
		s.windows[i/64] |= 1 << (i % 64)
	}
	return s
}

// skeletonTable maps the characters of the Basic Multilingual Plane to
// their skeletons, 256 characters a page, each page made on first use.
type skeletonTable struct {
	pages [256]atomic.Pointer[[256]uint32]
}

// skeleton codes: a character's skeleton is one character, nothing
// (noSkeleton) or several (manySkeleton, computed each time).
const (
	noSkeleton   = 0
	manySkeleton = 0xFFFFFFFF
)

// skeletonOf returns the skeleton of one character as written to buf.
func skeletonOf(fold cases.Caser, r rune, buf []rune) []rune {
	switch {
	case unicode.IsSpace(r):
		return append(buf, ' ')
	case isIgnorable(r):
		return buf
	}
	for _, d := range norm.NFD.String(fold.String(string(r))) {
		if norm.NFD.PropertiesString(string(d)).CCC() == 0 {
			buf = append(buf, d)
		}
	}
	return buf
}

// page returns the table page of r, making it when needed.
func (t *skeletonTable) page(r rune) *[256]uint32 {
	p := t.pages[r>>8].Load()
	if p != nil {
		return p
	}
	p = new([256]uint32)
	fold := cases.Fold()
	var buf []rune
	for k := range p {
		c := r&^0xFF | rune(k)
		if c >= 0xD800 && c < 0xE000 {
			p[k] = uint32(utf8.RuneError)
			continue
		}
		buf = skeletonOf(fold, c, buf[:0])
		switch len(buf) {
		case 0:
			p[k] = noSkeleton
		case 1:
			p[k] = uint32(buf[0])
		default:
			p[k] = manySkeleton
		}
	}
	t.pages[r>>8].CompareAndSwap(nil, p)
	return t.pages[r>>8].Load()
}

// skeleton appends the skeleton of r to buf.
func (t *skeletonTable) skeleton(r rune, buf []rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case uint32(r)-'\t' < 5:
			r = ' '
		}
		return append(buf, r)
	case r < 0x10000:
		switch v := t.page(r)[r&0xFF]; v {
		case noSkeleton:
			return buf
		case manySkeleton:
		default:
			return append(buf, rune(v))
		}
	}
	return skeletonOf(cases.Fold(), r, buf)
}

// gramHash returns the polynomial hash of a gram, as the rolling hash
// of sieve.hit computes it.
func gramHash(g []rune) uint64 {
	var h uint64
	for _, r := range g {
		h = h*gramBase + uint64(r)
	}
	return h
}

// skeletonString returns the skeleton of a form.
func (t *skeletonTable) skeletonString(form string) []rune {
	var sk []rune
	for _, r := range norm.NFC.String(form) {
		n := len(sk)
		sk = t.skeleton(r, sk)
		if len(sk) == n+1 && sk[n] == ' ' && n > 0 && sk[n-1] == ' ' {
			sk = sk[:n] // a run of white space is one space
		}
	}
	return sk
}

// gramCounts counts, over the forms, how many hold each gram of up to
// maxGram characters, for newSieve to prefer rare grams.
func gramCounts(t *skeletonTable, forms []string) map[uint64]int {
	counts := map[uint64]int{}
	for _, f := range forms {
		sk := t.skeletonString(f)
		for k := 1; k <= maxGram; k++ {
			for i := 0; i+k <= len(sk); i++ {
				counts[gramHash(sk[i:i+k])]++
			}
		}
	}
	return counts
}

// breakers are characters no form of a language holds, where no match
// of the matcher can reach across: punctuation, and white space when no
// form holds any. The matcher finds in the text between two breakers
// just what it finds there in the whole text (see sieved).
type breakers struct {
	ascii [utf8.RuneSelf]bool
	other [1 << 16 / 64]uint64 // a bitmap of the others, all in the BMP
}

// breakerCandidates are the characters that may be breakers: white
// space (when no form holds any) and punctuation.
const breakerCandidates = " \t\n\r.,;:!?()[]{}\"'/|<>。，、；：！？「」『』（）“”‘’។៕။၊"

// newBreakers returns the candidates that no form holds, as written or
// folded. Matching reads any run of white space as one space, so white
// space is a breaker only when no form holds a space.
func newBreakers(forms []string) *breakers {
	fold := cases.Fold()
	used := map[rune]bool{}
	space := false
	for _, f := range forms {
		for _, r := range f + fold.String(norm.NFC.String(f)) {
			used[r] = true
			space = space || unicode.IsSpace(r)
		}
	}
	b := &breakers{}
	for _, r := range breakerCandidates {
		switch {
		case used[r] || space && unicode.IsSpace(r):
		case r < utf8.RuneSelf:
			b.ascii[r] = true
		default:
			b.other[r/64] |= 1 << (r % 64)
		}
	}
	return b
}

// isIgnorable reports the characters matching skips: zero-width space,
// word joiner, zero-width no-break space.
func isIgnorable(r rune) bool { return r == 0x200B || r == 0x2060 || r == 0xFEFF }

// is reports whether r is a breaker.
func (b *breakers) is(r rune) bool {
	if r < utf8.RuneSelf {
		return b.ascii[r]
	}
	return r < 1<<16 && b.other[r/64]&(1<<(r%64)) != 0
}

// roller keeps the last characters of a skeleton, packed as grams are,
// and tells when a gram of the sieves ends at the last one. The last
// four are tested at every character against the sieves' windows; the
// gram is looked up only where they pass.
type roller struct {
	ss     []*sieve
	hi, lo uint64 // the last eight characters, packed
	n      int
	lens   uint16 // the gram lengths of all sieves
}

func newRoller(ss []*sieve) *roller {
	g := &roller{ss: ss}
	for _, s := range ss {
		g.lens |= s.lens
	}
	return g
}

// reset forgets the characters seen.
func (g *roller) reset() { g.n, g.hi, g.lo = 0, 0, 0 }

// push adds a character and reports whether a gram ending with it is in
// one of the sieves. A space after a space is not added: a run of white
// space is one space to matching.
func (g *roller) push(r rune) bool {
	if r == ' ' && g.n > 0 && g.lo&0xFFFF == ' ' {
		return false
	}
	g.hi = g.hi<<16 | g.lo>>48
	g.lo = g.lo<<16 | uint64(r&0xFFFF)
	g.n++
	if g.lens&(1<<1|1<<2) != 0 && g.short() {
		return true
	}
	if g.n < 4 {
		return false
	}
	x := window(g.lo, 4)
	for _, s := range g.ss {
		if i := x >> s.shift; s.windows[i/64]&(1<<(i%64)) == 0 {
			continue
		}
		if s.lens&(1<<4) != 0 && s.has(key(0, g.lo, 4)) {
			return true
		}
		if g.n >= maxGram && s.lens&(1<<maxGram) != 0 && s.has(key(g.hi, g.lo, maxGram)) {
			return true
		}
	}
	return false
}

// short tests the grams of one and two characters ending with the last.
func (g *roller) short() bool {
	for _, s := range g.ss {
		for k := 1; k <= 2 && k <= g.n; k++ {
			if s.lens&(1<<k) == 0 {
				continue
			}
			if i := window(g.lo, k) >> s.shift; s.windows[i/64]&(1<<(i%64)) == 0 {
				continue
			}
			if s.has(key(0, g.lo, k)) {
				return true
			}
		}
	}
	return false
}

// pushRune adds the skeleton of r, reporting a hit as push does.
func (g *roller) pushRune(t *skeletonTable, r rune, buf []rune) bool {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case uint32(r)-'\t' < 5:
			r = ' '
		}
		return g.push(r)
	}
	if r < 0x10000 {
		switch v := t.page(r)[r&0xFF]; v {
		case noSkeleton:
			return false
		case manySkeleton:
		default:
			return g.push(rune(v))
		}
	}
	for _, x := range t.skeleton(r, buf[:0]) {
		if g.push(x) {
			return true
		}
	}
	return false
}

// spans returns the spans of text between breakers whose skeleton holds
// a gram of the sieves, neighbours joined. A breaker followed by a
// character that may combine with it does not count as one.
func spans(t *skeletonTable, ss []*sieve, brk *breakers, text string) [][2]int {
	g := newRoller(ss)
	var out [][2]int
	var buf []rune
	start, found := 0, false
	flush := func(i, next int) {
		if found {
			if k := len(out) - 1; k >= 0 && out[k][1] >= start-utf8.UTFMax {
				out[k][1] = i
			} else {
				out = append(out, [2]int{start, i})
			}
		}
		start, found = next, false
		g.reset()
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case brk.ascii[c] && (i+1 == len(text) || text[i+1] < utf8.RuneSelf || norm.NFC.PropertiesString(text[i+1:]).BoundaryBefore()):
				flush(i, i+1)
			case found:
			case 'A' <= c && c <= 'Z':
				found = g.push(rune(c + 'a' - 'A'))
			case c-'\t' < 5:
				found = g.push(' ')
			default:
				found = g.push(rune(c))
			}
			i++
			continue
		}
		var r rune
		n := 3
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		}
		if r < 0x800 || r >= 0xD800 && r < 0xE000 {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if brk.is(r) && (i+n == len(text) || text[i+n] < utf8.RuneSelf || norm.NFC.PropertiesString(text[i+n:]).BoundaryBefore()) {
			flush(i, i+n)
		} else if !found {
			found = g.pushRune(t, r, buf)
		}
		i += n
	}
	if found {
		if k := len(out) - 1; k >= 0 && out[k][1] >= start-utf8.UTFMax {
			out[k][1] = len(text)
		} else {
			out = append(out, [2]int{start, len(text)})
		}
	}
	return out
}

// sieved returns the matches of m in the spans of p's text that the
// sieves flag, as m.FindAll finds them in the whole text. A match cannot
// reach across a breaker, so the matcher scans the whole text and a span
// alike: it starts afresh after each breaker; the characters on either
// side of a span are breakers, neither letters nor marks, so a match may
// start and end at its edges in both. The text is not split in a
// character's normalization segment (see spans).
//
// The sieve does not pay where the matcher is quick, on ASCII text (see
// mostlyASCII), nor where the forms are dense: it flags much of a text
// and costs more than it saves. When it flags more than a quarter of the
// first sampleBytes, the matcher reads the whole text. Spans less than
// joinGap apart are matched together, to call the matcher less often.
func sieved(t *skeletonTable, ss []*sieve, brk *breakers, m *glossary.Matcher, p *page) []glossary.Match {
	text := p.doc.Text
	if mostlyASCII(text) {
		return m.FindAll(text)
	}
	if cut := sampleCut(brk, text); cut > 0 {
		sp := spans(t, ss, brk, text[:cut])
		covered := 0
		for _, s := range sp {
			covered += s[1] - s[0]
		}
		if 4*covered > cut {
			return m.FindAll(text)
		}
	}
	return matchSpans(t, ss, brk, m, p)
}

// matchSpans returns the matches of m in the spans of p's text that the
// sieves flag (see sieved), spans less than joinGap apart matched
// together.
func matchSpans(t *skeletonTable, ss []*sieve, brk *breakers, m *glossary.Matcher, p *page) []glossary.Match {
	text := p.doc.Text
	var out []glossary.Match
	for _, s := range joined(spans(t, ss, brk, text)) {
		for _, x := range m.FindAll(text[s[0]:s[1]]) {
			x.Start += s[0]
			x.End += s[0]
			x.Line, x.Col = p.pos(x.Start)
			out = append(out, x)
		}
	}
	return out
}

// Tuning of sieved.
const (
	sampleBytes = 32 << 10
	joinGap     = 256
)

// mostlyASCII reports whether nine in ten of the first sampleBytes of
// text are ASCII.
func mostlyASCII(text string) bool {
	s := text[:min(len(text), sampleBytes)]
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			n++
		}
	}
	return 10*n >= 9*len(s)
}

// sampleCut returns where the sample of text that sieved judges the
// sieve by ends: just after the first ASCII breaker from sampleBytes on
// that an ASCII character follows, or 0 when the text is short or has
// none.
func sampleCut(brk *breakers, text string) int {
	if len(text) < 4*sampleBytes {
		return 0
	}
	for i := sampleBytes; i+1 < len(text) && i < 2*sampleBytes; i++ {
		if c := text[i]; c < utf8.RuneSelf && brk.ascii[c] && text[i+1] < utf8.RuneSelf {
			return i + 1
		}
	}
	return 0
}

// joined joins the spans less than joinGap apart.
func joined(sp [][2]int) [][2]int {
	out := sp[:0]
	for _, s := range sp {
		if k := len(out) - 1; k >= 0 && s[0]-out[k][1] < joinGap {
			out[k][1] = s[1]
			continue
		}
		out = append(out, s)
	}
	return out
}
