package glossary

import (
	"math/bits"
	"slices"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// foldedText is a text split into normalization segments, read as
// matching reads it: each segment put in NFC and case-folded on its own,
// a segment of one ignorable character dropped, a run of segments of one
// whitespace character each (ignorable ones between them aside) written
// as one space. These tokens, concatenated, make t; matching runs on t
// and maps token starts back to the text.
//
// Most texts fold token by token without changing length (ASCII, Thai,
// Chinese, capitals such as Đ that fold to đ): then t lines up with the
// text piece by piece, shifted where spaces were merged or characters
// dropped, and a bit set marks the bytes inside tokens. Only when a
// segment folds to another length (NFD input, ß, İ) does orig map every
// byte.
type foldedText struct {
	text string
	t    []byte // the tokens, concatenated
	// orig[p] is the offset in text of the token starting at t[p], or
	// -1 where no token starts; orig[len(t)] is len(text). No segment
	// folds to nothing, so each token has its own start. orig is nil
	// when t lines up with the text piece by piece.
	orig []int32
	// inner has bit p set where t[p] is inside a token, not at its
	// start, when t lines up with the text; nil for a text of ASCII only,
	// where every byte is a token.
	inner []uint64
	// When t lines up with the text piece by piece, t[p] stands for
	// text[p+d], where d is gapDelta[k] for the last k with gapAt[k] <=
	// p, or 0 before gapAt[0]. gap is the k+1 of the last lookup.
	gapAt, gapDelta []int32
	gap             int
	// breaks holds, ascending, the offsets in t of the spaces that stand
	// for paragraph breaks: runs of whitespace holding two line feeds or
	// a U+2029 PARAGRAPH SEPARATOR, which no match spans. brk indexes
	// the first not before the last lookup.
	breaks []int32
	brk    int
	// storage kept for reuse
	keepOrig            []int32
	keepInner           []uint64
	keepAt, keepDeltaTo []int32
	keepBreaks          []int32
}

// origAt returns the offset in text of the token starting at t[p], or
// -1; p may be len(t).
func (f *foldedText) origAt(p int) int {
	switch {
	case f.orig != nil:
		return int(f.orig[p])
	case f.inner != nil && f.inner[p/64]&(1<<(p%64)) != 0:
		return -1
	case len(f.gapAt) == 0:
		return p
	}
	return f.shifted(p)
}

// shifted returns p plus the shift of t[p] against the text when t lines
// up with it piece by piece. Lookups go mostly forward, a little at a
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

// nextStart returns the first token start at or after p when t lines
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

// folder builds a foldedText.
type folder struct {
	t     []byte
	inner []uint64
	orig  []int32 // nil while t lines up with the text
	gapAt []int32
	gapTo []int32
	delta int  // the shift of the last token appended
	space bool // the last token is a space
	// breaks are the offsets in t of the spaces of paragraph breaks;
	// runAt is that of the space of the last run of whitespace, runLF
	// the line feeds in it (U+2029 counting two).
	breaks       []int32
	runAt, runLF int
}

// extendRun notes a character of the run of whitespace whose space t
// ends with: lf line feeds.
func (b *folder) extendRun(lf int) {
	if b.runLF < 2 && b.runLF+lf >= 2 {
		b.breaks = append(b.breaks, int32(b.runAt))
	}
	b.runLF += lf
}

// lineFeeds returns how many line feeds a whitespace segment counts for.
func lineFeeds(seg string) int {
	switch seg {
	case "\n":
		return 1
	case "\u2029":
		return 2
	}
	return 0
}

// shift records, before a token from text offset i is appended while t
// lines up with the text, where the shift between them changes.
func (b *folder) shift(i int) {
	if d := i - len(b.t); d != b.delta {
		b.gapAt = append(b.gapAt, int32(len(b.t)))
		b.gapTo = append(b.gapTo, int32(d))
		b.delta = d
	}
}

// startToken notes that a token from text offset i starts at the end of t.
func (b *folder) startToken(i int) {
	if b.orig != nil {
		b.orig = append(b.orig, int32(i))
	} else {
		b.shift(i)
	}
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
	b := folder{t: buf.t[:0], gapAt: buf.keepAt[:0], gapTo: buf.keepDeltaTo[:0], breaks: buf.keepBreaks[:0]}
	if isASCII(text) {
		b.ascii(text, 0)
		b.shift(n)
		*buf = foldedText{text: text, t: b.t, gapAt: b.gapAt, gapDelta: b.gapTo, breaks: b.breaks,
			keepOrig: buf.keepOrig, keepInner: buf.keepInner, keepAt: b.gapAt, keepDeltaTo: b.gapTo, keepBreaks: b.breaks}
		return buf
	}
	b.t = slices.Grow(b.t, n+n/8+4)
	b.inner = slices.Grow(buf.keepInner[:0], n/64+1)[:n/64+1]
	clear(b.inner)
	var (
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
		switch {
		case k-i >= 8:
			b.ascii(text[i:k], i)
		case k > i:
			b.asciiBytes(text[i:k], i)
		}
		i = k
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
		if seg[0] < utf8.RuneSelf || spaceLead(seg) {
			if kind := kindOf(seg); kind != regularSeg {
				if kind == spaceSeg {
					if !b.space {
						b.startToken(i)
						b.runAt, b.runLF = len(b.t), 0
						b.t = append(b.t, ' ')
						b.space = true
					}
					b.extendRun(lineFeeds(seg))
				}
				i += size
				continue
			}
		}
		start := len(b.t)
		if b.orig == nil {
			b.shift(i)
		}
		if plain {
			b.t = append(b.t, seg...)
		} else {
			if !haveFold {
				fold, haveFold = cases.Fold(), true
			}
			scratch = norm.NFC.AppendString(scratch[:0], seg)
			b.t = appendFolded(b.t, scratch, fold)
		}
		if len(b.t) == start {
			// cases.Fold maps no character to nothing; kept for safety
			b.t = append(b.t, seg...)
		}
		b.space = false
		switch {
		case b.orig == nil && len(b.t)-start == size:
			for q := start + 1; q < start+size; q++ {
				b.inner[q/64] |= 1 << (q % 64)
			}
		default:
			if b.orig == nil {
				b.mapAll(start, buf.keepOrig, n)
			}
			b.orig = append(b.orig, int32(i))
			for range len(b.t) - start - 1 {
				b.orig = append(b.orig, -1)
			}
		}
		i += size
	}
	if b.orig == nil {
		b.shift(n)
		*buf = foldedText{text: text, t: b.t, inner: b.inner, gapAt: b.gapAt, gapDelta: b.gapTo, breaks: b.breaks,
			keepOrig: buf.keepOrig, keepInner: b.inner, keepAt: b.gapAt, keepDeltaTo: b.gapTo, keepBreaks: b.breaks}
		return buf
	}
	b.orig = append(b.orig, int32(n))
	*buf = foldedText{text: text, t: b.t, orig: b.orig, breaks: b.breaks,
		keepOrig: b.orig, keepInner: b.inner, keepAt: b.gapAt, keepDeltaTo: b.gapTo, keepBreaks: b.breaks}
	return buf
}

// mapAll starts mapping every byte of t, when a token is about to part
// the lengths: the first end bytes, which line up with the text piece
// by piece, map through the shifts recorded.
func (b *folder) mapAll(end int, keep []int32, n int) {
	orig := slices.Grow(keep[:0], n+n/8+5)
	k, d := 0, 0
	for q := range end {
		for k < len(b.gapAt) && int(b.gapAt[k]) <= q {
			d = int(b.gapTo[k])
			k++
		}
		o := int32(q + d)
		if b.inner[q/64]&(1<<(q%64)) != 0 {
			o = -1
		}
		orig = append(orig, o)
	}
	b.orig = orig
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
