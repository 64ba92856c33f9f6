package glossary

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// prefilter tells, before the trie is walked from a position, whether any
// form may start there; most positions of a text fail it. It holds a
// bitmap of the hashes of the forms' first firstLen bytes (as many as
// the shortest form has, up to span), tested first with a single probe;
// a table of the first two bytes of the forms; and a Bloom filter (two
// bits per entry) of their first span bytes, or of the whole form when
// it is shorter; the lengths of the shorter forms are tested too.
type prefilter struct {
	pairs  []uint64 // bit b0<<8|b1: a form starts with bytes b0 b1
	single []uint64 // bit b: a form is the one byte b
	bits   []uint64 // the Bloom filter
	mask   uint32   // its size in bits, less one
	lens   []int    // prefix lengths to test, ascending, ending with span
	// first is the bitmap of the hashes of the first firstLen bytes of
	// the forms, of the size of words.
	first    []uint64
	firstLen int
	// words is a bitmap of the hashes of the forms' first words (see
	// wordAt), for the forms that start with a word character; wmask
	// is its size in bits, less one.
	words []uint64
	wmask uint32
	// char3 has bit r set where a form starts with r, a character of
	// three bytes.
	char3 []uint64
}

const (
	minSpan = 8  // bytes of a form's start the Bloom filter holds, at least
	maxSpan = 12 // and at most
	// The Bloom filter has about 32 bits per form, between 2^12 bits
	// (512 bytes) and 2^20 (128 KiB).
	minFilterBits, maxFilterBits = 12, 20
)

func setBit(b []uint64, i uint32)      { b[i/64] |= 1 << (i % 64) }
func hasBit(b []uint64, i uint32) bool { return b[i/64]&(1<<(i%64)) != 0 }

// lowBytes keeps the first n bytes of a little-endian word.
func lowBytes(x uint64, n int) uint64 {
	if n >= 8 {
		return x
	}
	return x & (1<<(8*uint(n)) - 1)
}

// prefixWords reads up to 16 bytes of b as two little-endian words.
func prefixWords(b []byte) (lo, hi uint64) {
	if len(b) >= 16 {
		return binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	}
	var buf [16]byte
	copy(buf[:], b)
	return binary.LittleEndian.Uint64(buf[:]), binary.LittleEndian.Uint64(buf[8:])
}

// slots hashes the first l bytes, held in lo and hi, to the two bits of
// the Bloom filter that stand for them.
func (pf *prefilter) slots(lo, hi uint64, l int) (uint32, uint32) {
	a, b := lowBytes(lo, l), uint64(0)
	if l > 8 {
		b = lowBytes(hi, l-8)
	}
	h := (a^uint64(l)<<58)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F
	h ^= h >> 31
	return uint32(h) & pf.mask, uint32(h>>32) & pf.mask
}

// newPrefilter builds the filter of keys. The span is what the first four
// characters of a key take (most of the time), at least minSpan bytes,
// and no longer than nine keys in ten, so that few shorter lengths need
// testing.
func newPrefilter(keys []string) prefilter {
	size := minFilterBits
	for size < maxFilterBits && 1<<size < 32*len(keys) {
		size++
	}
	pf := prefilter{
		pairs:  make([]uint64, 1<<16/64),
		single: make([]uint64, 256/64),
		bits:   make([]uint64, 1<<size/64),
		mask:   1<<size - 1,
		words:  make([]uint64, 1<<size/64),
		wmask:  1<<size - 1,
		first:  make([]uint64, 1<<size/64),
		char3:  make([]uint64, 1<<16/64),
	}
	lens := make([]int, 0, len(keys))
	for _, k := range keys {
		if len(k) > 0 {
			lens = append(lens, len(k))
		}
	}
	if len(lens) == 0 {
		return pf
	}
	slices.Sort(lens)
	span := min(maxSpan, lens[len(lens)/10], max(minSpan, medianPrefix(keys, 4)))
	var short [maxSpan + 1]bool
	for _, k := range keys {
		switch {
		case len(k) == 0:
			continue
		case len(k) == 1:
			setBit(pf.single, uint32(k[0]))
		default:
			setBit(pf.pairs, uint32(k[0])<<8|uint32(k[1]))
		}
		if r := decodeRune3(k); r >= 0x800 {
			setBit(pf.char3, uint32(r))
		}
		if e, h := wordAt([]byte(k), 0); e > 0 {
			setBit(pf.words, h&pf.wmask)
		}
		l := min(len(k), span)
		short[l] = true
		lo, hi := prefixWords([]byte(k[:l]))
		s1, s2 := pf.slots(lo, hi, l)
		setBit(pf.bits, s1)
		setBit(pf.bits, s2)
	}
	for l := 1; l <= span; l++ {
		if short[l] {
			pf.lens = append(pf.lens, l)
		}
	}
	pf.firstLen = pf.lens[0]
	for _, k := range keys {
		if len(k) > 0 {
			lo, hi := prefixWords([]byte(k[:pf.firstLen]))
			setBit(pf.first, pf.firstSlot(lo, hi))
		}
	}
	return pf
}

// firstSlot hashes the first firstLen bytes, held in lo and hi, to their
// bit in first.
func (pf *prefilter) firstSlot(lo, hi uint64) uint32 {
	l := pf.firstLen
	a, b := lowBytes(lo, l), uint64(0)
	if l > 8 {
		b = lowBytes(hi, l-8)
	}
	h := (a^uint64(l)<<58)*0xC2B2AE3D27D4EB4F ^ b*0x9E3779B97F4A7C15
	return uint32(h>>40) & pf.wmask
}

// may reports whether a form may start at t[p]: false means none does.
func (pf *prefilter) may(t []byte, p int) bool {
	rem := len(t) - p
	var lo, hi uint64
	if rem >= 16 {
		lo, hi = binary.LittleEndian.Uint64(t[p:]), binary.LittleEndian.Uint64(t[p+8:])
	} else {
		lo, hi = prefixWords(t[p:])
	}
	if rem < pf.firstLen || !hasBit(pf.first, pf.firstSlot(lo, hi)) {
		return false
	}
	if rem < 2 || !hasBit(pf.pairs, uint32(t[p])<<8|uint32(t[p+1])) {
		return rem >= 1 && hasBit(pf.single, uint32(t[p]))
	}
	for _, l := range pf.lens {
		if l > rem {
			return false
		}
		s1, s2 := pf.slots(lo, hi, l)
		if hasBit(pf.bits, s1) && hasBit(pf.bits, s2) {
			return true
		}
	}
	return false
}

// medianPrefix returns the median length in bytes of the first chars
// characters of the keys: for four, four bytes in Latin, twelve in Thai
// or Han.
func medianPrefix(keys []string, chars int) int {
	n := make([]int, 0, len(keys))
	for _, k := range keys {
		b, r := 0, 0
		for b < len(k) && r < chars {
			_, size := utf8.DecodeRuneInString(k[b:])
			b, r = b+size, r+1
		}
		n = append(n, b)
	}
	if len(n) == 0 {
		return 0
	}
	slices.Sort(n)
	return n[len(n)/2]
}
