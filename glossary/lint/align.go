package lint

import (
	"math"
	"sort"
)

// pair is a source and its translation, prepared for the rules that
// compare them.
type pair struct {
	l        *Linter
	src, tgt *page
	sl, tl   *langData
	// so is the prepared source, nil in tests that build pairs by hand
	so *source
	// links align the blocks of the two texts, built on first use.
	links []link
	// linkOf maps a source block to the link that holds it.
	linkOf []int
	// aligned reports that the links come from alignBlocks; without it
	// they pair blocks by relative position only.
	aligned bool
}

// link pairs the source blocks [s0, s1) with the target blocks [t0, t1);
// one side may be empty.
type link struct{ s0, s1, t0, t1 int }

// blockAt returns the index of the block holding byte offset off, or of
// the last block before it; -1 when off precedes every block.
func (p *page) blockAt(off int) int {
	return sort.Search(len(p.blocks), func(i int) bool { return p.blocks[i].start > off }) - 1
}

// alignment builds the links once.
func (pr *pair) alignment() {
	if pr.linkOf != nil {
		return
	}
	n, m := len(pr.src.blocks), len(pr.tgt.blocks)
	switch {
	case n == m:
		pr.links, pr.aligned = make([]link, n), true
		for i := range n {
			pr.links[i] = link{i, i + 1, i, i + 1}
		}
	default:
		pr.links, pr.aligned = alignBlocks(pr.src, pr.tgt)
	}
	pr.linkOf = make([]int, n)
	for k, ln := range pr.links {
		for i := ln.s0; i < ln.s1; i++ {
			pr.linkOf[i] = k
		}
	}
}

// targetBlocks returns the target blocks [t0, t1) aligned with source
// block sb; the range is empty where the source block has no
// counterpart, t0 then being where it would stand.
func (pr *pair) targetBlocks(sb int) (int, int) {
	pr.alignment()
	if sb < 0 || len(pr.src.blocks) == 0 {
		return 0, min(1, len(pr.tgt.blocks))
	}
	ln := pr.links[pr.linkOf[sb]]
	return ln.t0, ln.t1
}

// targetSpan returns the span of the target blocks aligned with source
// block sb, or an empty span where they would stand.
func (pr *pair) targetSpan(sb int) (int, int) {
	t0, t1 := pr.targetBlocks(sb)
	bs := pr.tgt.blocks
	switch {
	case t0 < t1:
		return bs[t0].start, bs[t1-1].end
	case t0 > 0:
		return bs[t0-1].end, bs[t0-1].end
	case len(bs) > 0:
		return bs[0].start, bs[0].start
	}
	return 0, 0
}

// Costs of the alignment moves, in nats: minus the log of how often each
// occurs between a text and its translation (-ln 0.89, -ln 0.089 and
// -ln 0.0099, after Gale and Church), and the cost of pairing blocks of
// different kinds.
const (
	cost11    = 0.12
	costMerge = 2.4
	costGap   = 4.6
	costKind  = 3.0
	// a pair of blocks that share numbers costs up to costShared less,
	// one whose numbers differ costKind more, and identical blocks
	// costSame less
	costShared = 3.0
	costSame   = 8.0
	// the length part of the cost of a block without counterpart is
	// capped at costGapLength
	costGapLength = 3.0
	// variance of the target length per source character
	lengthVar = 6.8
	// maxCells bounds the alignment table.
	maxCells = 8 << 20
)

// alignBlocks aligns the blocks of two texts by length, as Gale and
// Church align sentences, with moves 1-1, 1-0, 0-1, 2-1 and 1-2: the
// length of a block of the translation is expected near the source's
// times the ratio of the two texts' lengths. Blocks of different kinds
// (a heading and a paragraph) pair at a cost, blocks sharing numbers or
// identical at a discount. A block missing from one side skews the
// ratio of the whole texts, so the ratio is taken again from the blocks
// the first alignment pairs one to one, and the texts aligned again.
// The table is searched in a band around the diagonal; texts too unequal
// for it get links by relative position, and false.
func alignBlocks(src, tgt *page) ([]link, bool) {
	a := &aligner{src: src, tgt: tgt, n: len(src.blocks), m: len(tgt.blocks)}
	a.w = abs(a.n-a.m) + 64
	if a.n == 0 || a.m == 0 || (a.n+1)*(2*a.w+1) > maxCells {
		return proportional(a.n, a.m), false
	}
	a.ls, a.lt = blockLengths(src), blockLengths(tgt)
	a.sa, a.ta = blockAnchors(src), blockAnchors(tgt)
	ratio := lengthRatio(a.ls, a.lt, nil)
	links, ok := a.run(ratio)
	if r := lengthRatio(a.ls, a.lt, links); ok && r > 0 && math.Abs(r/ratio-1) > 0.1 {
		links, ok = a.run(r)
	}
	return links, ok
}

// lengthRatio returns the ratio of the target's length to the source's:
// over all blocks without links, over the blocks linked one to one
// otherwise (0 when they hold less than a quarter of the source).
func lengthRatio(ls, lt []float64, links []link) float64 {
	var s, t, all float64
	for _, x := range ls {
		all += x
	}
	if links == nil {
		s = all
		for _, x := range lt {
			t += x
		}
	} else {
		for _, ln := range links {
			if ln.s1-ln.s0 == 1 && ln.t1-ln.t0 == 1 {
				s += ls[ln.s0]
				t += lt[ln.t0]
			}
		}
		if s < all/4 {
			return 0
		}
	}
	if s == 0 || t == 0 {
		return 1
	}
	return t / s
}

// aligner holds what alignBlocks compares.
type aligner struct {
	src, tgt *page
	n, m, w  int // block counts and the band's half width
	ls, lt   []float64
	sa, ta   []anchor
}

// run aligns the blocks for one length ratio.
func (a *aligner) run(ratio float64) ([]link, bool) {
	n, m, w := a.n, a.m, a.w
	ls, lt, sa, ta := a.ls, a.lt, a.sa, a.ta
	src, tgt := a.src, a.tgt
	// dp[i][j-lo(i)] is the least cost of aligning the first i source
	// blocks with the first j target blocks.
	lo := func(i int) int { return i*m/n - w }
	cost := make([]float64, (n+1)*(2*w+1))
	move := make([]uint8, len(cost))
	at := func(i, j int) int {
		d := j - lo(i)
		if i < 0 || i > n || j < 0 || j > m || d < 0 || d > 2*w {
			return -1
		}
		return i*(2*w+1) + d
	}
	for k := range cost {
		cost[k] = math.Inf(1)
	}
	cost[at(0, 0)] = 0
	length := func(a, b float64) float64 {
		d := (b - ratio*a) / math.Sqrt(lengthVar*(ratio*a+b)/2+1)
		return d * d / 2
	}
	kind := func(i, j int) float64 {
		a, b := src.blocks[i], tgt.blocks[j]
		c := 0.0
		if a.kind != b.kind || a.level != b.level {
			c = costKind
		}
		if sa[i].same == ta[j].same {
			c -= costSame
		}
		return c + numberCost(sa[i].numbers, ta[j].numbers)
	}
	// merged is the numbers of two blocks, sorted, in scratch space that
	// each call reuses
	var buf []string
	merged := func(x, y []string) []string {
		buf = mergeSorted(buf[:0], x, y)
		return buf
	}
	type step struct {
		di, dj int
	}
	steps := []step{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}
	for i := 0; i <= n; i++ {
		for j := max(0, lo(i)); j <= min(m, lo(i)+2*w); j++ {
			here := at(i, j)
			if here < 0 || (i == 0 && j == 0) {
				continue
			}
			best, bm := math.Inf(1), uint8(0)
			for s, st := range steps {
				from := at(i-st.di, j-st.dj)
				if from < 0 || math.IsInf(cost[from], 1) {
					continue
				}
				var c float64
				switch s {
				case 0:
					c = cost11 + length(ls[i-1], lt[j-1]) + kind(i-1, j-1)
				case 1:
					c = costGap + min(costGapLength, length(ls[i-1], 0))
				case 2:
					c = costGap + min(costGapLength, length(0, lt[j-1]))
				case 3:
					c = costMerge + length(ls[i-2]+ls[i-1], lt[j-1]) +
						numberCost(merged(sa[i-2].numbers, sa[i-1].numbers), ta[j-1].numbers)
				case 4:
					c = costMerge + length(ls[i-1], lt[j-2]+lt[j-1]) +
						numberCost(sa[i-1].numbers, merged(ta[j-2].numbers, ta[j-1].numbers))
				}
				if c += cost[from]; c < best {
					best, bm = c, uint8(s)
				}
			}
			cost[here], move[here] = best, bm
		}
	}
	if at(n, m) < 0 || math.IsInf(cost[at(n, m)], 1) {
		return proportional(n, m), false
	}
	var rev []link
	for i, j := n, m; i > 0 || j > 0; {
		st := steps[move[at(i, j)]]
		rev = append(rev, link{i - st.di, i, j - st.dj, j})
		i, j = i-st.di, j-st.dj
	}
	out := make([]link, len(rev))
	for k := range rev {
		out[k] = rev[len(rev)-1-k]
	}
	return out, true
}
