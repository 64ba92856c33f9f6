package tokens

import "math"

// mergeBuf is the scratch space of byte-pair merging: the start of each
// part of a piece and the rank of the part it would make with the next.
type mergeBuf struct{ start, rank []int }

// bpeCount returns how many tokens byte-pair merging makes of piece:
// starting from single bytes, the adjacent pair whose joined bytes have
// the lowest rank is merged (the leftmost of equal ranks), until no
// joined pair has a rank. A piece that is a token is one.
func bpeCount(piece string, ranks map[string]int, buf *mergeBuf) int {
	if _, ok := ranks[piece]; ok || len(piece) <= 1 {
		return min(len(piece), 1)
	}
	n := len(piece)
	start, rank := buf.start[:0], buf.rank[:0]
	for i := 0; i <= n; i++ {
		start = append(start, i)
		rank = append(rank, math.MaxInt)
	}
	// rankOf is the rank of parts i..i+skip+1 joined, or MaxInt.
	rankOf := func(i, skip int) int {
		if i+skip+2 < len(start) {
			if r, ok := ranks[piece[start[i]:start[i+skip+2]]]; ok {
				return r
			}
		}
		return math.MaxInt
	}
	for i := 0; i < len(start)-2; i++ {
		rank[i] = rankOf(i, 0)
	}
	for len(start) > 1 {
		best, at := math.MaxInt, -1
		for i := 0; i < len(start)-1; i++ {
			if rank[i] < best {
				best, at = rank[i], i
			}
		}
		if at < 0 {
			break
		}
		rank[at] = rankOf(at, 1)
		if at > 0 {
			rank[at-1] = rankOf(at-1, 1)
		}
		start = append(start[:at+1], start[at+2:]...)
		rank = append(rank[:at+1], rank[at+2:]...)
	}
	buf.start, buf.rank = start, rank
	return len(start) - 1
}
