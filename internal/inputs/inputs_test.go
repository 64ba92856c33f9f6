package inputs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// tree creates files (content = name) and folders under a fresh root.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			must(t, os.MkdirAll(p, 0o755))
			continue
		}
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(f), 0o644))
	}
	return root
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rels(ins []Input) []string {
	out := []string{}
	for _, in := range ins {
		out = append(out, in.Rel)
	}
	return out
}

func warnedPaths(ws []Warning, root string) []string {
	out := []string{}
	for _, w := range ws {
		r, _ := filepath.Rel(root, w.Path)
		out = append(out, filepath.ToSlash(r)+": "+w.Reason)
	}
	return out
}

// hostile builds a tree with hidden files, a folder link loop, a link to a
// file outside, a broken link, a fifo and unicode names.
func hostile(t *testing.T) (root, outside string) {
	t.Helper()
	base := tree(t,
		"in/a.txt", "in/b.md", "in/sub/c.html", "in/sub/d.pdf", "in/.git/config.txt",
		"in/.hidden.txt", "in/sub/.juru/manifest.txt", "in/ข่าว/ເລື່ອງ.txt", "in/Zürich é.markdown",
		"outside/e.txt")
	root, outside = filepath.Join(base, "in"), filepath.Join(base, "outside")
	must(t, os.Symlink(root, filepath.Join(root, "sub", "loop")))
	must(t, os.Symlink(filepath.Join(outside, "e.txt"), filepath.Join(root, "link.txt")))
	must(t, os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "broken.txt")))
	must(t, syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644))
	return root, outside
}

func TestExpandFolder(t *testing.T) {
	root, outside := hostile(t)
	tests := []struct {
		name      string
		args      []string
		opts      Options
		wantRels  []string
		wantWarns []string
	}{
		{
			name:     "default text-like names",
			args:     []string{root},
			wantRels: []string{"Zürich é.markdown", "a.txt", "b.md", "link.txt", "sub/c.html", "ข่าว/ເລື່ອງ.txt"},
			wantWarns: []string{
				"broken.txt: broken symbolic link",
				"pipe.txt: not a regular file (named pipe)",
				"sub/loop: symbolic link to a folder not followed",
			},
		},
		{
			name:     "all files",
			args:     []string{root},
			opts:     Options{All: true},
			wantRels: []string{"Zürich é.markdown", "a.txt", "b.md", "link.txt", "sub/c.html", "sub/d.pdf", "ข่าว/ເລື່ອງ.txt"},
			wantWarns: []string{
				"broken.txt: broken symbolic link",
				"pipe.txt: not a regular file (named pipe)",
				"sub/loop: symbolic link to a folder not followed",
			},
		},
		{
			name:     "caller match",
			args:     []string{filepath.Join(root, "sub")},
			opts:     Options{Match: func(n string) bool { return strings.HasSuffix(n, ".pdf") }},
			wantRels: []string{"d.pdf"},
			wantWarns: []string{
				"sub/loop: symbolic link to a folder not followed",
			},
		},
		{
			name:      "same file twice is listed once",
			args:      []string{filepath.Join(outside, "e.txt"), filepath.Join(root, "link.txt"), filepath.Join(root, "a.txt"), filepath.Join(root, "a.txt")},
			wantRels:  []string{"a.txt", "e.txt"},
			wantWarns: []string{},
		},
		{
			name:      "excluded output folder",
			args:      []string{root},
			opts:      Options{Exclude: []string{filepath.Join(root, "ข่าว")}, Match: func(n string) bool { return n == "ເລື່ອງ.txt" || n == "a.txt" }},
			wantRels:  []string{"a.txt"},
			wantWarns: []string{"broken.txt: broken symbolic link", "pipe.txt: not a regular file (named pipe)", "sub/loop: symbolic link to a folder not followed"},
		},
		{
			name:      "explicit special file warns",
			args:      []string{filepath.Join(root, "pipe.txt"), filepath.Join(root, "b.md")},
			wantRels:  []string{"b.md"},
			wantWarns: []string{"pipe.txt: not a regular file (named pipe)"},
		},
		{
			name:      "explicit hidden file is taken",
			args:      []string{filepath.Join(root, ".hidden.txt")},
			wantRels:  []string{".hidden.txt"},
			wantWarns: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, ws, err := Expand(tt.args, tt.opts)
			must(t, err)
			if got := rels(ins); !reflect.DeepEqual(got, tt.wantRels) {
				t.Errorf("rels = %q, want %q", got, tt.wantRels)
			}
			if got := warnedPaths(ws, root); !reflect.DeepEqual(got, tt.wantWarns) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarns)
			}
			for _, in := range ins {
				if _, err := os.Stat(in.Path); err != nil {
					t.Errorf("input %s not readable: %v", in.Path, err)
				}
			}
		})
	}
}

func TestExpandErrors(t *testing.T) {
	root := tree(t, "a/x.txt", "b/x.txt", "c/x.txt", "c/x.md", "d/stdin.txt")
	tests := []struct {
		name  string
		args  []string
		opts  Options
		check func(error) bool
		names []string
	}{
		{"missing path", []string{filepath.Join(root, "nope.txt")}, Options{},
			func(err error) bool { var e *NotFoundError; return errors.As(err, &e) && !e.Pattern }, []string{"nope.txt"}},
		{"empty glob", []string{filepath.Join(root, "**", "*.html")}, Options{},
			func(err error) bool { var e *NotFoundError; return errors.As(err, &e) && e.Pattern }, []string{"*.html"}},
		{"bad glob", []string{filepath.Join(root, "[a")}, Options{},
			func(err error) bool { var e *NotFoundError; return errors.As(err, &e) }, []string{"[a"}},
		{"same rel from two files", []string{filepath.Join(root, "a/x.txt"), filepath.Join(root, "b/x.txt")}, Options{},
			func(err error) bool { var e *ConflictError; return errors.As(err, &e) }, []string{"a/x.txt", "b/x.txt"}},
		{"same stem in one folder", []string{filepath.Join(root, "c")}, Options{},
			func(err error) bool { var e *ConflictError; return errors.As(err, &e) }, []string{"x.md", "x.txt"}},
		{"stdin and stdin.txt", []string{"-", filepath.Join(root, "d")}, Options{},
			func(err error) bool { var e *ConflictError; return errors.As(err, &e) }, []string{"stdin.txt", "-"}},
		{"stdin twice", []string{"-"}, Options{FilesFrom: "-"},
			func(err error) bool { return err != nil }, []string{"standard input"}},
		{"missing list", nil, Options{FilesFrom: filepath.Join(root, "list.txt")},
			func(err error) bool { return errors.Is(err, os.ErrNotExist) }, []string{"list.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Expand(tt.args, tt.opts)
			if err == nil || !tt.check(err) {
				t.Fatalf("err = %v (%T)", err, err)
			}
			for _, n := range tt.names {
				if !strings.Contains(err.Error(), n) {
					t.Errorf("error %q does not name %q", err, n)
				}
			}
		})
	}
}

func TestExpandStdin(t *testing.T) {
	ins, _, err := Expand([]string{"-", "-"}, Options{})
	must(t, err)
	if len(ins) != 1 || !ins[0].IsStdin() || ins[0].Rel != StdinRel {
		t.Fatalf("got %+v", ins)
	}
}

func TestFilesFrom(t *testing.T) {
	base := tree(t, "work/news/a.txt", "work/news/deep/b.md", "work/news/deep/c.pdf", "work/folder/f.txt", "up.txt", "abs/z.txt")
	work := filepath.Join(base, "work")
	t.Chdir(work)
	list := strings.Join([]string{
		"# comment", "", "news/a.txt", "  ./news/deep/c.pdf  ", "../up.txt",
		filepath.Join(base, "abs", "z.txt"), "folder", "news/a.txt",
	}, "\n")
	want := []string{"folder/f.txt", "news/a.txt", "news/deep/c.pdf", "up.txt", "z.txt"}
	t.Run("file", func(t *testing.T) {
		must(t, os.WriteFile("list.txt", []byte(list), 0o644))
		ins, _, err := Expand(nil, Options{FilesFrom: "list.txt"})
		must(t, err)
		if got := rels(ins); !reflect.DeepEqual(got, want) {
			t.Errorf("rels = %q, want %q", got, want)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		ins, _, err := Expand(nil, Options{FilesFrom: "-", Stdin: strings.NewReader(list)})
		must(t, err)
		if got := rels(ins); !reflect.DeepEqual(got, want) {
			t.Errorf("rels = %q, want %q", got, want)
		}
	})
	t.Run("missing entry", func(t *testing.T) {
		_, _, err := Expand(nil, Options{FilesFrom: "-", Stdin: strings.NewReader("news/a.txt\nnews/gone.txt\n")})
		var nf *NotFoundError
		if !errors.As(err, &nf) || !strings.Contains(err.Error(), "news/gone.txt") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("entries are not patterns", func(t *testing.T) {
		_, _, err := Expand(nil, Options{FilesFrom: "-", Stdin: strings.NewReader("news/*.txt\n")})
		var nf *NotFoundError
		if !errors.As(err, &nf) || nf.Pattern {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestParseList(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "list.txt"))
	must(t, err)
	got, err := ParseList(bytes.NewReader(data), "list.txt")
	must(t, err)
	want := []string{"news/2026-11-27/asean-summit.txt", "news/2026-11-27/ข่าว.md", "/abs/path/report.html", "../outside/ignored.txt"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	bad := []struct {
		name string
		in   string
		err  error
		line int
	}{
		{"nul", "a.txt\nb\x00.txt\n", ErrListNUL, 2},
		{"stdin", "# x\n-\n", ErrListStdin, 2},
		{"too long", "a\n" + strings.Repeat("x", MaxListLine+1), ErrListLong, 2},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseList(strings.NewReader(tt.in), "l")
			var le *ListError
			if !errors.As(err, &le) || !errors.Is(err, tt.err) || le.Line != tt.line {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

// parseListSlow is the obvious version of ParseList for valid input.
func parseListSlow(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func FuzzFilesFrom(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "list.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("a\r\nb\r\n#c\r\n"))
	f.Add([]byte("\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := ParseList(bytes.NewReader(b), "fuzz")
		if err != nil {
			var le *ListError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		want := parseListSlow(string(b))
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("ParseList = %q, slow = %q", got, want)
		}
	})
}

func TestUnreadableFolderWarns(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder; the permission check cannot fail")
	}
	root := tree(t, "a.txt", "locked/b.txt")
	must(t, os.Chmod(filepath.Join(root, "locked"), 0))
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	ins, ws, err := Expand([]string{root}, Options{})
	must(t, err)
	if got := rels(ins); !reflect.DeepEqual(got, []string{"a.txt"}) {
		t.Errorf("rels %q", got)
	}
	if len(ws) != 1 || !strings.Contains(ws[0].Reason, "cannot read folder") {
		t.Errorf("warnings %v", ws)
	}
}
