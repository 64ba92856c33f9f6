package numbers

// matchPresence marks every number that shares a key with some number on
// the other side, using an index of the target's keys.
func matchPresence(src, tgt [][]string) (srcOK, tgtOK []bool) {
	srcOK, tgtOK = make([]bool, len(src)), make([]bool, len(tgt))
	index := map[string][]int{}
	for j, ks := range tgt {
		for _, k := range ks {
			index[k] = append(index[k], j)
		}
	}
	for i, ks := range src {
		for _, k := range ks {
			if js := index[k]; len(js) > 0 {
				srcOK[i] = true
				for _, j := range js {
					tgtOK[j] = true
				}
			}
		}
	}
	return srcOK, tgtOK
}

// matchCount pairs source and target numbers one to one, as many pairs as
// possible (a maximum bipartite matching by augmenting paths), and marks
// the paired ones.
func matchCount(src, tgt [][]string) (srcOK, tgtOK []bool) {
	index := map[string][]int{}
	for j, ks := range tgt {
		for _, k := range ks {
			index[k] = append(index[k], j)
		}
	}
	adj := make([][]int, len(src))
	for i, ks := range src {
		seen := map[int]bool{}
		for _, k := range ks {
			for _, j := range index[k] {
				if !seen[j] {
					seen[j] = true
					adj[i] = append(adj[i], j)
				}
			}
		}
	}
	pairOf := make([]int, len(tgt))
	for j := range pairOf {
		pairOf[j] = -1
	}
	var visited []bool
	var augment func(i int) bool
	augment = func(i int) bool {
		for _, j := range adj[i] {
			if visited[j] {
				continue
			}
			visited[j] = true
			if pairOf[j] < 0 || augment(pairOf[j]) {
				pairOf[j] = i
				return true
			}
		}
		return false
	}
	srcOK, tgtOK = make([]bool, len(src)), make([]bool, len(tgt))
	for i := range src {
		visited = make([]bool, len(tgt))
		if augment(i) {
			srcOK[i] = true
		}
	}
	for j, i := range pairOf {
		if i >= 0 {
			tgtOK[j] = true
			srcOK[i] = true
		}
	}
	return srcOK, tgtOK
}
