package glossary

import (
	"sort"
)

// trie is a byte trie of the folded forms of a matcher, laid out in flat
// arrays for fast walking: nodes are numbered breadth first, so that the
// upper levels, which every walk visits, sit together in memory, and
// nodes with many children have a dense row of 256 children. A child is
// stored as its number shifted left by one, the low bit set when a form
// ends there. Node 0 is the root; 0 as a child means none.
type trie struct {
	root   [256]int32 // children of the root, by byte
	nodes  []tnode
	labels []byte  // edge bytes, ascending within a node
	next   []int32 // edge targets
	rows   []int32 // dense rows: rows[256*r+b] is the child along b
}

// tnode is one node of a trie.
type tnode struct {
	lo, hi int32 // its edges are labels/next[lo:hi]
	row    int32 // its dense row, or -1
	group  int32 // group index + 1 of the form ending here, or 0
}

// denseMin is the number of children from which a node gets a dense row,
// and maxRows bounds the dense rows of a trie (1 KiB each).
const (
	denseMin = 8
	maxRows  = 4096
)

// newTrie builds the trie of keys; the form keys[i] names group i.
func newTrie(keys []string) *trie {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })

	// Build with linked children; inserting the keys in sorted order
	// appends every node's children in ascending byte order.
	size := 1
	for _, k := range keys {
		size += len(k)
	}
	size = min(size, 1<<20) // a bound on the nodes, to allocate once
	var (
		label     = append(make([]byte, 0, size), 0)
		firstKid  = append(make([]int32, 0, size), 0)
		lastKid   = append(make([]int32, 0, size), 0)
		nextSib   = append(make([]int32, 0, size), 0)
		group     = append(make([]int32, 0, size), 0)
		edgeCount = 0
	)
	for _, gi := range order {
		k := keys[gi]
		n := int32(0)
		for i := 0; i < len(k); i++ {
			if c := lastKid[n]; c != 0 && label[c] == k[i] {
				n = c
				continue
			}
			c := int32(len(label))
			label = append(label, k[i])
			firstKid = append(firstKid, 0)
			lastKid = append(lastKid, 0)
			nextSib = append(nextSib, 0)
			group = append(group, 0)
			if lastKid[n] == 0 {
				firstKid[n] = c
			} else {
				nextSib[lastKid[n]] = c
			}
			lastKid[n] = c
			edgeCount++
			n = c
		}
		group[n] = int32(gi) + 1
	}

	// Renumber breadth first and lay the edges out in that order.
	nodes := len(label)
	newID := make([]int32, nodes)
	queue := make([]int32, 1, nodes)
	for h := 0; h < len(queue); h++ {
		for c := firstKid[queue[h]]; c != 0; c = nextSib[c] {
			newID[c] = int32(len(queue))
			queue = append(queue, c)
		}
	}
	t := &trie{
		nodes:  make([]tnode, nodes),
		labels: make([]byte, 0, edgeCount),
		next:   make([]int32, 0, edgeCount),
	}
	for id, old := range queue {
		nd := &t.nodes[id]
		nd.group, nd.row, nd.lo = group[old], -1, int32(len(t.labels))
		for c := firstKid[old]; c != 0; c = nextSib[c] {
			e := newID[c] << 1
			if group[c] != 0 {
				e |= 1
			}
			t.labels = append(t.labels, label[c])
			t.next = append(t.next, e)
		}
		nd.hi = int32(len(t.labels))
		if id > 0 && nd.hi-nd.lo >= denseMin && len(t.rows) < maxRows*256 {
			nd.row = int32(len(t.rows) / 256)
			t.rows = append(t.rows, make([]int32, 256)...)
		}
	}
	for id := range t.nodes {
		nd := &t.nodes[id]
		for i := nd.lo; i < nd.hi; i++ {
			if id == 0 {
				t.root[t.labels[i]] = t.next[i]
			} else if nd.row >= 0 {
				t.rows[256*nd.row+int32(t.labels[i])] = t.next[i]
			}
		}
	}
	return t
}

// step returns the child of node n along byte b, as stored (number << 1,
// low bit set where a form ends), or 0.
func (t *trie) step(n int32, b byte) int32 {
	if n == 0 {
		return t.root[b]
	}
	nd := &t.nodes[n]
	if nd.row >= 0 {
		return t.rows[256*nd.row+int32(b)]
	}
	for i := nd.lo; i < nd.hi; i++ {
		if t.labels[i] == b {
			return t.next[i]
		}
	}
	return 0
}
