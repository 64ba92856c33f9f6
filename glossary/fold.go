package glossary

import (
	"slices"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// foldedText is a text split into normalization segments, each put in NFC
// and case-folded on its own and the results concatenated. Matching runs
// on the folded bytes; segment starts map back to the original text.
type foldedText struct {
	text string
	t    []byte // the folded segments, concatenated
	// orig[p] is the offset in text of the segment whose folded form
	// starts at t[p], or -1 where no segment starts; orig[len(t)] is
	// len(text). No segment folds to nothing, so each has its own start.
	// For a text of ASCII only, every byte is a segment and orig is nil.
	orig []int32
	keep []int32 // the storage of orig, kept for reuse
}

// origAt returns orig[p].
func (f *foldedText) origAt(p int) int {
	if f.orig == nil {
		return p
	}
	return int(f.orig[p])
}

// isASCII reports whether s holds ASCII characters only.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if (uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56)&0x8080808080808080 != 0 {
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

// newFoldedText splits and folds text. Segments end where
// norm.NFC.NextBoundaryInString puts them. ASCII letters fold by table;
// other segments go through NFC and cases.Fold, save those nfcSegment
// knows to be in NFC and to fold to themselves.
func newFoldedText(text string, buf *foldedText) *foldedText {
	n := len(text)
	if buf == nil {
		buf = &foldedText{}
	}
	t := buf.t[:0]
	if isASCII(text) {
		t = slices.Grow(t, n)[:n]
		for i := range n {
			c := text[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			t[i] = c
		}
		*buf = foldedText{text: text, t: t, orig: nil, keep: buf.keep}
		return buf
	}
	t = slices.Grow(t, n+n/8+4)
	orig := slices.Grow(buf.keep[:0], n+n/8+5)
	var fold cases.Caser
	haveFold := false
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
		for ; i < k; i++ {
			c := text[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			t = append(t, c)
			orig = append(orig, int32(i))
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
		orig = append(orig, int32(i))
		i += size
		if plain {
			t = append(t, seg...)
		} else {
			seg = norm.NFC.String(seg)
			if !haveFold {
				fold, haveFold = cases.Fold(), true
			}
			t = append(t, fold.String(seg)...)
		}
		if len(t) == start {
			// cases.Fold maps no character to nothing; kept for safety
			t = append(t, seg...)
		}
		for range len(t) - start - 1 {
			orig = append(orig, -1)
		}
	}
	orig = append(orig, int32(n))
	*buf = foldedText{text: text, t: t, orig: orig, keep: orig}
	return buf
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
