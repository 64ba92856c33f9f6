package lint

import "math/bits"

// A keySet is a set of the sieve's 64-bit keys, which are hashes
// already: open addressing, indexed by a key's top bits, probing on.
// The key 0 is kept aside, as it marks an empty slot.
type keySet struct {
	slots []uint64
	shift uint // 64 minus the log2 of len(slots)
	zero  bool // whether 0 is in the set
}

// newKeySet returns an empty set sized for n keys, at most half full.
func newKeySet(n int) keySet {
	lg := max(4, bits.Len(uint(2*n)))
	return keySet{slots: make([]uint64, 1<<lg), shift: uint(64 - lg)}
}

// add puts x in the set. The set must not be given more keys than it
// was sized for, or it may fill and add never return.
func (k *keySet) add(x uint64) {
	if x == 0 {
		k.zero = true
		return
	}
	mask := uint64(len(k.slots) - 1)
	for i := x >> k.shift; ; i = (i + 1) & mask {
		switch k.slots[i] {
		case x:
			return
		case 0:
			k.slots[i] = x
			return
		}
	}
}

// has reports whether x is in the set.
func (k *keySet) has(x uint64) bool {
	if x == 0 {
		return k.zero
	}
	mask := uint64(len(k.slots) - 1)
	for i := x >> k.shift; ; i = (i + 1) & mask {
		switch k.slots[i] {
		case x:
			return true
		case 0:
			return false
		}
	}
}
