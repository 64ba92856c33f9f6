package glossary

import (
	"slices"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folder builds a foldedText.
type folder struct {
	t     []byte
	inner []uint64
	// gapAt and gapTo become the foldedText's gapAt and gapDelta.
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

// shift records, before a token from text offset i is appended, where
// the shift between t and the text changes.
func (b *folder) shift(i int) { b.shiftTo(i, len(b.t)) }

// shiftTo records that the token to be written at t[k] starts at text
// offset i, when that changes the shift.
func (b *folder) shiftTo(i, k int) {
	d := i - k
	if d == b.delta {
		return
	}
	if last := len(b.gapAt) - 1; last >= 0 && int(b.gapAt[last]) == k {
		b.gapTo[last] = int32(d)
	} else {
		b.gapAt = append(b.gapAt, int32(k))
		b.gapTo = append(b.gapTo, int32(d))
	}
	b.delta = d
}

// newFoldedText splits and folds text, reusing the storage of buf when
// it is not nil. Segments end where norm.NFC.NextBoundaryInString puts
// them. ASCII letters fold by table, eight at a time; runs of characters
// that are segments in NFC and fold to themselves or, Latin letters, by
// table go through plainRun; other segments go through NFC and
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
			keepInner: buf.keepInner, keepAt: b.gapAt, keepDeltaTo: b.gapTo, keepBreaks: b.breaks}
		return buf
	}
	b.t = slices.Grow(b.t, n+n/8+4)
	b.inner = slices.Grow(buf.keepInner[:0], n/64+1)[:n/64+1]
	clear(b.inner)
	b.room(0)
	var (
		fold     cases.Caser
		haveFold bool
		scratch  []byte
	)
	for i := 0; i < n; {
		// A run of ASCII characters each followed by another is a run
		// of one-byte segments: no composition involves ASCII as a
		// second character.
		k := n
		if j := asciiEnd(text, i); j < n {
			k = max(i, j-1)
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
		if j := b.plainRun(text, i); j > i {
			i = j
			continue
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
						b.shift(i)
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
		b.shift(i)
		if plain {
			b.t = append(b.t, seg...)
		} else {
			if !haveFold {
				fold, haveFold = cases.Fold(), true
			}
			if r, ok := composeLatin(seg); ok {
				scratch = utf8.AppendRune(scratch[:0], r)
			} else {
				scratch = norm.NFC.AppendString(scratch[:0], seg)
			}
			b.t = appendFolded(b.t, scratch, fold)
		}
		if len(b.t) == start {
			// cases.Fold maps no character to nothing; kept for safety
			b.t = append(b.t, seg...)
		}
		b.space = false
		// A token may be shorter than its segment (NFC composes
		// decomposed text) or longer (İ folds to i and a dot): the
		// shift before the next token records the difference.
		b.room(n - i)
		for q := start + 1; q < len(b.t); q++ {
			b.inner[q/64] |= 1 << (q % 64)
		}
		i += size
	}
	b.shift(n)
	b.room(0)
	*buf = foldedText{text: text, t: b.t, inner: b.inner, gapAt: b.gapAt, gapDelta: b.gapTo, breaks: b.breaks,
		keepInner: b.inner, keepAt: b.gapAt, keepDeltaTo: b.gapTo, keepBreaks: b.breaks}
	return buf
}

// room makes t hold extra bytes more without growing, and inner cover
// every byte t can hold.
func (b *folder) room(extra int) {
	if cap(b.t)-len(b.t) < extra {
		b.t = slices.Grow(b.t, extra)
	}
	if need := cap(b.t)/64 + 1; need > len(b.inner) {
		b.inner = append(b.inner, make([]uint64, need-len(b.inner))...)
	}
}
