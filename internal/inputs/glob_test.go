package inputs

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// matchSlow is the obvious matcher for patterns made of path.Match
// segments and "**" segments: zero or more folders, or, as the last
// segment, one or more names (the files inside, as a shell's globstar
// does; doublestar.Match alone would also let "x/**" match a file x).
func matchSlow(pat, name []string) bool {
	if len(pat) == 0 {
		return len(name) == 0
	}
	if len(pat) == 1 && pat[0] == "**" {
		return len(name) > 0
	}
	if pat[0] == "**" {
		return matchSlow(pat[1:], name) || (len(name) > 0 && matchSlow(pat, name[1:]))
	}
	if len(name) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], name[0])
	return ok && matchSlow(pat[1:], name[1:])
}

// globSlow walks root and keeps the text-like, non-hidden files matching pat.
func globSlow(t *testing.T, root, pat string) []string {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !IsTextLike(d.Name()) {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if matchSlow(strings.Split(pat, "/"), strings.Split(rel, "/")) {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// TestGlobAgainstWalk checks the ** glob against a walk and an obvious
// matcher on random trees and patterns.
func TestGlobAgainstWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"a", "b", "news", "x1", ".h", "ข่าว"}
	exts := []string{".txt", ".md", ".html", ".pdf", ""}
	segs := []string{"*", "**", "a", "news", "?", "x*", "*.txt", "*.md", "[ab]", "ข*"}
	for round := 0; round < 40; round++ {
		root := t.TempDir()
		for i := 0; i < 30; i++ {
			depth := rng.IntN(4)
			parts := []string{}
			for d := 0; d < depth; d++ {
				parts = append(parts, names[rng.IntN(len(names))])
			}
			dir := filepath.Join(append([]string{root}, parts...)...)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				continue // a file already has that name
			}
			f := filepath.Join(dir, names[rng.IntN(len(names))]+exts[rng.IntN(len(exts))])
			if _, err := os.Stat(f); err == nil {
				continue
			}
			_ = os.WriteFile(f, []byte("x"), 0o644)
		}
		for p := 0; p < 8; p++ {
			n := 1 + rng.IntN(3)
			ps := []string{}
			for i := 0; i < n; i++ {
				ps = append(ps, segs[rng.IntN(len(segs))])
			}
			pat := strings.Join(ps, "/")
			if !hasMeta(pat) {
				continue // a plain path, not a pattern
			}
			want := globSlow(t, root, pat)
			ins, _, err := Expand([]string{root + "/" + pat}, Options{})
			got := rels(ins)
			if len(want) == 0 {
				if err == nil {
					t.Errorf("pattern %s: no error for no match, got %q", pat, got)
				}
				continue
			}
			if err != nil {
				if _, ok := err.(*ConflictError); ok {
					continue // same stem in one folder: a legitimate refusal
				}
				t.Fatalf("pattern %s: %v", pat, err)
			}
			// Rel is relative to the pattern's fixed leading folders.
			base, _ := splitFixed(pat)
			var wantRel []string
			for _, w := range want {
				wantRel = append(wantRel, strings.TrimPrefix(w, base))
			}
			sort.Strings(wantRel)
			if !reflect.DeepEqual(got, wantRel) {
				t.Fatalf("pattern %s:\n got %q\nwant %q", pat, got, wantRel)
			}
		}
	}
}

// splitFixed returns the leading folders of pat without glob characters,
// with a final slash.
func splitFixed(pat string) (string, string) {
	parts := strings.Split(pat, "/")
	i := 0
	for i < len(parts)-1 && !hasMeta(parts[i]) {
		i++
	}
	if i == 0 {
		return "", pat
	}
	return strings.Join(parts[:i], "/") + "/", strings.Join(parts[i:], "/")
}

func TestGlobSymlinksAndSpecials(t *testing.T) {
	root, _ := hostile(t)
	ins, ws, err := Expand([]string{root + "/**/*.txt"}, Options{})
	must(t, err)
	want := []string{"a.txt", "link.txt", "ข่าว/ເລື່ອງ.txt"}
	if got := rels(ins); !reflect.DeepEqual(got, want) {
		t.Errorf("rels = %q, want %q", got, want)
	}
	wantW := []string{"broken.txt: broken symbolic link", "pipe.txt: not a regular file (named pipe)"}
	if got := warnedPaths(ws, root); !reflect.DeepEqual(got, wantW) {
		t.Errorf("warnings = %q, want %q", got, wantW)
	}
}
