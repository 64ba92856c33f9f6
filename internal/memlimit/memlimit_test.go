package memlimit

import (
	"runtime"
	"testing"
)

func TestLimit(t *testing.T) {
	none := func(string) string { return "" }
	tests := []struct {
		name   string
		getenv func(string) string
		live   uint64
		want   int64
	}{
		{"small heap gets the floor", none, 10 << 20, Floor},
		{"no heap gets the floor", none, 0, Floor},
		{"just under the floor", none, (Floor - headroom) / 2, Floor},
		{"large glossary: twice the heap and headroom", none, 200 << 20, 400<<20 + headroom},
		{"GOMEMLIMIT decides", func(k string) string {
			if k == "GOMEMLIMIT" {
				return "1GiB"
			}
			return ""
		}, 10 << 20, 0},
		{"GOGC decides", func(k string) string {
			if k == "GOGC" {
				return "200"
			}
			return ""
		}, 10 << 20, 0},
	}
	for _, tt := range tests {
		if got := Limit(tt.getenv, tt.live); got != tt.want {
			t.Errorf("%s: Limit = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestLimitLeavesRoomAboveTheHeap(t *testing.T) {
	none := func(string) string { return "" }
	for live := uint64(0); live < 1<<34; live = live*3 + 1<<20 {
		if l := Limit(none, live); l < 2*int64(live) || l < Floor {
			t.Fatalf("live %d: limit %d leaves the collector no room", live, l)
		}
	}
}

func TestLiveReportsTheHeap(t *testing.T) {
	before := Live()
	keep := make([]byte, 32<<20)
	for i := range keep {
		keep[i] = byte(i)
	}
	after := Live()
	if after < before+30<<20 {
		t.Errorf("Live: %d before, %d with 32 MiB more held", before, after)
	}
	runtime.KeepAlive(keep)
}
