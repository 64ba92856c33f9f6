package glossary

import (
	"math/bits"
	"unicode/utf8"

	"golang.org/x/text/cases"
)

// foldedText is a text split into normalization segments, read as
// matching reads it: each segment put in NFC and case-folded on its own,
// a segment of one ignorable character dropped, a run of segments of one
// whitespace character each (ignorable ones between them aside) written
// as one space. These tokens, concatenated, make t; matching runs on t
// and maps token starts back to the text.
//
// t lines up with the text piece by piece, shifted where spaces were
// merged, characters dropped or a segment folded to another length (NFD
// input, ß, İ), and a bit set marks the bytes inside tokens. Most texts
// fold token by token without changing length (ASCII, Thai, Chinese,
// capitals such as Đ that fold to đ), so that the shifts are few.
type foldedText struct {
	text string
	t    []byte // the tokens, concatenated
	// inner has bit p set where t[p] is inside a token, not at its
	// start; nil for a text of ASCII only, where every byte is a token.
	// No segment folds to nothing, so each token has its own start.
	inner []uint64
	// The token starting at t[p] starts at text[p+d], where d is
	// gapDelta[k] for the last k with gapAt[k] <= p, or 0 before
	// gapAt[0]; so does the end of the text for p = len(t). gap is the
	// k+1 of the last lookup.
	gapAt, gapDelta []int32
	gap             int
	// breaks holds, ascending, the offsets in t of the spaces that stand
	// for paragraph breaks: runs of whitespace holding two line feeds or
	// a U+2029 PARAGRAPH SEPARATOR, which no match spans. brk indexes
	// the first not before the last lookup.
	breaks []int32
	brk    int
	// storage kept for reuse
	keepInner           []uint64
	keepAt, keepDeltaTo []int32
	keepBreaks          []int32
}

// origAt returns the offset in text of the token starting at t[p], or
// -1; p may be len(t).
func (f *foldedText) origAt(p int) int {
	switch {
	case f.inner != nil && f.inner[p/64]&(1<<(p%64)) != 0:
		return -1
	case len(f.gapAt) == 0:
		return p
	}
	return f.shifted(p)
}

// shifted returns p plus the shift of t[p] against the text. Lookups go mostly forward, a little at a
// time, so the search starts from the last one. It is kept out of line
// so that origAt, on the common path, is inlined.
//
//go:noinline
func (f *foldedText) shifted(p int) int {
	k := f.gap
	for k < len(f.gapAt) && int(f.gapAt[k]) <= p {
		k++
	}
	for k > 0 && int(f.gapAt[k-1]) > p {
		k--
	}
	f.gap = k
	if k == 0 {
		return p
	}
	return p + int(f.gapDelta[k-1])
}

// breakAfter returns the offset in t of the first paragraph break after
// p, or len(t). Lookups go forward.
func (f *foldedText) breakAfter(p int) int {
	k := f.brk
	for k < len(f.breaks) && int(f.breaks[k]) < p {
		k++
	}
	f.brk = k
	if k == len(f.breaks) {
		return len(f.t)
	}
	return int(f.breaks[k])
}

// endAt returns where in text a match ends whose last token ends at t[p]:
// where the next token starts, less the ignorable characters before it.
func (f *foldedText) endAt(p int) int {
	return trimIgnorablesBefore(f.text, f.origAt(p))
}

// nextStart returns the first token start at or after p, or len(t).
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

// appendFolded appends seg case-folded to t, without allocating when t
// has room for the folded form. A segment of one Latin letter, as NFC
// makes of decomposed Vietnamese, folds by table.
func appendFolded(t, seg []byte, fold cases.Caser) []byte {
	if r, n := utf8.DecodeRune(seg); n == len(seg) && n > 1 {
		if foldsToItself(r) {
			return append(t, seg...)
		}
		if f, ok := foldSameSize(r); ok {
			return utf8.AppendRune(t, f)
		}
	}
	fold.Reset()
	if n, _ := fold.Span(seg, true); n == len(seg) {
		return append(t, seg...)
	}
	fold.Reset()
	if nDst, nSrc, err := fold.Transform(t[len(t):cap(t)], seg, true); err == nil && nSrc == len(seg) {
		return t[:len(t)+nDst]
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
