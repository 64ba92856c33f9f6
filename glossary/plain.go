package glossary

// plainRun appends the tokens of the characters from text[i] on for as
// long as each token is its segment unchanged but for case, folded to
// as many bytes: t then goes on lining up with the text. That holds for
// the characters nfcClass knows, in canonical order, when they fold to
// themselves (foldsToItself) or by foldSameSize, and for ASCII letters,
// digits and signs; a single space between two ASCII characters that
// are not whitespace is a run of whitespace of its own. It stops before
// anything else: other whitespace, ignorable characters, characters it
// does not know and the segment they may belong to, Latin combining
// marks (which NFC composes) and the segment they belong to. It returns
// where it stopped; the caller reads on from there segment by segment.
//
// It must be called while t lines up with the text, where a segment
// starts.
func (b *folder) plainRun(text string, i int) int {
	n := len(text)
	b.shift(i)
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
		c := text[i]
		if c < 0x80 {
			if i+8 <= n && load64(text[i:])&high == 0 {
				goto done // eight ASCII characters: the caller is quicker
			}
			switch {
			case c == ' ':
				if space || i+1 == n || text[i+1] <= ' ' || text[i+1] >= 0x80 {
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
