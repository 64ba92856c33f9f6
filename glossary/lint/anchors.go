package lint

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// anchor is what alignBlocks compares blocks by besides their length:
// their numbers and a hash of their text.
type anchor struct {
	numbers []string // the digit strings of the block, sorted
	same    uint64   // weakHash of the block, or a unique value
}

// blockAnchors returns the anchors of the blocks of p. A block's numbers
// are its runs of digits (of any script, as ASCII digits) with the
// separators between groups left out, so that "1,500" and "1.500" agree.
// Blocks without a letter or digit kept by weakHash get a hash no other
// block has.
func blockAnchors(p *page) []anchor {
	out := make([]anchor, len(p.blocks))
	empty := weakHash("")
	for i, b := range p.blocks {
		s := p.doc.Text[b.start:b.end]
		out[i].numbers = digitRuns(s)
		if out[i].same = weakHash(s); out[i].same == empty {
			out[i].same = uint64(i)<<32 | 0xFFFFFFFF
		}
	}
	return out
}

// digitRuns returns the numbers of s as strings of ASCII digits, sorted.
func digitRuns(s string) []string {
	var out []string
	var cur []byte
	sep := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if d, ok := digitOf(r); ok {
			cur = append(cur, byte('0'+d))
			sep = false
			continue
		}
		if (r == '.' || r == ',' || r == ' ') && len(cur) > 0 && !sep {
			sep = true
			continue
		}
		sep = false
		flush()
	}
	flush()
	sort.Strings(out)
	return out
}

// digitOf returns the value of a decimal digit of any script. Every
// range of unicode.Nd is made of whole runs of ten digits from a zero.
func digitOf(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < 0x660 {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// numberCost prices pairing blocks with the numbers a and b, both
// sorted: less the larger the share they have in common, more when both
// have numbers and share none.
func numberCost(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	if common == 0 {
		return costKind
	}
	return -costShared * float64(common) / float64(max(len(a), len(b)))
}

// mergeSorted appends to out the sorted lists x and y merged, sorted.
func mergeSorted(out, x, y []string) []string {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if y[j] < x[i] {
			out = append(out, y[j])
			j++
		} else {
			out = append(out, x[i])
			i++
		}
	}
	out = append(out, x[i:]...)
	return append(out, y[j:]...)
}

// blockLengths returns the length of each block in characters.
func blockLengths(p *page) []float64 {
	out := make([]float64, len(p.blocks))
	for i, b := range p.blocks {
		out[i] = float64(utf8.RuneCountInString(p.doc.Text[b.start:b.end]))
	}
	return out
}

// proportional links each source block with the target block at the same
// relative position.
func proportional(n, m int) []link {
	out := make([]link, n)
	for i := range n {
		t := i * m / n
		out[i] = link{i, i + 1, t, min(t+1, m)}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
