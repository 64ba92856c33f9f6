package lint

import (
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

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

// spans returns the spans of text between breakers whose skeleton holds
// a gram of the sieves, neighbours joined. A breaker followed by a
// character that may combine with it does not count as one.
//
// The last characters of the skeleton are kept in local variables (see
// roll) and the table of skeletons read inline: this runs on every
// character of most texts that are not ASCII.
func spans(t *skeletonTable, ss []*sieve, brk *breakers, text string) [][2]int {
	g := newRoller(ss)
	var out [][2]int
	var buf []rune
	start, found := 0, false
	var hi, lo uint64
	n := 0
	// the table page of the last character looked up, most often that of
	// the next one too
	pg, pgAt := t.page(0), rune(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if brk.ascii[c] && (i+1 == len(text) || text[i+1] < utf8.RuneSelf || norm.NFC.PropertiesString(text[i+1:]).BoundaryBefore()) {
				if found {
					out = addSpan(out, start, i)
				}
				start, found = i+1, false
				hi, lo, n = 0, 0, 0
			} else if !found {
				r := rune(c)
				switch {
				case 'A' <= c && c <= 'Z':
					r += 'a' - 'A'
				case c-'\t' < 5:
					r = ' '
				}
				var added bool
				if hi, lo, n, added = roll(hi, lo, n, r); added {
					found = g.hit(hi, lo, n)
				}
			}
			i++
			continue
		}
		var r rune
		size := 3
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
		}
		if r < 0x800 || r >= 0xD800 && r < 0xE000 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case brk.is(r) && (i+size == len(text) || text[i+size] < utf8.RuneSelf || norm.NFC.PropertiesString(text[i+size:]).BoundaryBefore()):
			if found {
				out = addSpan(out, start, i)
			}
			start, found = i+size, false
			hi, lo, n = 0, 0, 0
		case found:
		default:
			v := uint32(manySkeleton)
			if r < 0x10000 {
				if r>>8 != pgAt {
					pg, pgAt = t.page(r), r>>8
				}
				v = pg[r&0xFF]
			}
			switch v {
			case noSkeleton:
			case manySkeleton:
				// several characters, or one beyond the Basic
				// Multilingual Plane
				buf = t.skeleton(r, buf[:0])
				for _, x := range buf {
					var added bool
					if hi, lo, n, added = roll(hi, lo, n, x); added && g.hit(hi, lo, n) {
						found = true
						break
					}
				}
			default:
				var added bool
				if hi, lo, n, added = roll(hi, lo, n, rune(v)); added {
					found = g.hit(hi, lo, n)
				}
			}
		}
		i += size
	}
	if found {
		out = addSpan(out, start, len(text))
	}
	return out
}

// addSpan adds the span [start, end) to out, joined to the last one when
// at most a character lies between them.
func addSpan(out [][2]int, start, end int) [][2]int {
	if k := len(out) - 1; k >= 0 && out[k][1] >= start-utf8.UTFMax {
		out[k][1] = end
		return out
	}
	return append(out, [2]int{start, end})
}

// sieved returns the matches of m in the spans of p's text that the
// sieves flag, as m.FindAll finds them in the whole text. A match cannot
// reach across a breaker, so the matcher scans the whole text and a span
// alike: it starts afresh after each breaker; the characters on either
// side of a span are breakers, neither letters nor marks, so a match may
// start and end at its edges in both. The text is not split in a
// character's normalization segment (see spans).
//
// The sieve does not pay where the matcher is quick, on text in ASCII,
// Latin or Han: callers test matcherQuick first. Nor does it where the
// forms are dense: it flags much of a text and costs more than it saves.
// When it flags more than a quarter of the first sampleBytes, the
// matcher reads the whole text. Spans less than joinGap apart are
// matched together, to call the matcher less often.
func sieved(t *skeletonTable, ss []*sieve, brk *breakers, m *glossary.Matcher, p *page) []glossary.Match {
	text := p.doc.Text
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

// matcherQuick reports whether the matcher reads text about as fast as
// the sieve does, so that sieving cannot pay: nine in ten of the first
// sampleBytes are in ASCII characters, in Latin letters of two bytes
// (U+0080 to U+027F), in Latin Extended Additional (Vietnamese), in
// the CJK blocks from U+3000 to U+9FFF (kana, ideographs), in General
// Punctuation or in fullwidth forms (U+FF00 to U+FF7F). Text in Thai,
// Lao, Khmer or Burmese, which the matcher reads slowest, is sieved.
func matcherQuick(text string) bool {
	s := text[:min(len(text), sampleBytes)]
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			n++
			i++
			continue
		case c >= 0xC2 && c <= 0xC9:
			n += 2
			i += 2
			continue
		case c == 0xE1 && i+1 < len(s) && s[i+1]-0xB8 < 4, c >= 0xE3 && c <= 0xE9,
			c == 0xE2 && i+1 < len(s) && s[i+1]-0x80 < 2, c == 0xEF && i+1 < len(s) && s[i+1]-0xBC < 2:
			n += 3
			i += 3
			continue
		}
		i++
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
