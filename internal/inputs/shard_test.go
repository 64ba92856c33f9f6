package inputs

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestShardPartitions(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var ins []Input
	for i := 0; i < 500; i++ {
		ins = append(ins, Input{Path: "p", Rel: fmt.Sprintf("d%d/f%d-%x.txt", rng.IntN(9), i, rng.Uint32())})
	}
	for n := 1; n <= 7; n++ {
		seen := map[string]int{}
		for i := 0; i < n; i++ {
			part, err := Shard(ins, i, n)
			must(t, err)
			if n > 1 && (len(part) == 0 || len(part) == len(ins)) {
				t.Errorf("n=%d shard %d holds %d of %d", n, i, len(part), len(ins))
			}
			again, _ := Shard(ins, i, n)
			if fmt.Sprint(again) != fmt.Sprint(part) {
				t.Errorf("n=%d shard %d not deterministic", n, i)
			}
			for _, in := range part {
				seen[in.Rel]++
			}
		}
		for _, in := range ins {
			if seen[in.Rel] != 1 {
				t.Fatalf("n=%d: %s in %d shards", n, in.Rel, seen[in.Rel])
			}
		}
	}
}

func TestShardStable(t *testing.T) {
	// The partition must not change between releases or machines, or a
	// resumed sharded run would redo work: these values are pinned.
	got := []int{ShardOf("a.txt", 2), ShardOf("a.txt", 3), ShardOf("sub/ข่าว.md", 4), ShardOf("2026/11/27/expo.md", 16)}
	want := []int{0, 0, 3, 7} // also computed with Python's hashlib
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestShardSpread(t *testing.T) {
	// Names that differ in a few characters must spread over the shards:
	// 24 names over 4 shards, each shard between 3 and 9 of them.
	for _, n := range []int{2, 4, 8} {
		count := make([]int, n)
		for d := 0; d < 3; d++ {
			for a := 0; a < 8*n; a++ {
				count[ShardOf(fmt.Sprintf("day%d/article-%03d.md", d, a), n)]++
			}
		}
		for i, c := range count {
			if want := 24; c < want/2 || c > 2*want {
				t.Errorf("n=%d: shard %d holds %d of %d names", n, i, c, 24*n)
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in     string
		i, n   int
		errHas string
	}{
		{"0/4", 0, 4, ""},
		{"3/4", 3, 4, ""},
		{" 1 / 2 ", 1, 2, ""},
		{"4/4", 0, 0, "out of range 0..3"},
		{"-1/4", 0, 0, "out of range"},
		{"1/0", 0, 0, "at least 1"},
		{"1", 0, 0, "INDEX/COUNT"},
		{"a/4", 0, 0, "bad index"},
		{"1/b", 0, 0, "bad count"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			i, n, err := ParseShard(tt.in)
			if tt.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("err = %v, want %q", err, tt.errHas)
				}
				return
			}
			must(t, err)
			if i != tt.i || n != tt.n {
				t.Fatalf("got %d/%d", i, n)
			}
		})
	}
}

func TestShardFromEnv(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		i, n   int
		ok     bool
		errHas string
	}{
		{"unset", nil, 0, 0, false, ""},
		{"indexed job", map[string]string{EnvShardIndex: "2", EnvShardCount: "5"}, 2, 5, true, ""},
		{"index only", map[string]string{EnvShardIndex: "2"}, 0, 0, false, "set together"},
		{"out of range", map[string]string{EnvShardIndex: "5", EnvShardCount: "5"}, 0, 0, false, "JOB_COMPLETION_INDEX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, n, ok, err := ShardFromEnv(func(k string) string { return tt.env[k] })
			if tt.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("err = %v, want %q", err, tt.errHas)
				}
				return
			}
			must(t, err)
			if i != tt.i || n != tt.n || ok != tt.ok {
				t.Fatalf("got %d/%d %v", i, n, ok)
			}
		})
	}
}
