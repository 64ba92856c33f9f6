package lint

import (
	"math/bits"
	"slices"
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
	wins    []uint64 // the windows' hashes, for a roller's union
	shift   uint     // 64 minus the log2 of a bitmap's size in bits
	keys    keySet
	// ones marks the grams of one character, by its low 16 bits
	ones *[1 << 16 / 64]uint64
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
	return s.keys.has(x)
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
	s := &sieve{shift: 64 - lg, keys: newKeySet(len(forms)),
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
		s.lens |= 1 << k
		if k == 1 {
			if s.ones == nil {
				s.ones = new([1 << 16 / 64]uint64)
			}
			c := lo & 0xFFFF
			s.ones[c/64] |= 1 << (c % 64)
			continue
		}
		x := key(hi, lo, k)
		s.keys.add(x)
		i := x >> s.shift
		s.bits[i/64] |= 1 << (i % 64)
		w := window(lo, min(k, 4))
		s.wins = append(s.wins, w)
		i = w >> s.shift
		s.windows[i/64] |= 1 << (i % 64)
	}
	return s
}

// roller tells when a gram of the sieves ends at the last character of
// a skeleton. The caller keeps the last eight characters, packed as
// grams are, in hi and lo, and how many it has seen in n (see spans).
// The last characters are tested at every character against the union
// of the sieves' windows and grams of one character; the gram is looked
// up only where they pass.
type roller struct {
	ss    []*sieve
	lens  uint16 // the gram lengths of all sieves
	least int    // the shortest of them; no gram ends before
	// windows are the union of the sieves' windows, indexed by shift;
	// ones the union of their grams of one character, nil when none
	windows []uint64
	shift   uint
	ones    *[1 << 16 / 64]uint64
}

func newRoller(ss []*sieve) *roller {
	g := &roller{ss: ss}
	for _, s := range ss {
		g.lens |= s.lens
	}
	g.least = 1 << 16 // no gram at all
	if g.lens != 0 {
		g.least = bits.TrailingZeros16(g.lens)
	}
	switch len(ss) {
	case 0:
	case 1:
		g.windows, g.shift, g.ones = ss[0].windows, ss[0].shift, ss[0].ones
	default:
		// the largest bitmap, copied, with the others' windows added
		big := ss[0]
		for _, s := range ss {
			if s.shift < big.shift {
				big = s
			}
		}
		g.windows, g.shift = slices.Clone(big.windows), big.shift
		for _, s := range ss {
			if s == big {
				continue
			}
			for _, w := range s.wins {
				i := w >> g.shift
				g.windows[i/64] |= 1 << (i % 64)
			}
		}
		for _, s := range ss {
			if s.ones == nil {
				continue
			}
			if g.ones == nil {
				g.ones = new([1 << 16 / 64]uint64)
			}
			for i, w := range s.ones {
				g.ones[i] |= w
			}
		}
	}
	return g
}

// roll adds character r to the last ones, hi and lo, of which there
// are n, and returns them. A space after a space is not added (added is
// false): a run of white space is one space to matching.
func roll(hi, lo uint64, n int, r rune) (uint64, uint64, int, bool) {
	if r == ' ' && lo&0xFFFF == ' ' { // lo is 0 before the first
		return hi, lo, n, false
	}
	return hi<<16 | lo>>48, lo<<16 | uint64(r&0xFFFF), n + 1, true
}

// hit reports whether a gram ending with the last of the n characters
// hi and lo hold is in one of the sieves.
func (g *roller) hit(hi, lo uint64, n int) bool {
	if n < g.least {
		return false
	}
	if g.lens&(1<<1|1<<2) != 0 && g.short(lo, n) {
		return true
	}
	if n < 4 {
		return false
	}
	x := window(lo, 4)
	if i := x >> g.shift; g.windows[i/64]&(1<<(i%64)) == 0 {
		return false // the common case: no window passes
	}
	for _, s := range g.ss {
		if s.lens&(1<<4) != 0 && s.has(key(0, lo, 4)) {
			return true
		}
		if n >= maxGram && s.lens&(1<<maxGram) != 0 && s.has(key(hi, lo, maxGram)) {
			return true
		}
	}
	return false
}

// short tests the grams of one and two characters ending with the last
// of the n characters lo holds.
func (g *roller) short(lo uint64, n int) bool {
	if g.ones != nil {
		if c := lo & 0xFFFF; g.ones[c/64]&(1<<(c%64)) != 0 {
			return true
		}
	}
	if n < 2 || g.lens&(1<<2) == 0 {
		return false
	}
	if i := window(lo, 2) >> g.shift; g.windows[i/64]&(1<<(i%64)) == 0 {
		return false
	}
	for _, s := range g.ss {
		if s.lens&(1<<2) != 0 && s.has(key(0, lo, 2)) {
			return true
		}
	}
	return false
}
