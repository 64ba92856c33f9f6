package run

import (
	"context"
	"sync"
	"time"
)

// sources loads each source once while items of it are in progress and
// forgets it when its last item is done, so memory holds only the
// documents of the items in progress.
type sources struct {
	load func(ctx context.Context, it Item) (Source, error)

	mu      sync.Mutex
	left    map[string]int // items of each source not yet released
	entries map[string]*sourceEntry
}

type sourceEntry struct {
	ready chan struct{}
	src   Source
	err   error
	took  time.Duration
}

func newSources(items []Item, load func(context.Context, Item) (Source, error)) *sources {
	s := &sources{load: load, left: map[string]int{}, entries: map[string]*sourceEntry{}}
	for _, it := range items {
		if it.Source != "" {
			s.left[it.Source]++
		}
	}
	return s
}

// get returns an item's source, loading it if no other item of the same
// source has, and how long the load took.
func (s *sources) get(ctx context.Context, it Item) (Source, time.Duration, error) {
	if s.load == nil {
		return Source{}, 0, nil
	}
	if it.Source == "" {
		start := time.Now()
		src, err := s.load(ctx, it)
		return src, time.Since(start), err
	}
	s.mu.Lock()
	e, ok := s.entries[it.Source]
	if !ok {
		e = &sourceEntry{ready: make(chan struct{})}
		s.entries[it.Source] = e
	}
	s.mu.Unlock()
	if !ok {
		start := time.Now()
		e.src, e.err = s.load(ctx, it)
		e.took = time.Since(start)
		close(e.ready)
	}
	select {
	case <-e.ready:
		return e.src, e.took, e.err
	case <-ctx.Done():
		return Source{}, 0, ctx.Err()
	}
}

// release records that one item of a source is done with it.
func (s *sources) release(source string) {
	if source == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.left[source]--
	if s.left[source] <= 0 {
		delete(s.left, source)
		delete(s.entries, source)
	}
}
