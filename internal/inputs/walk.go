package inputs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// expander accumulates the files and warnings of one Expand call.
type expander struct {
	opts     Options
	match    func(string) bool
	exclude  []string // absolute, cleaned
	found    []found
	warnings []Warning
	warned   map[string]bool
}

func newExpander(opts Options) *expander {
	e := &expander{opts: opts, match: opts.Match, warned: map[string]bool{}}
	if e.match == nil {
		e.match = IsTextLike
	}
	if opts.All {
		e.match = func(string) bool { return true }
	}
	for _, x := range opts.Exclude {
		if abs, err := filepath.Abs(x); err == nil {
			e.exclude = append(e.exclude, abs)
		}
	}
	return e
}

func (e *expander) warn(p, reason string) {
	if e.warned[p] {
		return
	}
	e.warned[p] = true
	e.warnings = append(e.warnings, Warning{Path: p, Reason: reason})
}

func (e *expander) add(p, rel string, info os.FileInfo) {
	e.found = append(e.found, found{in: Input{Path: p, Rel: rel}, info: info})
}

// excluded reports whether p is or lies inside an excluded folder.
func (e *expander) excluded(p string) bool {
	if len(e.exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	for _, x := range e.exclude {
		if abs == x || strings.HasPrefix(abs, x+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// walk adds the files under dir, naming them prefix/relative-path.
// Symbolic links to folders are not followed, so no loop is possible.
func (e *expander) walk(dir, prefix string) error {
	if e.excluded(dir) {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		e.warn(dir, "cannot read folder: "+errText(err))
	}
	for _, d := range entries {
		name := d.Name()
		if hidden(name) {
			continue
		}
		p := filepath.Join(dir, name)
		rel := path.Join(prefix, name)
		switch t := d.Type(); {
		case t.IsDir():
			if err := e.walk(p, rel); err != nil {
				return err
			}
		case t&fs.ModeSymlink != 0:
			e.link(p, rel, name)
		case t.IsRegular():
			if e.match(name) && !e.excluded(p) {
				info, err := d.Info()
				if err != nil {
					e.warn(p, "cannot read: "+errText(err))
					continue
				}
				e.add(p, rel, info)
			}
		default:
			e.warn(p, "not a regular file ("+kind(t)+")")
		}
	}
	return nil
}

// link handles a symbolic link met inside a folder or a glob: followed
// to a regular file, never to a folder.
func (e *expander) link(p, rel, name string) {
	info, err := os.Stat(p)
	switch {
	case err != nil:
		e.warn(p, "broken symbolic link")
	case info.IsDir():
		e.warn(p, "symbolic link to a folder not followed")
	case info.Mode().IsRegular():
		if e.match(name) && !e.excluded(p) {
			e.add(p, rel, info)
		}
	default:
		e.warn(p, "not a regular file ("+kind(info.Mode())+")")
	}
}

// glob adds the files matching a pattern with ** support, named relative
// to the pattern's fixed leading folders.
func (e *expander) glob(pattern string) error {
	base, pat := doublestar.SplitPattern(filepath.ToSlash(pattern))
	if !doublestar.ValidatePattern(pat) {
		return &NotFoundError{Path: pattern, Pattern: true, Err: doublestar.ErrBadPattern}
	}
	fsys := warnFS{fs: os.DirFS(base), base: base, e: e}
	matches, err := doublestar.Glob(fsys, pat, doublestar.WithNoFollow(), doublestar.WithNoHidden(), doublestar.WithFilesOnly())
	if err != nil {
		return &NotFoundError{Path: pattern, Pattern: true, Err: err}
	}
	before := len(e.found)
	for _, m := range matches {
		p := filepath.Join(base, filepath.FromSlash(m))
		name := path.Base(m)
		info, err := os.Lstat(p)
		switch {
		case err != nil:
			e.warn(p, "cannot read: "+errText(err))
		case info.Mode()&fs.ModeSymlink != 0:
			e.link(p, m, name)
		case info.Mode().IsRegular():
			if e.match(name) && !e.excluded(p) {
				e.add(p, m, info)
			}
		case info.IsDir():
		default:
			e.warn(p, "not a regular file ("+kind(info.Mode())+")")
		}
	}
	if len(e.found) == before {
		return &NotFoundError{Path: pattern, Pattern: true}
	}
	return nil
}

// warnFS reports folders that cannot be read while a glob walks them.
type warnFS struct {
	fs   fs.FS
	base string
	e    *expander
}

// Open opens a file of the wrapped file system.
func (w warnFS) Open(name string) (fs.File, error) { return w.fs.Open(name) }

// ReadDir reads a folder, noting a Warning when it cannot.
func (w warnFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(w.fs, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.e.warn(filepath.Join(w.base, filepath.FromSlash(name)), "cannot read folder: "+errText(err))
	}
	return ents, err
}

// errText is an error's text without the path the warning already names.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
