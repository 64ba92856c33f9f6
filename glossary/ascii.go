package glossary

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

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

// asciiEnd returns the offset of the first byte from i on that is not
// ASCII, or len(s).
func asciiEnd(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if x := load64(s[i:]) & high; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
	}
	return i
}

// load64 reads the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	ones uint64 = 0x0101010101010101 // 0x01 in every byte of a word
	high        = 0x80 * ones        // the high bit of every byte
	low         = 0x7F * ones        // the other bits
)

// foldWord lower-cases the eight ASCII bytes of w and turns the control
// characters that are whitespace (tab, line feed, vertical tab, form
// feed, carriage return) into spaces. spaces has the high bit of each
// byte set where the result is a space.
func foldWord(w uint64) (folded, spaces uint64) {
	// The high bit of each byte of a range mask is set where the byte
	// is in the range; bytes are below 0x80, so no carries cross them.
	upper := (w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones) & high
	ctl := (w + (0x80-'\t')*ones) &^ (w + (0x80-'\r'-1)*ones) & high
	w = (w|upper>>2)&^((ctl>>7)*0xFF) | ctl>>2
	x := w ^ ' '*ones // zero where w holds a space
	spaces = ^((x&low + low) | x | low)
	return w, spaces
}

// foldByte is foldWord for one byte.
func foldByte(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case c-'\t' < 5:
		return ' '
	}
	return c
}

// ascii appends the tokens of s, a run of ASCII characters each a
// segment of its own, found at offset at of the text: folded, a run of
// whitespace written as one space. Eight bytes at a time, save where a
// space follows a space or the shift against the text changes.
func (b *folder) ascii(s string, at int) {
	i := 0
	for i+8 <= len(s) {
		t, prev := b.t, uint64(0)
		if b.space {
			prev = 0x80
		}
		// The shift changes only where a space is dropped.
		n := i
		if at+i-len(t) == b.delta {
			n = len(s)
		}
		for ; i+8 <= n; i += 8 {
			w, sp := foldWord(load64(s[i:]))
			if sp&(sp<<8|prev) != 0 {
				break
			}
			t = binary.LittleEndian.AppendUint64(t, w)
			if prev = sp >> 63 << 7; prev != 0 {
				// A run of whitespace starts at the last byte.
				b.runAt, b.runLF = len(t)-1, 0
				if s[i+7] == '\n' {
					b.runLF = 1
				}
			}
		}
		b.t, b.space = t, prev != 0
		if i+8 <= len(s) {
			// A space follows a space, or the shift changes, within
			// the next eight bytes: take them one at a time.
			b.asciiBytes(s[i:i+8], at+i)
			i += 8
		}
	}
	b.asciiBytes(s[i:], at+i)
}

// asciiBytes is ascii one byte at a time.
func (b *folder) asciiBytes(s string, at int) {
	t, space := b.t, b.space
	for k := 0; k < len(s); k++ {
		c := foldByte(s[k])
		if c == ' ' {
			lf := 0
			if s[k] == '\n' {
				lf = 1
			}
			if space {
				b.extendRun(lf)
				continue
			}
			b.runAt, b.runLF = len(t), lf
		}
		space = c == ' '
		if at+k-len(t) != b.delta {
			b.t = t
			b.shift(at + k)
		}
		t = append(t, c)
	}
	b.t, b.space = t, space
}
