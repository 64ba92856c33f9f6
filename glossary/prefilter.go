package glossary

import "slices"

// prefilter is a Bloom filter of the first bytes of a matcher's
// folded forms: before walking the trie from a position, the scan asks it
// whether any form may start there, which most positions of a text fail.
// It holds a hash of the first span bytes of every form (of the whole
// form when it is shorter); the lengths of the shorter forms are tested
// too.
type prefilter struct {
	bits []uint64
	span int    // bytes hashed at most
	at   uint32 // bit l set: test the hash of the first l bytes
}

const (
	maxSpan    = 12 // longest prefix the filter hashes
	filterBits = 19 // log2 of the filter's size in bits (64 KiB)
)

// fnv steps the FNV-1a hash.
func fnv(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const fnvOffset = 2166136261

// slots turns a hash into the two bits of the filter that stand for it.
func slots(h uint32) (uint32, uint32) {
	const mask = 1<<filterBits - 1
	h2 := h * 0x9E3779B1
	return (h ^ h>>filterBits) & mask, (h2 ^ h2>>filterBits) & mask
}

// newPrefilter builds the filter of keys. The span is the length most
// keys reach: the tenth percentile, so that few lengths are tested.
func newPrefilter(keys []string) prefilter {
	pf := prefilter{bits: make([]uint64, 1<<filterBits/64)}
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
	pf.span = min(maxSpan, lens[len(lens)/10])
	for _, k := range keys {
		l := min(len(k), pf.span)
		if l == 0 {
			continue
		}
		pf.at |= 1 << l
		h := uint32(fnvOffset)
		for i := range l {
			h = fnv(h, k[i])
		}
		s1, s2 := slots(h)
		pf.bits[s1/64] |= 1 << (s1 % 64)
		pf.bits[s2/64] |= 1 << (s2 % 64)
	}
	return pf
}

// may reports whether a form may start at t[p]: false means none does.
func (pf *prefilter) may(t []byte, p int) bool {
	end := min(len(t), p+pf.span)
	h := uint32(fnvOffset)
	for i := p; i < end; i++ {
		h = fnv(h, t[i])
		if pf.at&(1<<(i-p+1)) != 0 {
			s1, s2 := slots(h)
			if pf.bits[s1/64]&(1<<(s1%64)) != 0 && pf.bits[s2/64]&(1<<(s2%64)) != 0 {
				return true
			}
		}
	}
	return false
}
