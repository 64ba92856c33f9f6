package lint

import (
	"fmt"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/script"
	"golang.org/x/text/unicode/norm"
)

// untranslated reports the blocks of the translation that repeat a block
// of the source unchanged, as script.Untranslated judges them; Related
// spans that source block.
//
// script.Untranslated compares paragraphs in NFC; putting every block in
// NFC would cost more than the rest of the check. Blocks are first
// compared by weakHash, which needs no normalization, then by blockHash,
// and script.Untranslated confirms each block both hashes pair.
func (pr *pair) untranslated() []Finding {
	if pr.sl.code == pr.tl.code {
		return nil
	}
	src, tgt := pr.src, pr.tgt
	seen := make(map[uint64][]int, len(src.blocks))
	for i, b := range src.blocks {
		if b.kind != code {
			h := weakHash(src.doc.Text[b.start:b.end])
			seen[h] = append(seen[h], i)
		}
	}
	strong := map[int]uint64{}
	var out []Finding
	for _, b := range tgt.blocks {
		if b.kind == code {
			continue
		}
		t := tgt.doc.Text[b.start:b.end]
		cands := seen[weakHash(t)]
		if len(cands) == 0 {
			continue
		}
		th := blockHash(t)
		for _, i := range cands {
			sb := src.blocks[i]
			sh, ok := strong[i]
			if !ok {
				sh = blockHash(src.doc.Text[sb.start:sb.end])
				strong[i] = sh
			}
			if sh != th || len(script.Untranslated(src.doc.Text[sb.start:sb.end], t, pr.sl.code, pr.tl.code)) == 0 {
				continue
			}
			line, _ := src.pos(sb.start)
			f := pr.l.finding(ScriptWrong, tgt, b.start, b.end,
				fmt.Sprintf("paragraph identical to the source paragraph at line %d: left untranslated", line))
			rel := src.loc(sb.start, sb.end)
			f.Related = &rel
			out = append(out, f)
			break
		}
	}
	return out
}

// fnv64 steps the 64-bit FNV-1a hash over the bytes of r.
func fnv64(h uint64, r rune) uint64 {
	const prime = 1099511628211
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * prime
	}
	for k := 0; k < 24; k += 8 {
		h = (h ^ uint64(r>>k&0xFF)) * prime
	}
	return h
}

const fnvBasis = 14695981039346656037

// blockHash hashes a paragraph as script.Untranslated compares
// paragraphs: in NFC, trimmed, each run of blank characters one space,
// invalid bytes read as U+FFFD.
func blockHash(s string) uint64 {
	if !isASCII(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	h := uint64(fnvBasis)
	space, started := false, false
	for _, r := range s {
		if r == ' ' || r >= '\t' && r <= '\r' || r >= utf8.RuneSelf && isBlankRune(r) {
			space = true
			continue
		}
		if space && started {
			h = fnv64(h, ' ')
		}
		space, started = false, true
		h = fnv64(h, r)
	}
	return h
}

// weakHash hashes what of a paragraph no normalization changes: ASCII
// characters not followed by a non-ASCII one (which may combine with
// them), the letters of stable runs of the scripts of South-East Asia and
// of Han (stableRune), and where blank runs separate them. Paragraphs
// with equal blockHash have equal weakHash: whatever NFC changes is left
// out, save three characters it turns into ASCII, read as that ASCII.
func weakHash(s string) uint64 {
	h := uint64(fnvBasis)
	space, started := false, false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			i++
			if c == ' ' || c >= '\t' && c <= '\r' {
				space = true
				continue
			}
			if i < len(s) && s[i] >= utf8.RuneSelf && !asciiAfter(s[i:]) {
				continue // may combine with what follows
			}
			r = rune(c)
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// three bytes, decoded inline: most characters of the
			// scripts of South-East Asia and Han
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
			if !stableRune(r) {
				if r = weakRune(r); r < 0 {
					space = space || r == -2
					continue
				}
			}
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if r = weakRune(r); r < 0 {
				space = space || r == -2
				continue
			}
		}
		if space && started {
			h = fnv64(h, ' ')
		}
		space, started = false, true
		h = fnv64(h, r)
	}
	return h
}

// weakRune returns what weakHash keeps of a character that is not ASCII:
// the ASCII character NFC makes of it, the character itself when it is
// stable, -2 for a blank, -1 for nothing.
func weakRune(r rune) rune {
	switch {
	case r == 0x037E:
		return ';'
	case r == 0x1FEF:
		return '`'
	case r == 0x212A:
		return 'K'
	case stableRune(r):
		return r
	case isBlankRune(r):
		return -2
	}
	return -1
}

// asciiAfter reports whether s starts with a character after which an
// ASCII character is kept by weakHash: a blank, or one NFC turns into
// ASCII.
func asciiAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 0x037E || r == 0x1FEF || r == 0x212A || isBlankRune(r)
}

// stableRune reports letters that NFC never changes, never composes with
// a neighbour and never makes from another character: the consonants of
// Thai, Lao, Khmer and Burmese and the unified Han ideographs.
func stableRune(r rune) bool {
	switch {
	case r >= 0x0E01 && r <= 0x0E2E, // Thai consonants
		r >= 0x0E81 && r <= 0x0EAE, // Lao consonants
		r >= 0x1780 && r <= 0x17A2, // Khmer consonants
		r >= 0x1000 && r <= 0x1020, // Burmese consonants
		r >= 0x4E00 && r <= 0x9FFF: // Han
		return true
	}
	return false
}

// isASCII reports whether s holds ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
