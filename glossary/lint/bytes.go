package lint

// Byte tests for the quick passes over a text, some eight bytes at a
// time.

// digitOrLead has the high bit of each byte of w set where that byte is
// an ASCII digit or 0xCA or above: the first byte of a character from
// U+0280 on, or no byte of UTF-8.
func digitOrLead(w uint64) uint64 {
	const ones, high, low = 0x0101010101010101, 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	x := w & low // no carries cross bytes below 0x80
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) &^ w
	lead := (x + (0x80-0x4A)*ones) & w // 0xCA and above
	return (digit | lead) & high
}

// zeroBytes has the high bit of each byte of w set where that byte is
// zero, and no other bit.
func zeroBytes(w uint64) uint64 {
	const high, low = 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	return ^((w&low + low) | w) & high
}

// load64 reads the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isSpaceByte reports ASCII white space.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
