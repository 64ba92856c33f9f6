// Package inputs turns the inputs named on a command line (files, folders,
// glob patterns, "-" for standard input and a --files-from list) into a
// sorted, duplicate-free list of files, each with the slash-separated
// relative path under which its outputs mirror the input tree, and maps
// those relative paths to output files that can never fall outside the
// output folder.
//
// Rules, in short:
//
//   - A folder is walked recursively; its files are named relative to it.
//     A folder named explicitly is entered even through a symbolic link.
//   - A file named explicitly is taken whatever its name, and named by its
//     base name. A list entry in --files-from that is a local relative path
//     ("a/b.txt") keeps that path; an absolute entry or one climbing out
//     with ".." is named by its base name.
//   - A glob pattern (one that does not name an existing path and holds
//     one of * ? [ {) is matched with ** support; its files are named
//     relative to the pattern's fixed leading folders. "**" stands for
//     zero or more folders; a final "/**" matches the files inside the
//     folders before it, as a shell's globstar does.
//   - Inside folders and globs only text-like names are taken (see
//     IsTextLike), unless Options.Match or Options.All says otherwise.
//   - Hidden files and folders (names starting with ".") are skipped inside
//     folders and globs; symbolic links to folders are never followed
//     there (so link loops cannot happen); links to regular files are
//     followed; fifos, devices and sockets are skipped with a Warning.
//   - The same file reached twice is listed once; two different files
//     whose outputs would collide (same relative folder and stem) are an
//     error naming both.
package inputs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// StdinRel is the relative path given to standard input.
const StdinRel = "stdin"

// Input is one file to process.
type Input struct {
	// Path is the file to read, as the operating system names it; empty
	// for standard input.
	Path string
	// Rel is the slash-separated path relative to the input's root, used
	// to mirror the tree under the output folder; "stdin" for "-".
	Rel string
}

// IsStdin reports whether the input is standard input.
func (in Input) IsStdin() bool { return in.Path == "" }

// Warning reports a path that was skipped.
type Warning struct {
	// Path is the skipped path.
	Path string
	// Reason says why it was skipped.
	Reason string
}

// String returns "path: reason".
func (w Warning) String() string { return w.Path + ": " + w.Reason }

// Options tunes Expand.
type Options struct {
	// FilesFrom, if not empty, names a list file with one path per line
	// ("#" comments and blank lines ignored); "-" reads the list from
	// Stdin.
	FilesFrom string
	// Stdin is where a "-" list is read from; nil means os.Stdin.
	Stdin io.Reader
	// Match decides which names found inside folders and globs are taken;
	// nil means IsTextLike. It sees the base name only.
	Match func(name string) bool
	// All takes every regular file found inside folders and globs.
	All bool
	// Exclude lists folders never entered, such as the output folder when
	// it lies inside an input folder.
	Exclude []string
}

// IsTextLike reports whether a file name has one of the extensions juru
// reads by default: .txt, .md, .markdown, .html, .htm (any case).
func IsTextLike(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// NotFoundError reports a path given explicitly that does not exist, or a
// pattern that matches nothing.
type NotFoundError struct {
	// Path is the argument as given.
	Path string
	// Pattern reports that Path was a glob pattern.
	Pattern bool
	// Err is the underlying error, if any.
	Err error
}

func (e *NotFoundError) Error() string {
	if e.Pattern {
		return fmt.Sprintf("no input matches pattern %q", e.Path)
	}
	return fmt.Sprintf("input %s: no such file or folder", e.Path)
}

func (e *NotFoundError) Unwrap() error { return e.Err }

// ConflictError reports two different inputs whose outputs would collide.
type ConflictError struct {
	// A and B are the two files (as Input.Path, "-" for stdin).
	A, B string
	// RelA and RelB are their relative paths.
	RelA, RelB string
}

func (e *ConflictError) Error() string {
	if e.RelA == e.RelB {
		return fmt.Sprintf("inputs %s and %s both map to %s in the output folder", e.A, e.B, e.RelA)
	}
	return fmt.Sprintf("inputs %s (%s) and %s (%s) would write the same output files", e.A, e.RelA, e.B, e.RelB)
}

// Expand turns command-line arguments and Options.FilesFrom into a sorted
// list of inputs (by Rel), with warnings for what was skipped. A missing
// path given explicitly, an empty glob, a list that cannot be read or two
// inputs that would collide in the output folder are errors.
func Expand(args []string, opts Options) ([]Input, []Warning, error) {
	e := newExpander(opts)
	stdinUsed := false
	for _, a := range args {
		if a == "-" {
			if opts.FilesFrom == "-" {
				return nil, nil, errors.New("standard input cannot be both an input and the --files-from list")
			}
			if !stdinUsed {
				stdinUsed = true
				e.found = append(e.found, found{in: Input{Rel: StdinRel}})
			}
			continue
		}
		if err := e.arg(a, false); err != nil {
			return nil, nil, err
		}
	}
	if opts.FilesFrom != "" {
		if err := e.filesFrom(opts.FilesFrom); err != nil {
			return nil, nil, err
		}
	}
	ins, err := e.finish()
	if err != nil {
		return nil, nil, err
	}
	return ins, e.warnings, nil
}

// arg expands one argument, from the command line or from a list.
func (e *expander) arg(a string, fromList bool) error {
	info, err := os.Stat(a)
	if err != nil {
		if _, lerr := os.Lstat(a); lerr == nil {
			e.warn(a, "broken symbolic link")
			return nil
		}
		if !fromList && hasMeta(a) {
			return e.glob(a)
		}
		if errors.Is(err, os.ErrNotExist) {
			return &NotFoundError{Path: a, Err: err}
		}
		return fmt.Errorf("input %s: %w", a, err)
	}
	rel := filepath.Base(a)
	if c := filepath.Clean(a); fromList && filepath.IsLocal(c) {
		rel = filepath.ToSlash(c)
	}
	switch {
	case info.IsDir():
		prefix := ""
		if fromList && rel != "." && filepath.IsLocal(filepath.Clean(a)) {
			prefix = rel
		}
		return e.walk(a, prefix)
	case info.Mode().IsRegular():
		e.add(a, rel, info)
	default:
		e.warn(a, "not a regular file ("+kind(info.Mode())+")")
	}
	return nil
}

type found struct {
	in   Input
	info os.FileInfo // nil for stdin
}

// finish sorts, removes files reached twice and detects collisions.
func (e *expander) finish() ([]Input, error) {
	sort.SliceStable(e.found, func(i, j int) bool { return e.found[i].in.Rel < e.found[j].in.Rel })
	var out []Input
	var kept []found
	bySize := map[int64][]int{} // candidates for the same file, by size
	stems := map[string]int{}
outer:
	for _, f := range e.found {
		if f.info != nil {
			for _, k := range bySize[f.info.Size()] {
				if os.SameFile(kept[k].info, f.info) {
					continue outer
				}
			}
		}
		if i, ok := stems[stemKey(f.in.Rel)]; ok {
			a, b := kept[i], f
			return nil, &ConflictError{A: displayPath(a.in), B: displayPath(b.in), RelA: a.in.Rel, RelB: b.in.Rel}
		}
		stems[stemKey(f.in.Rel)] = len(kept)
		if f.info != nil {
			bySize[f.info.Size()] = append(bySize[f.info.Size()], len(kept))
		}
		kept = append(kept, f)
		out = append(out, f.in)
	}
	return out, nil
}

// stemKey is the part of a relative path that names its outputs: the
// folder and the base name without its extension.
func stemKey(rel string) string {
	dir, base := path.Split(rel)
	return dir + strings.TrimSuffix(base, path.Ext(base))
}

func displayPath(in Input) string {
	if in.IsStdin() {
		return "-"
	}
	return in.Path
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[{") }

func kind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "named pipe"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeCharDevice != 0:
		return "character device"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeIrregular != 0:
		return "irregular file"
	}
	return "special file"
}
