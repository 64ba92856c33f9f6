package glossary

// run3 is quickRun for the scripts of three-byte characters (Thai, Lao,
// Burmese, Khmer, Han, Vietnamese in lower case), in a loop small enough
// for the registers: starters that starter3 knows, each followed by the
// marks mark3 knows in canonical order, at most eight; a single space
// before a character aloneAfterSpace knows. It must be called where a
// segment starts; space tells whether t ends with a space. It stops
// where a segment starts: before a character it does not know, backing
// off the segment before it, which may go on with it, or before ASCII
// other than such a space. It returns where it stopped in the text and
// in t, and whether t then ends with a space.
func (b *folder) run3(text string, i int, t []byte, k int, space bool) (int, int, bool) {
	n, inner := len(text), b.inner
	k0 := k
	// last is the combining class of the last character of the segment
	// read last, marks the number of its marks; no segment yet: 255.
	last, marks := uint8(255), 0
	for i < n-2 && k < len(t)-2 {
		c, c1, c2 := text[i], text[i+1], text[i+2]
		if c == ' ' {
			if space || !aloneAfterSpace(text, i+1) {
				break
			}
			b.runAt, b.runLF = k, 0
			t[k] = ' '
			i, k, space = i+1, k+1, true
			last = 255
			continue
		}
		if c < 0xE0 || c >= 0xF0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			break
		}
		if c == 0xE2 && c1 == 0x80 && c2 == 0x8B && i+6 <= n && starter3(decodeRune3(text[i+3:])) {
			// U+200B ZERO WIDTH SPACE, which Khmer, Lao and Burmese
			// put between words, before a character that nothing
			// joins it to: ignorable, dropped.
			i += 3
			b.shiftTo(i, k)
			last = 255
			continue
		}
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		switch {
		case r < 0x800:
			goto stop
		case starter3(r):
			last, marks = 0, 0
		default:
			m := mark3(r)
			if m == 0 || last == 255 {
				goto stop
			}
			if ccc := m - 1; ccc != 0 && ccc < last || marks == 8 {
				goto stop // out of canonical order, or too many
			}
			last, marks = m-1, marks+1
			inner[uint(k)/64] |= 1 << (uint(k) % 64) // inside the segment
		}
		space = false
		t[k], t[k+1], t[k+2] = c, c1, c2
		if q := uint(k + 1); q%64 != 63 {
			inner[q/64] |= 3 << (q % 64)
		} else {
			inner[q/64] |= 1 << 63
			inner[q/64+1] |= 1
		}
		i, k = i+3, k+3
	}
stop:
	dropped := len(b.gapAt) > 0 && int(b.gapAt[len(b.gapAt)-1]) == k
	if k == k0 || i == n || text[i] < 0x80 || space || dropped {
		// Nothing read, ASCII next, which joins no segment, or a
		// space or a zero width space before a character nothing
		// joins.
		return i, k, space
	}
	// What follows may belong to the segment read last: back off to its
	// starter, every token since the last space three bytes.
	q := k
	for q > k0 {
		q -= 3
		if starter3(rune(t[q]&0x0F)<<12 | rune(t[q+1]&0x3F)<<6 | rune(t[q+2]&0x3F)) {
			break
		}
	}
	for p := uint(q); p < uint(k); p++ {
		inner[p/64] &^= 1 << (p % 64)
	}
	return i - (k - q), q, q > 0 && t[q-1] == ' ' && b.runAt == q-1
}

// decodeRune3 decodes the three-byte character s starts with, or returns
// 0 when it does not start with one.
func decodeRune3(s string) rune {
	if len(s) < 3 || s[0] < 0xE0 || s[0] >= 0xF0 || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 {
		return 0
	}
	return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
}
