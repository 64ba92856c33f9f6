package glossary

// plainRun appends the tokens of the characters from text[i] on for as
// long as each token is its segment unchanged but for case, folded to
// as many bytes, with no shift between t and the text. That holds for
// the characters nfcClass knows, in canonical order, when they fold to
// themselves (foldsToItself) or by foldSameSize, and for ASCII letters,
// digits and signs; a single space after a character that is not
// whitespace and before one aloneAfterSpace knows is a run of
// whitespace of its own. It stops before
// anything else: other whitespace, ignorable characters, characters it
// does not know and the segment they may belong to, Latin combining
// marks (which NFC composes) and the segment they belong to. It returns
// where it stopped; the caller reads on from there segment by segment.
// It must be called where a segment starts.
func (b *folder) plainRun(text string, i int) int {
	n := len(text)
	b.shift(i)
	b.room(n - i + 8)
	t := b.t
	k := len(t)
	t = t[:cap(t)]
	space := b.space
	// seg and segK are where the current segment starts in the text and
	// in t (seg is -1 before the first); marks counts its combining
	// characters, last is the combining class of its last character and
	// prev that character.
	seg, segK, marks := -1, k, 0
	last, prev := uint8(0), rune(0)
	for i < n && k+4 <= len(t) {
		// The common cases first, in loops of their own: Latin text,
		// then characters that are segments alone and change by ASCII
		// case at most.
		if c := text[i]; c >= 0xCA && c != 0xE1 && c != 0xE2 {
			// not Latin: straight to quickRun
		} else if j, q, sp := b.latinRun(text, i, t, k, space); j > i {
			i, k, space = j, q, sp
			seg, segK, marks, last, prev = -1, k, 0, 0, 0
			if i == n || k+4 > len(t) {
				break
			}
		}
		if c := text[i]; c >= 0xE0 && c < 0xF0 {
			if j, q, sp := b.run3(text, i, t, k, space); j > i {
				i, k, space = j, q, sp
				seg, segK, marks, last, prev = -1, k, 0, 0, 0
				if i == n || k+4 > len(t) {
					break
				}
			}
		}
		if j, q, sp := b.quickRun(text, i, t, k, space); j > i {
			// it stops where a segment starts
			i, k, space = j, q, sp
			seg, segK, marks, last, prev = -1, k, 0, 0, 0
			if i == n || k+4 > len(t) {
				break
			}
		}
		c := text[i]
		if c < 0x80 {
			if i+8 <= n && load64(text[i:])&high == 0 {
				goto done // eight ASCII characters: the caller is quicker
			}
			switch {
			case c == ' ':
				if space || !aloneAfterSpace(text, i+1) {
					goto done
				}
				b.runAt, b.runLF = k, 0
				space = true
			case c-'\t' < 5:
				goto done
			case c-'A' < 26:
				c += 'a' - 'A'
				space = false
			default:
				space = false
			}
			seg, segK, marks, last, prev = i, k, 0, 0, rune(c)
			t[k] = c
			i, k = i+1, k+1
			continue
		}
		r, size := decodeRune(text[i:])
		starter, ccc, known := nfcClass(r)
		switch {
		case !known || size == 1 || size == 4:
			// perhaps a mark of the segment before, or part of it
			goto undo
		case starter:
			if isSpaceRune(r) || isIgnorable(r) {
				goto done
			}
			if !foldsToItself(r) {
				f, ok := foldSameSize(r)
				if !ok {
					goto done
				}
				r = f
			}
			seg, segK, marks, last, prev = i, k, 0, 0, r
			if size == 2 {
				t[k], t[k+1] = byte(0xC0|r>>6), byte(0x80|r&0x3F)
				b.inner[(k+1)/64] |= 1 << ((k + 1) % 64)
			} else {
				t[k], t[k+1], t[k+2] = byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F)
				b.inner[(k+1)/64] |= 1 << ((k + 1) % 64)
				b.inner[(k+2)/64] |= 1 << ((k + 2) % 64)
			}
		default:
			// A mark joins the segment; it must not start the run,
			// compose (U+1025 U+102E), come out of canonical order,
			// make the segment long or fold to something else.
			if seg < 0 || ccc == 0 && prev == 0x1025 || ccc != 0 && ccc < last || marks == 8 || !foldsToItself(r) {
				goto undo
			}
			marks, last, prev = marks+1, ccc, r
			for q := k; q < k+size; q++ {
				t[q] = text[i+q-k]
				b.inner[q/64] |= 1 << (q % 64)
			}
		}
		space = false
		i, k = i+size, k+size
	}
	goto done
undo:
	// Leave the segment read last to the caller.
	if seg >= 0 {
		for q := segK; q < k; q++ {
			b.inner[q/64] &^= 1 << (q % 64)
		}
		i, k = seg, segK
		space = false
		if k > 0 && t[k-1] == ' ' && b.runAt == k-1 {
			space = true
		}
	}
done:
	b.t, b.space = t[:k], space
	return i
}

// quickRun appends to t, from t[k], the tokens of the segments from
// text[i] on for as long as each reads as it is but for ASCII case: a
// starter (ASCII, starter3, a Latin letter that folds to itself) and the
// marks mark3 knows after it in canonical order, or a single space
// before a character aloneAfterSpace knows. It stops where a segment starts: before one
// it cannot read so, or at a space that eight ASCII characters in a row
// start. space
// tells whether t ends with a space. It returns where it stopped in the
// text and in t, and whether t then ends with a space.
func (b *folder) quickRun(text string, i int, t []byte, k int, space bool) (int, int, bool) {
	n, inner := len(text), b.inner
	// segI and segK are where the segment read last starts.
	segI, segK := -1, -1
	for i+3 <= n {
		c := text[i]
		if c < 0x80 {
			if c == ' ' {
				// Eight ASCII characters from a space on go back to
				// the caller, which is quicker with them.
				if space || !aloneAfterSpace(text, i+1) || i+8 <= n && load64(text[i:])&high == 0 {
					return i, k, space
				}
				b.runAt, b.runLF = k, 0
				space = true
			} else {
				if c-'\t' < 5 {
					return i, k, space
				}
				if c-'A' < 26 {
					c += 'a' - 'A'
				}
				space = false
			}
			t[k] = c
			segI, segK = i, k
			i, k = i+1, k+1
			continue
		}
		c1 := text[i+1]
		if c < 0xE0 {
			r := rune(c&0x1F)<<6 | rune(c1&0x3F)
			if c < 0xC2 || c1&0xC0 != 0x80 {
				break // not valid: perhaps part of the segment before
			}
			if r >= 0x300 || r == 0xA0 || !foldsToItself(r) {
				if r < 0x300 {
					return i, k, space // starts a segment
				}
				break
			}
			t[k], t[k+1] = c, c1
			inner[(k+1)/64] |= 1 << ((k + 1) % 64)
			segI, segK = i, k
			i, k, space = i+2, k+2, false
			continue
		}
		c2 := text[i+2]
		if c >= 0xF0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if r >= 0x800 && starter3(r) {
			t[k], t[k+1], t[k+2] = c, c1, c2
			inner[(k+1)/64] |= 1 << ((k + 1) % 64)
			inner[(k+2)/64] |= 1 << ((k + 2) % 64)
			segI, segK = i, k
			i, k, space = i+3, k+3, false
			continue
		}
		// a mark joins the segment read last, in canonical order, at
		// most eight of them
		m := mark3(r)
		if m == 0 || segI < 0 {
			if starter, _, known := nfcClass(r); known && starter && r >= 0x800 {
				return i, k, space
			}
			break
		}
		last, marks := uint8(0), 0
		for {
			if ccc := m - 1; ccc != 0 && ccc < last || marks == 8 {
				goto undo
			}
			t[k], t[k+1], t[k+2] = c, c1, c2
			inner[k/64] |= 1 << (k % 64)
			inner[(k+1)/64] |= 1 << ((k + 1) % 64)
			inner[(k+2)/64] |= 1 << ((k + 2) % 64)
			last, marks = m-1, marks+1
			i, k = i+3, k+3
			if i+3 > n {
				break
			}
			c, c1, c2 = text[i], text[i+1], text[i+2]
			if c < 0xE0 || c >= 0xF0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
				break
			}
			if m = mark3(rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)); m == 0 {
				break
			}
		}
		space = false
	}
	if segI < 0 || i == n || text[i] < 0x80 {
		return i, k, space
	}
undo:
	// What follows may belong to the segment read last: leave that to
	// the caller.
	for q := segK; q < k; q++ {
		inner[q/64] &^= 1 << (q % 64)
	}
	i, k = segI, segK
	return i, k, k > 0 && t[k-1] == ' ' && b.runAt == k-1
}

// mark3 returns, for the combining marks of three bytes that fold to
// themselves and compose with nothing before them (save U+102E, which
// composes with U+1025 alone, and starter3 leaves U+1025 out), their
// combining class plus one; 0 for other characters.
func mark3(r rune) uint8 {
	switch r {
	case 0x0E38, 0x0E39: // Thai
		return 103 + 1
	case 0x0E48, 0x0E49, 0x0E4A, 0x0E4B:
		return 107 + 1
	case 0x0EB8, 0x0EB9: // Lao
		return 118 + 1
	case 0x0EC8, 0x0EC9, 0x0ECA, 0x0ECB:
		return 122 + 1
	case 0x0E3A, 0x0EBA, 0x1039, 0x103A, 0x17D2: // viramas
		return 9 + 1
	case 0x102E:
		return 0 + 1
	case 0x1037:
		return 7 + 1
	case 0x108D:
		return 220 + 1
	case 0x17DD:
		return 230 + 1
	}
	return 0
}

// starter3 reports characters of three bytes that are in NFC alone,
// start a normalization segment, compose with nothing before them, fold
// to themselves and are neither whitespace nor ignorable: most of the
// Thai, Lao, Burmese, Khmer and Han blocks, lower-case Vietnamese,
// punctuation. It may answer false for others.
func starter3(r rune) bool {
	switch r >> 7 { // blocks of 128 characters
	case 0x0E00 >> 7, 0x0E80 >> 7: // Thai, Lao: all but the marks
		o := r & 0x7F
		return o < 0x38 || o > 0x3A && o < 0x48 || o > 0x4B
	case 0x1000 >> 7, 0x1080 >> 7: // Myanmar
		switch r {
		case 0x1025, 0x102E, 0x1037, 0x1039, 0x103A, 0x108D:
			return false
		}
		return r <= 0x109F
	case 0x1780 >> 7: // Khmer
		return r != 0x17D2 && r != 0x17DD
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF: // Han
		return true
	case r >= 0x1EA0 && r <= 0x1EFF, r >= 0x1E00 && r <= 0x1E95: // Vietnamese, lower case
		return r&1 == 1
	case r >= 0x200C && r <= 0x2027, r >= 0x2030 && r <= 0x205E, // punctuation
		r >= 0x3001 && r <= 0x3029, r >= 0x3030 && r <= 0x3098, r >= 0x309B && r <= 0x30FF, // CJK, kana
		r >= 0xFF01 && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF9D: // fullwidth
		return true
	}
	return false
}
