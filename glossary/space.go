package glossary

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Whitespace and invisible characters, as matching reads them: a run of
// whitespace is one space, and the ignorable characters are not there.

// isIgnorable reports the characters matching skips: U+200B ZERO WIDTH
// SPACE, U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE.
// U+200C and U+200D, which change how some scripts are drawn, are not
// among them.
func isIgnorable(r rune) bool { return r == 0x200B || r == 0x2060 || r == 0xFEFF }

// ignorableBytes reports whether a, b, c spell one of the ignorable
// characters in UTF-8.
func ignorableBytes(a, b, c byte) bool {
	return a == 0xE2 && (b == 0x80 && c == 0x8B || b == 0x81 && c == 0xA0) || a == 0xEF && b == 0xBB && c == 0xBF
}

// isSpaceRune is unicode.IsSpace with shortcuts for the common
// characters.
func isSpaceRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || uint32(r)-'\t' < 5
	case r < 0x1680:
		return r == 0x85 || r == 0xA0
	}
	return unicode.IsSpace(r)
}

// segKind classifies a normalization segment.
type segKind uint8

const (
	regularSeg   segKind = iota
	spaceSeg             // one whitespace character
	ignorableSeg         // one ignorable character
)

// kindOf classifies the normalization segment seg: one whitespace
// character, one ignorable character, or anything else.
func kindOf(seg string) segKind {
	c := seg[0]
	switch {
	case c < utf8.RuneSelf:
		if len(seg) == 1 && (c == ' ' || c-'\t' < 5) {
			return spaceSeg
		}
		return regularSeg
	case !spaceLead(seg):
		return regularSeg
	}
	r, n := utf8.DecodeRuneInString(seg)
	switch {
	case n != len(seg):
		return regularSeg
	case isIgnorable(r):
		return ignorableSeg
	case isSpaceRune(r):
		return spaceSeg
	}
	return regularSeg
}

// spaceLead reports whether seg, which does not start with ASCII, may
// start with a whitespace or ignorable character, by its first bytes:
// those start with C2, E1 9A, E2, E3 80 or EF BB. It rules out most
// segments at little cost.
func spaceLead(seg string) bool {
	switch seg[0] {
	case 0xC2, 0xE2, 0xEF:
		return true
	case 0xE1:
		return len(seg) > 1 && seg[1] == 0x9A
	case 0xE3:
		return len(seg) > 1 && seg[1] == 0x80
	}
	return false
}

// trimIgnorablesBefore returns end moved back over the ignorable
// characters just before it. end must be where a normalization segment
// starts: an ignorable character, which starts a segment, that ends
// there is a segment of its own.
func trimIgnorablesBefore(text string, end int) int {
	for end >= 3 && ignorableBytes(text[end-3], text[end-2], text[end-1]) {
		end -= 3
	}
	return end
}

// skipIgnorablesAfter returns start moved forward over the segments of
// one ignorable character at it; start must be where a segment starts.
// An ignorable character followed by a mark that combines with it is a
// segment like any other and stays.
func skipIgnorablesAfter(text string, start int) int {
	for start+3 <= len(text) && ignorableBytes(text[start], text[start+1], text[start+2]) {
		if start+3 < len(text) && text[start+3] >= utf8.RuneSelf &&
			norm.NFC.NextBoundaryInString(text[start:], true) != 3 {
			break
		}
		start += 3
	}
	return start
}

// keyMaker turns forms into the keys matching compares, reusing its
// buffers; it is not safe for concurrent use.
type keyMaker struct {
	buf   *foldedText
	exact []byte
}

// folded returns the key of form s: read as a text is (its segments in
// NFC and case-folded, ignorable characters dropped, a run of whitespace
// one space), without a space at either end.
func (k *keyMaker) folded(s string) string {
	k.buf = newFoldedText(s, k.buf)
	t := k.buf.t
	// A space token is one byte; a segment that starts with a space and
	// goes on with marks is not one.
	if len(t) > 0 && t[0] == ' ' && (len(t) == 1 || k.buf.origAt(1) >= 0) {
		t = t[1:]
	}
	if n := len(t); n > 0 && t[n-1] == ' ' && k.buf.origAt(len(k.buf.t)-1) >= 0 {
		t = t[:n-1]
	}
	k.buf.text = ""
	return string(t)
}

// exactKey returns the key of form s for a case-sensitive comparison:
// as folded, without the case folding.
func (k *keyMaker) exactKey(s string) string {
	b := k.exact[:0]
	space := false
	for i := 0; i < len(s); {
		n := norm.NFC.NextBoundaryInString(s[i:], true)
		if n <= 0 {
			n = len(s) - i
		}
		seg := s[i : i+n]
		i += n
		switch kindOf(seg) {
		case ignorableSeg:
			continue
		case spaceSeg:
			if !space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
		b = norm.NFC.AppendString(b, seg)
	}
	if space && len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	k.exact = b
	return string(b)
}

// aloneAfterSpace reports whether the character at text[j], after a
// space, ends the run of whitespace and starts a segment that nothing
// before it joins: an ASCII character that is neither whitespace nor a
// control, a valid two-byte character from U+00C0 to U+02FF (Latin
// letters and modifier letters), or one starter3 knows (Vietnamese
// letters such as "ở", Thai, Han). A space before it is then a segment
// and a run of whitespace of its own. It answers false at the end of
// the text and for any other character.
func aloneAfterSpace(text string, j int) bool {
	if j >= len(text) {
		return false
	}
	c := text[j]
	switch {
	case c < 0x80:
		return c > ' '
	case c >= 0xC3 && c <= 0xCB:
		return j+1 < len(text) && text[j+1]&0xC0 == 0x80
	case c >= 0xE0 && c < 0xF0:
		if j+2 >= len(text) || text[j+1]&0xC0 != 0x80 || text[j+2]&0xC0 != 0x80 {
			return false
		}
		r := rune(c&0x0F)<<12 | rune(text[j+1]&0x3F)<<6 | rune(text[j+2]&0x3F)
		return r >= 0x800 && starter3(r)
	}
	return false
}
