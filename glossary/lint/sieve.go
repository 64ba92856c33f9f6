package lint

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// A sieve finds the lines of a text that may hold some of a language's
// forms, so that the matcher runs on those lines only. Every form is a
// key of characters under skeleton: case-folded, decomposed, without
// combining marks. Where the matcher finds a form in a text, the
// skeleton of the text holds the skeleton of the form at that place
// (checked in the tests on every character), so it holds every gram of
// it. The sieve keeps one gram of each form, maxGram characters long or
// as long as the shortest form, and flags a line where a gram of the
// line is one of them: grams that long are rare in text that does not
// hold the form. A bitmap of the grams' last characters and one of their
// hashes rule out most places; a set of the 64-bit hashes decides.
//
// A form holding a line feed could match across lines; no sieve is made
// for a language that has one, nor for a form without a letter left in
// its skeleton.
type sieve struct {
	// lens has bit k set when grams of k characters are kept.
	lens uint16
	// last marks the last characters of the grams, by their low 16 bits.
	last  [1 << 16 / 64]uint64
	bits  []uint64 // the bitmap of the keys
	shift uint     // 64 minus the log2 of the bitmap's size in bits
	keys  map[uint64]struct{}
}

const (
	// maxGram is the longest gram a sieve keeps.
	maxGram = 8
	// gramBase is the base of the polynomial hash of grams.
	gramBase = 0x100000001B3
)

// key mixes the hash of a gram of k characters into a sieve key.
func key(h uint64, k int) uint64 { return (h + uint64(k)) * 0x9E3779B97F4A7C15 }

// has reports whether the gram of k characters hashing to h is in s.
func (s *sieve) has(h uint64, k int) bool {
	x := key(h, k)
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
	short := maxGram
	for i, f := range forms {
		sks[i] = t.skeletonString(f)
		if len(sks[i]) == 0 {
			return nil
		}
		short = min(short, len(sks[i]))
	}
	lg := uint(12)
	for 1<<lg < 64*len(forms) && lg < 24 {
		lg++
	}
	s := &sieve{shift: 64 - lg, keys: make(map[uint64]struct{}, len(forms)), bits: make([]uint64, 1<<lg/64)}
	for _, sk := range sks {
		k := short
		if len(sk) >= maxGram {
			k = maxGram
		}
		best, at, bestN := uint64(0), 0, -1
		for i := 0; i+k <= len(sk); i++ {
			h := gramHash(sk[i : i+k])
			if n := counts[h]; bestN < 0 || n < bestN {
				best, at, bestN = h, i, n
			}
		}
		x := key(best, k)
		i := x >> s.shift
		s.bits[i/64] |= 1 << (i % 64)
		s.keys[x] = struct{}{}
		s.lens |= 1 << k
		c := sk[at+k-1] & 0xFFFF
		s.last[c/64] |= 1 << (c % 64)
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
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
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
		sk = t.skeleton(r, sk)
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

// lines returns the spans of the lines of text that may hold a form of
// any of the sieves, neighbouring lines joined.
func lines(t *skeletonTable, ss []*sieve, text string) [][2]int {
	var out [][2]int
	var buf []rune
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if hit(t, ss, text[start:end], buf) {
			if k := len(out) - 1; k >= 0 && out[k][1]+1 >= start {
				out[k][1] = end
			} else {
				out = append(out, [2]int{start, end})
			}
		}
		start = end + 1
	}
	return out
}

// hit reports whether a gram of the line's skeleton is in one of the
// sieves. It keeps a rolling hash of the last k characters for every
// gram length k in use.
func hit(t *skeletonTable, ss []*sieve, line string, buf []rune) bool {
	var (
		ring [maxGram]rune // the last characters, ring[n%maxGram] next
		hash [maxGram + 1]uint64
		pow  [maxGram + 1]uint64 // gramBase^k
		lens []int
	)
	var all uint16
	for _, s := range ss {
		all |= s.lens
	}
	p := uint64(1)
	for k := 1; k <= maxGram; k++ {
		p *= gramBase
		pow[k] = p
		if all&(1<<k) != 0 {
			lens = append(lens, k)
		}
	}
	n := 0
	push := func(r rune) bool {
		for _, k := range lens {
			h := hash[k]*gramBase + uint64(r)
			if n >= k {
				h -= uint64(ring[(n-k)%maxGram]) * pow[k]
			}
			hash[k] = h
		}
		ring[n%maxGram] = r
		n++
		c := r & 0xFFFF
		for _, s := range ss {
			if s.last[c/64]&(1<<(c%64)) == 0 {
				continue
			}
			for _, k := range lens {
				if s.lens&(1<<k) != 0 && n >= k && s.has(hash[k], k) {
					return true
				}
			}
		}
		return false
	}
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if push(rune(c)) {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		if r < 0x10000 {
			switch v := t.page(r)[r&0xFF]; v {
			case noSkeleton:
				continue
			case manySkeleton:
			default:
				if push(rune(v)) {
					return true
				}
				continue
			}
		}
		buf = t.skeleton(r, buf[:0])
		for _, x := range buf {
			if push(x) {
				return true
			}
		}
	}
	return false
}

// sieved returns the matches of m in the lines of text the sieves flag,
// as m.FindAll(text) finds them there. Lines are independent for the matcher when no form holds a
// line feed: a match cannot cross one, and the character before a line
// or after it is a line feed, which is no word character.
func sieved(t *skeletonTable, ss []*sieve, m *glossary.Matcher, text string) []glossary.Match {
	var out []glossary.Match
	line := 1
	prev := 0
	for _, span := range lines(t, ss, text) {
		line += strings.Count(text[prev:span[0]], "\n")
		prev = span[0]
		for _, x := range m.FindAll(text[span[0]:span[1]]) {
			x.Start += span[0]
			x.End += span[0]
			x.Line += line - 1
			out = append(out, x)
		}
	}
	return out
}
