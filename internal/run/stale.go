package run

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// staleTemps finds the temporary files that interrupted writes left in
// the output folders (atomicfile names them ".<name>.tmp-<random>"),
// reading each folder once per run rather than once per file written,
// which would cost a run over a folder of n files n² directory entries.
// The zero value is ready to use.
type staleTemps struct {
	mu sync.Mutex
	// dirs maps a folder read to the temporary files found in it, by
	// the name of the file each was for.
	dirs map[string]map[string][]string
}

// take returns the temporary files left in dir for the file named
// base, and forgets them.
func (s *staleTemps) take(dir, base string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs == nil {
		s.dirs = map[string]map[string][]string{}
	}
	byName, ok := s.dirs[dir]
	if !ok {
		byName = readTemps(dir)
		s.dirs[dir] = byName
	}
	temps := byName[base]
	delete(byName, base)
	return temps
}

// readTemps lists the temporary files of dir by the name each was for.
func readTemps(dir string) map[string][]string {
	out := map[string][]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	for _, e := range entries {
		if base, ok := tempFor(e.Name()); ok && e.Type().IsRegular() {
			out[base] = append(out[base], filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// tempFor returns the name of the file a temporary file name was for.
func tempFor(name string) (string, bool) {
	i := strings.LastIndex(name, ".tmp-")
	if !strings.HasPrefix(name, ".") || i < 1 {
		return "", false
	}
	return name[1:i], true
}
