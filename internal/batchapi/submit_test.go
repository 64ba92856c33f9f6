package batchapi

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// packSlow is the obvious packing: add groups while they fit, else start
// a new file.
func packSlow(groups [][]Line, lim Limits) [][]Line {
	var files [][]Line
	for _, g := range groups {
		if len(files) > 0 {
			last := files[len(files)-1]
			if len(last)+len(g) <= lim.MaxLines && int64(len(Data(last))+len(Data(g))) <= lim.MaxBytes {
				files[len(files)-1] = append(last, g...)
				continue
			}
		}
		files = append(files, append([]Line(nil), g...))
	}
	return files
}

func randomGroups(rng *rand.Rand) [][]Line {
	var groups [][]Line
	n := 0
	for range rng.IntN(40) {
		var g []Line
		for range 1 + rng.IntN(4) {
			n++
			g = append(g, Line{ID: fmt.Sprint(n), Data: []byte(strings.Repeat("x", 1+rng.IntN(30)))})
		}
		groups = append(groups, g)
	}
	return groups
}

func TestPackMatchesTheObviousPacking(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		groups := randomGroups(rng)
		lim := Limits{MaxLines: 4 + rng.IntN(10), MaxBytes: int64(130 + rng.IntN(200))}
		got, err := Pack(groups, lim)
		if err != nil {
			t.Fatal(err)
		}
		want := packSlow(groups, lim)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("case %d: Pack %v, want %v", i, got, want)
		}
		for _, f := range got {
			if len(f) > lim.MaxLines || int64(len(Data(f))) > lim.MaxBytes {
				t.Fatalf("case %d: a file of %d lines and %d bytes passes %+v", i, len(f), len(Data(f)), lim)
			}
		}
	}
}

func TestPackRefusesAnItemTooBig(t *testing.T) {
	g := []Line{{ID: "a", Data: []byte("12345")}, {ID: "b", Data: []byte("12345")}}
	if _, err := Pack([][]Line{g}, Limits{MaxLines: 1, MaxBytes: 100}); err == nil {
		t.Error("two lines fit a one-line file")
	}
	if _, err := Pack([][]Line{g}, Limits{MaxLines: 10, MaxBytes: 11}); err == nil {
		t.Error("twelve bytes fit an eleven-byte file")
	}
	files, err := Pack([][]Line{g}, Limits{MaxLines: 2, MaxBytes: 12})
	if err != nil || len(files) != 1 {
		t.Errorf("an item that just fits: %v %v", files, err)
	}
}
