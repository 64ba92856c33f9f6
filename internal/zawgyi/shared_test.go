package zawgyi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// findShared returns the path of rel inside the shared corpus folder
// beside the checkout, found by walking up from the package directory, or
// "" when there is none.
func findShared(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// sharedDir is findShared for tests that need the folder: they skip when
// it is absent.
func sharedDir(t testing.TB, rel string) string {
	t.Helper()
	p := findShared(rel)
	if p == "" {
		t.Skipf("skipping: shared/%s not found above the package (real-data test; the shared corpus is not part of the repository)", rel)
	}
	return p
}

// readLines reads a text file as lines.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}
