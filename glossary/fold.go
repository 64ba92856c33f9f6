package glossary

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// foldedText is a text split into normalization segments, each put in NFC
// and case-folded on its own and the results concatenated. Matching runs
// on the folded bytes; segment starts map back to the original text.
//
// Most texts fold without changing length (ASCII, Thai, Chinese, and
// capitals such as Đ that fold to đ): then t lines up with the text byte
// for byte and a bit set marks the bytes inside segments. Only when a
// segment folds to another length (NFD input, ß, İ) does orig map every
// byte.
type foldedText struct {
	text string
	t    []byte // the folded segments, concatenated
	// orig[p] is the offset in text of the segment whose folded form
	// starts at t[p], or -1 where no segment starts; orig[len(t)] is
	// len(text). No segment folds to nothing, so each has its own start.
	// orig is nil when t lines up with the text.
	orig []int32
	// inner has bit p set where t[p] is inside a segment, not at its
	// start, when t lines up with the text; nil for a text of ASCII only,
	// where every byte is a segment.
	inner []uint64
	// storage kept for reuse
	keepOrig  []int32
	keepInner []uint64
}

// origAt returns the offset in text of the segment starting at t[p], or
// -1; p may be len(t).
func (f *foldedText) origAt(p int) int {
	switch {
	case f.orig != nil:
		return int(f.orig[p])
	case f.inner == nil || f.inner[p/64]&(1<<(p%64)) == 0:
		return p
	}
	return -1
}

// nextStart returns the first segment start at or after p when t lines
// up with the text, or len(t).
func (f *foldedText) nextStart(p int) int {
	w := p / 64
	if x := ^f.inner[w] >> (p % 64); x != 0 {
		return min(p+bits.TrailingZeros64(x), len(f.t))
	}
	for w++; w < len(f.inner); w++ {
		if x := ^f.inner[w]; x != 0 {
			return min(w*64+bits.TrailingZeros64(x), len(f.t))
		}
	}
	return len(f.t)
}

// isASCII reports whether s holds ASCII characters only.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// load64 reads the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// appendLower appends the ASCII text s lower-cased, eight bytes at a time.
func appendLower(t []byte, s string) []byte {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i:])
		// The high bit of each byte of upper is set where the byte is
		// in 'A'..'Z'; bytes are below 0x80, so no carries cross them.
		upper := (w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones) & (0x80 * ones)
		w |= upper >> 2
		t = binary.LittleEndian.AppendUint64(t, w)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		t = append(t, c)
	}
	return t
}

// newFoldedText splits and folds text, reusing the storage of buf when
// it is not nil. Segments end where norm.NFC.NextBoundaryInString puts
// them. ASCII letters fold by table; other segments go through NFC and
// cases.Fold, save those nfcSegment knows to be in NFC and to fold to
// themselves.
func newFoldedText(text string, buf *foldedText) *foldedText {
	n := len(text)
	if buf == nil {
		buf = &foldedText{}
	}
	if isASCII(text) {
		t := appendLower(buf.t[:0], text)
		*buf = foldedText{text: text, t: t, keepOrig: buf.keepOrig, keepInner: buf.keepInner}
		return buf
	}
	t := slices.Grow(buf.t[:0], n+n/8+4)
	inner := slices.Grow(buf.keepInner[:0], n/64+1)[:n/64+1]
	clear(inner)
	var (
		orig     []int32 // nil while t lines up with the text
		fold     cases.Caser
		haveFold bool
		scratch  []byte
	)
	for i := 0; i < n; {
		// A run of ASCII characters each followed by another is a run
		// of one-byte segments: no composition involves ASCII as a
		// second character.
		k := i
		for k+1 < n && text[k] < utf8.RuneSelf && text[k+1] < utf8.RuneSelf {
			k++
		}
		if k == n-1 && text[k] < utf8.RuneSelf {
			k = n
		}
		if k > i {
			t = appendLower(t, text[i:k])
			for ; orig != nil && i < k; i++ {
				orig = append(orig, int32(i))
			}
			i = k
		}
		if i == n {
			break
		}
		size, plain := nfcSegment(text[i:])
		if size == 0 {
			size = norm.NFC.NextBoundaryInString(text[i:], true)
			if size <= 0 {
				size = n - i
			}
		}
		seg := text[i : i+size]
		start := len(t)
		if plain {
			t = append(t, seg...)
		} else {
			if !haveFold {
				fold, haveFold = cases.Fold(), true
			}
			scratch = norm.NFC.AppendString(scratch[:0], seg)
			t = appendFolded(t, scratch, fold)
		}
		if len(t) == start {
			// cases.Fold maps no character to nothing; kept for safety
			t = append(t, seg...)
		}
		switch {
		case orig == nil && len(t)-start == size:
			for q := i + 1; q < i+size; q++ {
				inner[q/64] |= 1 << (q % 64)
			}
		default:
			if orig == nil {
				// The lengths part here: map every byte folded so far,
				// which lines up with the text.
				orig = slices.Grow(buf.keepOrig[:0], n+n/8+5)
				for q := range start {
					o := int32(q)
					if inner[q/64]&(1<<(q%64)) != 0 {
						o = -1
					}
					orig = append(orig, o)
				}
			}
			orig = append(orig, int32(i))
			for range len(t) - start - 1 {
				orig = append(orig, -1)
			}
		}
		i += size
	}
	if orig == nil {
		*buf = foldedText{text: text, t: t, inner: inner, keepOrig: buf.keepOrig, keepInner: inner}
		return buf
	}
	orig = append(orig, int32(n))
	*buf = foldedText{text: text, t: t, orig: orig, keepOrig: orig, keepInner: inner}
	return buf
}

// appendFolded appends seg case-folded to t, without allocating when the
// folded form is short.
func appendFolded(t, seg []byte, fold cases.Caser) []byte {
	fold.Reset()
	if n, _ := fold.Span(seg, true); n == len(seg) {
		return append(t, seg...)
	}
	var buf [128]byte
	fold.Reset()
	if nDst, nSrc, err := fold.Transform(buf[:], seg, true); err == nil && nSrc == len(seg) {
		return append(t, buf[:nDst]...)
	}
	return append(t, fold.Bytes(seg)...)
}

// nfcSegment measures the normalization segment at the start of s for the
// characters nfcClass knows: the first character and the combining ones
// after it. plain reports that the segment is in NFC (its marks in
// canonical order, not composing) and folds to itself. It returns 0 when
// it cannot tell, for norm to decide.
func nfcSegment(s string) (size int, plain bool) {
	r, n := decodeRune(s)
	_, last, known := nfcClass(r)
	if !known {
		return 0, false
	}
	plain = foldsToItself(r)
	prev := r
	for marks := 0; n < len(s) && s[n] >= utf8.RuneSelf; marks++ {
		m, size := decodeRune(s[n:])
		if combiningDiacritic(m) && marks < 8 {
			// Decomposed Latin, as Vietnamese often arrives: a segment,
			// but one that NFC composes.
			plain = false
			n += size
			continue
		}
		starter, ccc, known := nfcClass(m)
		switch {
		case !known || marks >= 8:
			return 0, false
		case starter:
			return n, plain
		case ccc == 0: // U+102E, which composes with a preceding U+1025
			plain = plain && prev != 0x1025
		case ccc < last: // marks out of canonical order
			plain = false
		}
		plain = plain && foldsToItself(m)
		last, prev = ccc, m
		n += size
	}
	return n, plain
}

// combiningDiacritic reports the characters of the Combining Diacritical
// Marks block that attach to the character before them, as
// norm.NFC.NextBoundary sees it; U+034F and those that decompose to
// others are left out.
func combiningDiacritic(r rune) bool {
	return r >= 0x0300 && r <= 0x036F && r != 0x0340 && r != 0x0341 && r != 0x0343 && r != 0x0344 && r != 0x034F
}
