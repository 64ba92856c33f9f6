package pace

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestFlightsAgainstHistory checks the pruned list against the whole
// history of requests, counted the obvious way, on random traffic.
func TestFlightsAgainstHistory(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 9))
			var fs flights
			var all []flight
			now := t0
			var seq, seqCost int64
			for step := range 800 {
				now = now.Add(time.Duration(rng.IntN(100)) * time.Millisecond)
				var live []int
				for i, f := range all {
					if !f.landed {
						live = append(live, i)
					}
				}
				if len(live) == 0 || rng.IntN(2) == 0 {
					cost := 1 + rng.Int64N(1000)
					seq++
					seqCost += cost
					f := flight{ticket: ticket{cost: cost, seq: seq, seqCost: seqCost}, at: now}
					fs.add(f)
					all = append(all, f)
				} else {
					i := live[rng.IntN(len(live))]
					all[i].landed = true
					fs.land(all[i].seq, now)
				}
				n, tok := fs.lagging()
				wn, wtok := slowLagging(all)
				if n != wn || tok != wtok {
					t.Fatalf("step %d: lagging %v requests, %v tokens; want %v, %v", step, n, tok, wn, wtok)
				}
				n, tok = fs.since(now)
				wn, wtok = slowSince(all, now)
				if n != wn || tok != wtok {
					t.Fatalf("step %d: since %v requests, %v tokens; want %v, %v", step, n, tok, wn, wtok)
				}
			}
			if len(fs.list) > len(all) {
				t.Fatalf("kept %d of %d requests", len(fs.list), len(all))
			}
		})
	}
}

func slowLagging(all []flight) (n, tokens float64) {
	var oldest *flight
	for i := range all {
		if !all[i].landed {
			oldest = &all[i]
			break
		}
	}
	if oldest == nil {
		return 0, 0
	}
	for _, f := range all {
		if !f.landed && f.at.After(oldest.at) {
			n++
			tokens += float64(f.cost)
		}
	}
	return n, tokens
}

func slowSince(all []flight, now time.Time) (n, tokens float64) {
	cut := now.Add(-reorder)
	for _, f := range all {
		if !f.landed {
			cut = f.at.Add(-reorder)
			break
		}
	}
	for _, f := range all {
		if !f.at.Before(cut) {
			n++
			tokens += float64(f.cost)
		}
	}
	return n, tokens
}
