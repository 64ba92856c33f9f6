package glossary

// latinRun is quickRun for text in the Latin script, in a loop small
// enough for the registers: ASCII characters, the characters from
// U+0080 to U+027F that latinFold knows (accented letters, Latin-1
// signs), Latin Extended Additional (Vietnamese) and the punctuation of
// U+2010 to U+2027, each a segment of its own that NFC leaves alone and
// that folds to a character of as many bytes; a single space before a
// character aloneAfterSpace knows. It stops where a segment starts:
// before a character it does not know, backing off the segment before
// it, which may combine with it; before other whitespace and controls;
// at a space that eight ASCII characters in a row start. It returns where
// it stopped in the text and in t, and whether t then ends with a space.
func (b *folder) latinRun(text string, i int, t []byte, k int, space bool) (int, int, bool) {
	n, inner := len(text), b.inner
	if space && i < n && text[i] == ' ' {
		return i, k, space
	}
	k0 := k
	// A space is written only before a character that is not
	// whitespace: no space follows a space in the loop.
	for i < n-2 && k < len(t)-2 {
		c := text[i]
		if c < 0x80 {
			if c <= ' ' || c == 0x7F {
				if c != ' ' {
					break
				}
				if d := text[i+1]; d-('!') >= 0x80-'!' && !aloneAfterSpace(text, i+1) || i+8 <= n && load64(text[i:])&high == 0 {
					break
				}
				b.runAt, b.runLF = k, 0
			} else if c-'A' < 26 {
				c += 'a' - 'A'
			}
			t[k] = c
			i, k = i+1, k+1
			continue
		}
		c1 := text[i+1]
		if c < 0xCA {
			if c1&0xC0 != 0x80 || c < 0xC2 {
				break
			}
			f := latinFold[int(c&0x1F)<<6|int(c1&0x3F)]
			if f == 0 {
				break
			}
			t[k], t[k+1] = byte(0xC0|f>>6), byte(0x80|f&0x3F)
			q := uint(k + 1)
			inner[q/64] |= 1 << (q % 64)
			i, k = i+2, k+2
			continue
		}
		c2 := text[i+2]
		switch {
		case c == 0xE1 && c1-0xB8 < 4 && c2&0xC0 == 0x80:
			// U+1E00 to U+1EFF: upper and lower case alternate, lower
			// at odd, save U+1E96 to U+1E9F.
			if c1 == 0xBA && c2-0x96 < 10 {
				goto stop
			}
			c2 |= 1
		case c == 0xE2 && c1 == 0x80 && c2-0x90 < 0x18: // U+2010 to U+2027
		case (c == 0xCC || c == 0xCD) && k > k0 && t[k-1] != ' ':
			// Combining diacritics after the character read last:
			// decomposed Latin, which NFC composes.
			j, q, ok := b.composeRun(text, i, t, k)
			if !ok {
				goto stop
			}
			i, k = j, q
			continue
		default:
			goto stop
		}
		t[k], t[k+1], t[k+2] = c, c1, c2
		q := uint(k + 1)
		inner[q/64] |= 1 << (q % 64)
		q++
		inner[q/64] |= 1 << (q % 64)
		i, k = i+3, k+3
	}
stop:
	if k == k0 {
		return i, k, space
	}
	composed := len(b.gapAt) > 0 && int(b.gapAt[len(b.gapAt)-1]) == k
	if i < n && text[i] >= 0x80 && t[k-1] != ' ' && !composed {
		// What follows may belong to the segment read last, one
		// character: leave that to the caller. (Nothing joins a
		// composed one, which composeRun makes sure of.)
		q := k - 1
		for t[q]&0xC0 == 0x80 {
			inner[uint(q)/64] &^= 1 << (uint(q) % 64)
			q--
		}
		i, k = i-(k-q), q
	}
	return i, k, k > 0 && t[k-1] == ' ' && b.runAt == k-1
}

// composeRun reads the combining diacritics from text[i] on, which follow
// the character that latinRun wrote last, ending t[:k]: it writes the
// character NFC makes of the two in its place, case-folded, and notes
// the shift of t against the text that follows, when composeLatin knows
// the composition, the folded character is of two or three bytes and
// what follows cannot join the segment (the end of the text, ASCII or a
// character latinRun knows). It returns where it stopped in the text and
// in t, and whether it did.
func (b *folder) composeRun(text string, i int, t []byte, k int) (int, int, bool) {
	n, inner := len(text), b.inner
	q := k - 1
	for t[q]&0xC0 == 0x80 {
		q--
	}
	start := i - (k - q) // of the character written last
	j := i
	for j+1 < n && (text[j] == 0xCC || text[j] == 0xCD && text[j+1] < 0xB0) {
		j += 2
	}
	// The base, which latinRun read, is a valid character of one to
	// three bytes.
	var base rune
	switch c := text[start]; i - start {
	case 1:
		base = rune(c)
	case 2:
		base = rune(c&0x1F)<<6 | rune(text[start+1]&0x3F)
	default:
		base = rune(c&0x0F)<<12 | rune(text[start+1]&0x3F)<<6 | rune(text[start+2]&0x3F)
	}
	r, ok := composeMarks(base, text[i:j])
	if !ok || j < n && !latinStarter(text[j:]) {
		return i, k, false
	}
	switch {
	case r >= 0x80 && r < 0x280:
		f := rune(latinFold[r])
		if f == 0 {
			return i, k, false
		}
		t[q], t[q+1] = byte(0xC0|f>>6), byte(0x80|f&0x3F)
	case r >= 0x1E00 && r <= 0x1EFF && (r < 0x1E96 || r > 0x1E9F):
		r |= 1
		t[q], t[q+1], t[q+2] = 0xE1, byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F)
	default:
		return i, k, false
	}
	// The character written last took at most three bytes, the
	// composite takes two or three.
	p1, p2 := uint(q+1), uint(q+2)
	inner[p1/64] |= 1 << (p1 % 64)
	end := q + 2
	if t[q] == 0xE1 {
		end = q + 3
		inner[p2/64] |= 1 << (p2 % 64)
	} else {
		inner[p2/64] &^= 1 << (p2 % 64)
	}
	b.shiftTo(j, end)
	return j, end, true
}

// latinStarter reports whether s starts with a character that latinRun
// reads (the composition aside) and that nothing before it joins: ASCII,
// a character latinFold knows, one of Latin Extended Additional or of
// U+2010 to U+2027.
func latinStarter(s string) bool {
	c := s[0]
	switch {
	case c < 0x80:
		return true
	case len(s) < 2 || s[1]&0xC0 != 0x80:
		return false
	case c >= 0xC2 && c < 0xCA:
		return latinFold[int(c&0x1F)<<6|int(s[1]&0x3F)] != 0
	case len(s) < 3 || s[2]&0xC0 != 0x80:
		return false
	}
	return c == 0xE1 && s[1]-0xB8 < 4 || c == 0xE2 && s[1] == 0x80 && s[2]-0x90 < 0x18
}
