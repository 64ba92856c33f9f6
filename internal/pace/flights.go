package pace

import (
	"sort"
	"time"
)

// reorder is how far apart two requests may be sent and still reach the
// endpoint in the other order.
const reorder = 250 * time.Millisecond

// flight is a request sent.
type flight struct {
	ticket
	at     time.Time
	landed bool
}

// flights keeps the requests sent recently, oldest first, so that what
// the endpoint announces can be set against what was sent after the
// request it answers: every request still in flight, and those sent
// shortly before the oldest of them. Its methods need the Pacer's lock.
type flights struct {
	list []flight // list[i].seq is list[0].seq + i
	live int      // index of the oldest request in flight; len(list) if none
}

// add records a request sent.
func (fs *flights) add(f flight) {
	fs.list = append(fs.list, f)
	if fs.live == len(fs.list)-1 {
		return
	}
	for fs.live < len(fs.list) && fs.list[fs.live].landed {
		fs.live++
	}
}

// land records the answer to the request numbered seq and forgets the
// requests that no longer matter.
func (fs *flights) land(seq int64, now time.Time) {
	if len(fs.list) == 0 {
		return
	}
	if i := seq - fs.list[0].seq; i >= 0 && i < int64(len(fs.list)) {
		fs.list[i].landed = true
	}
	for fs.live < len(fs.list) && fs.list[fs.live].landed {
		fs.live++
	}
	cut := fs.cut(now)
	n := 0
	for n < fs.live && fs.list[n].at.Before(cut) {
		n++
	}
	fs.list, fs.live = fs.list[n:], fs.live-n
}

// cut returns the time from which a request sent may not be counted yet
// in what the endpoint announces.
func (fs *flights) cut(now time.Time) time.Time {
	if fs.live < len(fs.list) {
		return fs.list[fs.live].at.Add(-reorder)
	}
	return now.Add(-reorder)
}

// lagging returns the requests in flight sent after the oldest in
// flight, and their estimated tokens: likely not counted yet, as
// answers come back about in the order sent.
func (fs *flights) lagging() (n, tokens float64) {
	if fs.live >= len(fs.list) {
		return 0, 0
	}
	oldest := fs.list[fs.live].at
	for _, f := range fs.list[fs.live+1:] {
		if !f.landed && f.at.After(oldest) {
			n++
			tokens += float64(f.cost)
		}
	}
	return n, tokens
}

// since returns the requests sent from the cut on, and their estimated
// tokens: at most what is not counted yet.
func (fs *flights) since(now time.Time) (n, tokens float64) {
	cut := fs.cut(now)
	i := sort.Search(len(fs.list), func(i int) bool { return !fs.list[i].at.Before(cut) })
	if i == len(fs.list) {
		return 0, 0
	}
	first, last := fs.list[i], fs.list[len(fs.list)-1]
	return float64(last.seq - first.seq + 1), float64(last.seqCost - first.seqCost + first.cost)
}
