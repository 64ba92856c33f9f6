package lint

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// weakHash hashes what of a paragraph no normalization changes: ASCII
// characters that nothing after them may combine with, the letters of
// stable runs of the scripts of South-East Asia and of Han (stableRune),
// and where blank runs separate them. Paragraphs with equal blockHash
// have equal weakHash: whatever NFC changes is left out, and the
// characters NFC turns into kept ones (nfcMakesKept) are read as NFC
// reads them.
func weakHash(s string) uint64 {
	h, _ := weakHashes(s, false)
	return h
}

// weakPrefix is weakHash of the first eight bytes weakHash keeps of s (or
// of all, when fewer): paragraphs with equal weakHash have equal
// weakPrefix, and it costs little more than the start of s.
func weakPrefix(s string) uint64 {
	_, p := weakHashes(s, true)
	return p
}

// weakHashes returns weakHash(s) and weakPrefix(s); with prefixOnly, it
// stops as soon as it knows the prefix, and the first is not known.
func weakHashes(s string, prefixOnly bool) (uint64, uint64) {
	w := weakHasher{h: fnvBasis, pending: -1}
	for i := 0; i < len(s); {
		if prefixOnly && w.words > 0 {
			return 0, w.first
		}
		c := s[i]
		if c < utf8.RuneSelf {
			// a run of ASCII: each character but the last is followed
			// by ASCII, which combines with nothing before it (a run
			// may be cut anywhere: its last character then waits for
			// the ASCII after it)
			w.next(false)
			j := i
			for j+1 < len(s) && s[j+1] < utf8.RuneSelf && (!prefixOnly || j-i < 16) {
				j++
			}
			w.asciiRun(s[i:j])
			i = j
			if c := s[j]; c == ' ' || c >= '\t' && c <= '\r' {
				w.space = true
			} else {
				w.pending = rune(c)
			}
			i = j + 1
			continue
		}
		var r rune
		n := 3
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// three bytes, decoded inline: most characters of the
			// scripts of South-East Asia and Han
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		}
		if r < 0x800 || r >= 0xD800 && r < 0xE000 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case stableRune(r):
			w.next(false)
			w.keep(r)
		case nfcMakesKept(r):
			// NFC makes these ASCII or stable, or with what follows
			// them something else: read the segment as NFC reads it
			n = norm.NFC.NextBoundaryInString(s[i:], true)
			w.next(false)
			for k, x := range norm.NFC.String(s[i : i+n]) {
				switch {
				case k > 0:
					w.next(true)
				case x < utf8.RuneSelf:
					w.pending = x
				case stableRune(x):
					w.keep(x)
				}
			}
		case isBlankRune(r):
			w.next(false)
			w.space = true
		case w.pending >= 0:
			w.next(!norm.NFC.PropertiesString(s[i:]).BoundaryBefore())
		}
		i += n
	}
	w.next(false)
	h := w.sum()
	return h, w.first
}

// weakHasher is the state of weakHash. It packs the bytes it keeps eight
// to a word and mixes each full word into the hash.
type weakHasher struct {
	h              uint64
	acc            uint64 // bytes kept since the last full word
	n              int    // how many
	words          int    // the words mixed in
	first          uint64 // the hash after the first
	space, started bool
	pending        rune // an ASCII character, kept unless a mark follows
}

// put adds one byte to the hash.
func (w *weakHasher) put(b byte) {
	w.acc = w.acc<<8 | uint64(b)
	if w.n++; w.n == 8 {
		w.mix()
	}
}

// mix mixes the bytes packed so far into the hash.
func (w *weakHasher) mix() {
	w.h = (w.h ^ w.acc ^ uint64(w.n)<<60) * 0x9E3779B97F4A7C15
	w.h ^= w.h >> 29
	w.acc, w.n = 0, 0
	if w.words++; w.words == 1 {
		w.first = w.h
	}
}

// sum returns the hash of everything kept.
func (w *weakHasher) sum() uint64 {
	w.mix()
	return w.h
}

// asciiRun keeps the characters of a run of ASCII, as keep would one by
// one.
func (w *weakHasher) asciiRun(s string) {
	acc, n, space, started := w.acc, w.n, w.space, w.started
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c >= '\t' && c <= '\r' {
			space = true
			continue
		}
		if space && started {
			acc = acc<<8 | ' '
			if n++; n == 8 {
				w.acc, w.n = acc, n
				w.mix()
				acc, n = 0, 0
			}
		}
		space, started = false, true
		acc = acc<<8 | uint64(c)
		if n++; n == 8 {
			w.acc, w.n = acc, n
			w.mix()
			acc, n = 0, 0
		}
	}
	w.acc, w.n, w.space, w.started = acc, n, space, started
}

// keep hashes r, after a space where blanks came before it.
func (w *weakHasher) keep(r rune) {
	if w.space && w.started {
		w.put(' ')
	}
	w.space, w.started = false, true
	if r < utf8.RuneSelf {
		w.put(byte(r))
		return
	}
	w.put(byte(r >> 16))
	w.put(byte(r >> 8))
	w.put(byte(r))
}

// next settles the pending character before one that may (joins) or may
// not combine with what precedes it.
func (w *weakHasher) next(joins bool) {
	if w.pending >= 0 {
		if !joins {
			w.keep(w.pending)
		}
		w.pending = -1
	}
}

// nfcMakesKept reports the characters NFC turns into what weakHash
// keeps: three into ASCII (";", "`", "K"), the compatibility ideographs
// into unified Han ones.
func nfcMakesKept(r rune) bool {
	return r == 0x037E || r == 0x1FEF || r == 0x212A || r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F
}

// stableRune reports letters that NFC never changes, never composes with
// a neighbour and never makes from another character, save the
// compatibility ideographs (see nfcMakesKept): the consonants of Thai,
// Lao, Khmer and Burmese and the unified Han ideographs.
func stableRune(r rune) bool {
	switch {
	case r >= 0x0E01 && r <= 0x0E2E, // Thai consonants
		r >= 0x0E81 && r <= 0x0EAE, // Lao consonants
		r >= 0x1780 && r <= 0x17A2, // Khmer consonants
		r >= 0x1000 && r <= 0x1020, // Burmese consonants
		r >= 0x4E00 && r <= 0x9FFF: // Han
		return true
	}
	return false
}
