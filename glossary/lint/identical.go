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
// compared by weakPrefix, then by weakHash, which need no normalization,
// then by blockHash, and script.Untranslated confirms each block the
// hashes pair. Each hash is taken only of the blocks that passed the one
// before.
func (pr *pair) untranslated() []Finding {
	if pr.sl.code == pr.tl.code {
		return nil
	}
	src, tgt := pr.src, pr.tgt
	so := pr.so
	if so == nil {
		so = &source{page: src, ld: pr.sl}
	}
	byPrefix := so.prefixBlocks()
	weak, strong := map[int]uint64{}, map[int]uint64{}
	// hashOf returns hash of source block i, remembered in m.
	hashOf := func(m map[int]uint64, hash func(string) uint64, i int) uint64 {
		h, ok := m[i]
		if !ok {
			sb := src.blocks[i]
			h = hash(src.doc.Text[sb.start:sb.end])
			m[i] = h
		}
		return h
	}
	var out []Finding
	for _, b := range tgt.blocks {
		if b.kind == code {
			continue
		}
		t := tgt.doc.Text[b.start:b.end]
		cands := byPrefix[weakPrefix(t)]
		if len(cands) == 0 {
			continue
		}
		tw := weakHash(t)
		var th uint64
		thDone := false
		for _, i := range cands {
			if hashOf(weak, weakHash, i) != tw {
				continue
			}
			if !thDone {
				th, thDone = blockHash(t), true
			}
			if hashOf(strong, blockHash, i) != th {
				continue
			}
			sb := src.blocks[i]
			// the first source block alike is the one to name; if
			// script does not count it as untranslated (names only),
			// no other block alike counts either
			if len(script.Untranslated(src.doc.Text[sb.start:sb.end], t, pr.sl.code, pr.tl.code)) == 0 {
				break
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

// isASCII reports whether s holds ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
