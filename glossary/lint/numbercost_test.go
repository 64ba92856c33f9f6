package lint

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// numberCostSlow is numberCost the obvious way: copy, sort, count.
func numberCostSlow(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	common := 0
	for _, v := range x {
		if k := slices.Index(y, v); k >= 0 {
			common++
			y = slices.Delete(y, k, k+1)
		}
	}
	if common == 0 {
		return costKind
	}
	return -costShared * float64(common) / float64(max(len(a), len(b)))
}

func TestNumberCostAgainstSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	digits := []string{"1", "2", "12", "2026", "34", "35", "500", "1500", "10"}
	list := func() []string {
		var out []string
		for range r.IntN(7) {
			out = append(out, digits[r.IntN(len(digits))])
		}
		return out
	}
	sorted := func(x []string) []string {
		y := slices.Clone(x)
		slices.Sort(y)
		return y
	}
	for range 20000 {
		a1, a2, b := list(), list(), list()
		if got, want := numberCost(sorted(a1), sorted(b)), numberCostSlow(a1, b); got != want {
			t.Fatalf("numberCost(%q, %q) = %v, want %v", a1, b, got, want)
		}
		m := mergeSorted(nil, sorted(a1), sorted(a2))
		if want := sorted(append(slices.Clone(a1), a2...)); !slices.Equal(m, want) {
			t.Fatalf("mergeSorted(%q, %q) = %q, want %q", a1, a2, m, want)
		}
		if got, want := numberCost(m, sorted(b)), numberCostSlow(append(slices.Clone(a1), a2...), b); got != want {
			t.Fatalf("merged: numberCost = %v, want %v", got, want)
		}
	}
}
