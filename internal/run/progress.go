package run

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
)

// Progress draws a run's progress on a writer: on a terminal (Live) one
// line redrawn in place with "\r", otherwise a plain line at most every
// Every. The caller chooses the mode; Progress never looks at the
// terminal itself.
type Progress struct {
	// W receives the output, usually standard error.
	W io.Writer
	// Live redraws one line in place.
	Live bool
	// Every is the least time between plain lines (default 5s) or live
	// redraws (default 100ms).
	Every time.Duration
	// Width is the live line's width in columns (default 80).
	Width int
	// Now tells the time; nil means time.Now.
	Now func() time.Time

	last    time.Time
	lastLen int
}

func (p *Progress) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Progress) every() time.Duration {
	switch {
	case p.Every > 0:
		return p.Every
	case p.Live:
		return 100 * time.Millisecond
	}
	return 5 * time.Second
}

// Update draws s if enough time has passed since the last drawing.
func (p *Progress) Update(s Snapshot) {
	now := p.now()
	if !p.last.IsZero() && now.Sub(p.last) < p.every() {
		return
	}
	p.last = now
	p.draw(s)
}

// Finish draws s a last time and, on a terminal, ends the line.
func (p *Progress) Finish(s Snapshot) {
	p.draw(s)
	if p.Live {
		fmt.Fprintln(p.W)
		p.lastLen = 0
	}
}

func (p *Progress) draw(s Snapshot) {
	if !p.Live {
		fmt.Fprintln(p.W, Line(s))
		return
	}
	width := p.Width
	if width <= 0 {
		width = 80
	}
	line := Bar(s, 20) + " " + Line(s)
	if r := []rune(line); len(r) > width-1 {
		line = string(r[:width-1])
	}
	n := len([]rune(line))
	pad := ""
	if n < p.lastLen {
		pad = strings.Repeat(" ", p.lastLen-n)
	}
	p.lastLen = n
	fmt.Fprint(p.W, "\r"+line+pad)
}

// Run calls Update with snap() every tick until ctx ends, then Finish.
func (p *Progress) Run(ctx context.Context, snap func() Snapshot, tick time.Duration) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			p.Finish(snap())
			return
		case <-t.C:
			p.Update(snap())
		}
	}
}

// Bar returns a bar of width cells showing the share of items done.
func Bar(s Snapshot, width int) string {
	filled := 0
	if s.Total > 0 {
		filled = s.Done * width / s.Total
	}
	return "[" + strings.Repeat("=", filled) + strings.Repeat(" ", width-filled) + "]"
}

// Line returns the one-line account of a snapshot.
func Line(s Snapshot) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d/%d items", s.Done, s.Total)
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %d failed", s.Failed)
	}
	fmt.Fprintf(&b, " | %d in flight | %s tokens | $%.4f", s.InFlight, Tokens(s.Usage.Total()), s.Cost)
	if s.Cached > 0 {
		fmt.Fprintf(&b, " | %d cached", s.Cached)
	}
	switch {
	case s.Stopping:
		b.WriteString(" | stopping")
	case s.ETA >= 0 && s.Done < s.Total:
		fmt.Fprintf(&b, " | ETA %s", Duration(s.ETA))
	}
	return b.String()
}

// Tokens formats a token count compactly: 950, 12.3k, 4.56M.
func Tokens(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprint(n)
	case n < 1_000_000:
		return fmt.Sprintf("%.1fk", float64(n)/1e3)
	}
	return fmt.Sprintf("%.2fM", float64(n)/1e6)
}

// Duration formats a duration to the second: 45s, 3m05s, 1h02m.
func Duration(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case h > 0:
		return fmt.Sprintf("%dh%02dm", h, m)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}
