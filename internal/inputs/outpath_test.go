package inputs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutRel(t *testing.T) {
	tests := []struct {
		rel, suffix, want string
	}{
		{"a.txt", "id.md", "a.id.md"},
		{"sub/dir/a.b.html", "summary.th.md", "sub/dir/a.b.summary.th.md"},
		{"noext", "vi.md", "noext.vi.md"},
		{"stdin", "km.md", "stdin.km.md"},
		{"ข่าว/ເລື່ອງ.txt", "lo.md", "ข่าว/ເລື່ອງ.lo.md"},
		{".txt", "id.md", ".txt.id.md"},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			got, err := OutRel(tt.rel, tt.suffix)
			must(t, err)
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutPathRefusesEscapes(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	outside := filepath.Join(base, "outside")
	must(t, os.MkdirAll(filepath.Join(out, "inner"), 0o755))
	must(t, os.MkdirAll(outside, 0o755))
	must(t, os.Symlink(outside, filepath.Join(out, "evil")))
	must(t, os.Symlink("../..", filepath.Join(out, "inner", "up")))
	must(t, os.Symlink(filepath.Join(out, "inner"), filepath.Join(out, "fine")))
	must(t, os.WriteFile(filepath.Join(outside, "target"), nil, 0o644))
	must(t, os.Symlink(filepath.Join(outside, "target"), filepath.Join(out, "inner", "l.id.md")))
	must(t, os.WriteFile(filepath.Join(out, "file"), nil, 0o644))
	tests := []struct {
		name, rel, suffix string
	}{
		{"dot dot", "../x.txt", "id.md"},
		{"nested dot dot", "a/../../x.txt", "id.md"},
		{"absolute", "/etc/passwd", "id.md"},
		{"unclean", "a//b.txt", "id.md"},
		{"dot", "./a.txt", "id.md"},
		{"empty", "", "id.md"},
		{"nul", "a\x00.txt", "id.md"},
		{"suffix with slash", "a.txt", "../../id.md"},
		{"hidden suffix", "a.txt", ".id.md"},
		{"link to outside", "evil/x.txt", "id.md"},
		{"link climbing out", "inner/up/x.txt", "id.md"},
		{"target is a link", "inner/l.txt", "id.md"},
		{"folder is a file", "file/x.txt", "id.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := OutPath(out, tt.rel, tt.suffix)
			var ee *EscapeError
			if !errors.As(err, &ee) {
				t.Fatalf("OutPath(%q) = %q, %v; want an escape error", tt.rel, p, err)
			}
			if !strings.Contains(err.Error(), "refusing") {
				t.Errorf("unclear error %q", err)
			}
		})
	}
	ents, _ := os.ReadDir(outside)
	if len(ents) != 1 {
		t.Errorf("something was created outside: %v", ents)
	}
	if _, err := os.Stat(filepath.Join(base, "x.id.md")); err == nil {
		t.Error("file created above the output folder")
	}
}

func TestOutPathCreatesFolders(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	must(t, os.MkdirAll(filepath.Join(out, "inner"), 0o755))
	must(t, os.Symlink(filepath.Join(out, "inner"), filepath.Join(out, "fine")))
	real, _ := filepath.EvalSymlinks(out)
	tests := []struct {
		rel, want string
	}{
		{"a/b/ข่าว.txt", filepath.Join(real, "a", "b", "ข่าว.id.md")},
		{"fine/x.txt", filepath.Join(real, "inner", "x.id.md")},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			p, err := OutPath(out, tt.rel, "id.md")
			must(t, err)
			if p != tt.want {
				t.Fatalf("got %s, want %s", p, tt.want)
			}
			info, err := os.Stat(filepath.Dir(p))
			must(t, err)
			if !info.IsDir() || info.Mode().Perm()&0o700 != 0o700 {
				t.Fatalf("folder mode %v", info.Mode())
			}
		})
	}
}
