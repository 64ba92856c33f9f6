package lint

import (
	"fmt"
	"math/big"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/numbers"
)

// Numbers are read only around digits: a window reaches numBefore bytes
// before the first digit of a run and numAfter bytes after its last, far
// enough for every word the number reader looks at before a number (the
// 32 bytes it puts in NFC to find "tháng", "ร้อยละ", "pukul", a first time
// "06.30 dan") and after it (its 48-byte window for "หมื่นล้าน",
// "เปอร์เซ็นต์", "pm", "世纪 60 年代", after a space); a start in a run of
// spaces moves back over the run. Most of a text holds no digit and is
// never read.
const (
	numBefore = 36
	numAfter  = 56
)

// digitTable marks the blocks of 16 code points of the Basic
// Multilingual Plane that hold a decimal digit (Unicode Nd).
type digitTable [4096 / 64]uint64

func newDigitTable() *digitTable {
	var t digitTable
	for _, rg := range unicode.Nd.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			t[r>>10] |= 1 << ((r >> 4) & 63)
		}
	}
	return &t
}

// isDigit reports whether r is a decimal digit of any script.
func (t *digitTable) isDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	if r < 0x10000 && t[r>>10]&(1<<((r>>4)&63)) == 0 {
		return false
	}
	return unicode.IsDigit(r)
}

// skip3 returns the offset of the first character from text[i] on that
// is not a valid three-byte sequence of a block without digits.
func (t *digitTable) skip3(text string, i int) int {
	for i+2 < len(text) {
		c0, c1, c2 := text[i], text[i+1], text[i+2]
		if c0 < 0xE0 || c0 >= 0xF0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			break
		}
		r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if t[r>>10]&(1<<((r>>4)&63)) != 0 {
			break
		}
		i += 3
	}
	return i
}

// windows returns the spans of text the number reader must see, in
// order and without overlap.
func (t *digitTable) windows(text string) [][2]int {
	var out [][2]int
	add := func(s, e int) {
		lo, hi := s-numBefore, e+numAfter
		if k := len(out) - 1; k >= 0 && lo <= out[k][1] {
			out[k][1] = hi
			return
		}
		out = append(out, [2]int{lo, hi})
	}
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// eight bytes at a time past those that are neither
			// digits nor the first bytes of characters from U+0280 on:
			// ASCII, Latin letters of two bytes and the continuation
			// bytes of any character, none of them a digit
			m := digitOrLead(load64(text[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			if c-'0' < 10 {
				add(i, i+1)
			}
			i++
		case c == 0xE1 && i+2 < len(text) && text[i+1]-0xB8 < 4 && text[i+2]&0xC0 == 0x80:
			i += 3 // Latin Extended Additional: Vietnamese letters
		case c >= 0xE0 && c < 0xF0 && i+2 < len(text):
			// three bytes, decoded inline: most characters of the
			// scripts of South-East Asia, read here in a row for as
			// long as they are not in a block that holds digits
			i = t.skip3(text, i)
			if i+2 >= len(text) || text[i] < 0xE0 || text[i] >= 0xF0 {
				continue
			}
			r := rune(text[i]&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			if t[r>>10]&(1<<((r>>4)&63)) != 0 && utf8.ValidString(text[i:i+3]) && unicode.IsDigit(r) {
				add(i, i+3)
			}
			i += 3
			if text[i-2]&0xC0 != 0x80 || text[i-1]&0xC0 != 0x80 {
				i -= 2 // not a valid sequence: go on after its first byte
			}
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if t.isDigit(r) {
				add(i, i+n)
			}
			i += n
		}
	}
	for k := range out {
		out[k][0], out[k][1] = snapStart(text, out[k][0]), snapEnd(text, out[k][1])
	}
	// snapping may join neighbours
	merged := out[:0]
	for _, w := range out {
		if k := len(merged) - 1; k >= 0 && w[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

// snapStart moves a window start back to a character boundary; where it
// falls in a run of spaces (or no-break spaces), back over the run and
// numBefore bytes more, for the word before the run.
func snapStart(text string, lo int) int {
	if lo <= 0 {
		return 0
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	moved := false
	for lo > 0 {
		switch {
		case isSpaceByte(text[lo-1]):
			lo--
		case lo > 1 && text[lo-2] == 0xC2 && text[lo-1] == 0xA0: // no-break space
			lo -= 2
		default:
			if moved && lo > 0 {
				return snapStart(text, max(0, lo-numBefore))
			}
			return lo
		}
		moved = true
	}
	return lo
}

// snapEnd moves a window end forward to a character boundary.
func snapEnd(text string, hi int) int {
	if hi >= len(text) {
		return len(text)
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return hi
}

// extract returns the numbers written with digits in text, read by the
// language's conventions, reading only the windows around digits.
// Numbers in English words are left out: a comparison never requires
// them.
func (l *Linter) extract(ld *langData, text string) []numbers.Number {
	var out []numbers.Number
	for _, w := range l.digits.windows(text) {
		for _, n := range ld.reader.Extract(text[w[0]:w[1]]) {
			if n.Spelled {
				continue
			}
			n.Start += w[0]
			n.End += w[0]
			n.Line, n.Col = 0, 0
			out = append(out, n)
		}
	}
	return out
}

// numbers reports the numbers of the source missing from the translation
// (numbers.CompareNumbers, each number read by its own language's
// conventions). A missing number is "changed" when the target blocks
// aligned with its source block hold a number that the source lacks:
// the finding is then located at that number. Otherwise it is located
// at those blocks, and Related points at the source number.
func (pr *pair) numbers() []Finding {
	l := pr.l
	sn := pr.sourceNumbers()
	if len(sn) == 0 {
		return nil
	}
	tn := l.extract(pr.tl, pr.tgt.doc.Text)
	opts := numbers.Options{Extra: true}
	ms := numbers.CompareNumbers(sn, pr.sl.code, tn, pr.tl.code, opts)
	if pr.tl.reader.Lang() == "en" && hasMissing(ms) {
		// English numbers in words may stand for digits of the source.
		ms = numbers.CompareNumbers(sn, pr.sl.code, pr.tl.reader.Extract(pr.tgt.doc.Text), pr.tl.code, opts)
	}
	var extra []numbers.Number
	for _, m := range ms {
		if m.Kind == numbers.Extra && !m.Number.Spelled {
			extra = append(extra, m.Number)
		}
	}
	used := make([]bool, len(extra))
	var out []Finding
	for _, m := range ms {
		if m.Kind != numbers.Missing {
			continue
		}
		n := m.Number
		rel := pr.src.loc(n.Start, n.End)
		t0, t1 := pr.targetBlocks(pr.src.blockAt(n.Start))
		var f Finding
		k := 0
		for ; k < len(extra); k++ {
			if b := pr.tgt.blockAt(extra[k].Start); !used[k] && b >= t0 && b < t1 {
				break
			}
		}
		if k < len(extra) {
			used[k] = true
			e := extra[k]
			f = l.finding(NumberMismatch, pr.tgt, e.Start, e.End,
				fmt.Sprintf("number %s of the source is changed to %s in the translation", numberText(n), numberText(e)))
		} else {
			start, end := pr.targetSpan(pr.src.blockAt(n.Start))
			f = l.finding(NumberMismatch, pr.tgt, start, end,
				fmt.Sprintf("number %s of the source is missing from the translation", numberText(n)))
		}
		f.Related = &rel
		out = append(out, f)
	}
	return out
}

// sourceNumbers returns the numbers of the source written with digits.
func (pr *pair) sourceNumbers() []numbers.Number {
	if pr.so != nil {
		return pr.so.digitNumbers(pr.l)
	}
	return pr.l.extract(pr.sl, pr.src.doc.Text)
}

func hasMissing(ms []numbers.Mismatch) bool {
	for _, m := range ms {
		if m.Kind == numbers.Missing {
			return true
		}
	}
	return false
}

// numberText quotes a number as written, with its value when that reads
// otherwise: "34,35 miliar" (34350000000), "2020".
func numberText(n numbers.Number) string {
	v := decimal(n.Value)
	if v == n.Raw {
		return fmt.Sprintf("%q", n.Raw)
	}
	return fmt.Sprintf("%q (%s)", n.Raw, v)
}

// decimal writes a value read from decimal digits exactly: "1234",
// "34.35".
func decimal(v *big.Rat) string {
	if v == nil {
		return "?"
	}
	if v.IsInt() {
		return v.Num().String()
	}
	p := big.NewInt(1)
	ten := big.NewInt(10)
	r := new(big.Int)
	for k := 1; k <= 64; k++ {
		p.Mul(p, ten)
		if r.Mod(p, v.Denom()).Sign() == 0 {
			return v.FloatString(k)
		}
	}
	return v.FloatString(12)
}
