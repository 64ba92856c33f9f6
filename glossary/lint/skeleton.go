package lint

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

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
