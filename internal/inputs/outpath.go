package inputs

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// EscapeError reports an output path that would lie outside the output
// folder, or that cannot be written safely.
type EscapeError struct {
	// OutDir is the output folder.
	OutDir string
	// Rel is the relative output path asked for.
	Rel string
	// Reason says what is wrong.
	Reason string
}

func (e *EscapeError) Error() string {
	return fmt.Sprintf("refusing to write %q under %s: %s", e.Rel, e.OutDir, e.Reason)
}

// OutRel returns the slash-separated output path, relative to the output
// folder, for an input's relative path and a suffix such as "id.md" or
// "summary.id.md": "<folder>/<stem>.<suffix>". rel must be local (no
// "..", not absolute) and suffix a plain name part.
func OutRel(rel, suffix string) (string, error) {
	if err := checkRel(rel); err != nil {
		return "", &EscapeError{Rel: rel, Reason: err.Error()}
	}
	if suffix == "" || strings.ContainsAny(suffix, "/\\\x00") || strings.HasPrefix(suffix, ".") {
		return "", &EscapeError{Rel: rel, Reason: fmt.Sprintf("bad output suffix %q", suffix)}
	}
	dir, base := path.Split(rel)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem == "" {
		stem = base
	}
	return dir + stem + "." + suffix, nil
}

// OutPath returns the output file for an input under outDir, mirroring
// the input tree (see OutRel), after creating its folders (0755) with
// Resolve's checks.
func OutPath(outDir, rel, suffix string) (string, error) {
	r, err := OutRel(rel, suffix)
	if err != nil {
		var ee *EscapeError
		if errors.As(err, &ee) {
			ee.OutDir = outDir
		}
		return "", err
	}
	return Resolve(outDir, r)
}

func checkRel(rel string) error {
	switch {
	case rel == "":
		return errors.New("empty path")
	case strings.IndexByte(rel, 0) >= 0:
		return errors.New("path holds a NUL byte")
	case strings.HasPrefix(rel, "/") || filepath.IsAbs(filepath.FromSlash(rel)):
		return errors.New("absolute path")
	case !filepath.IsLocal(filepath.FromSlash(rel)) || path.Clean(rel) != rel:
		return errors.New("path leaves the output folder or is not clean")
	}
	return nil
}

// Resolve returns the file outDir/outRel, with the output folder's
// symbolic links resolved, after creating its missing
// folders (0755). It refuses, with an *EscapeError, a relative path that
// is not local, a folder on the way that is a symbolic link resolving
// outside outDir, and a target that is a symbolic link or a folder. The
// output folder itself may be a symbolic link.
func Resolve(outDir, outRel string) (string, error) {
	fail := func(reason string) error { return &EscapeError{OutDir: outDir, Rel: outRel, Reason: reason} }
	if err := checkRel(outRel); err != nil {
		return "", fail(err.Error())
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", fmt.Errorf("create output folder: %w", err)
	}
	root, err := filepath.EvalSymlinks(outDir)
	if err != nil {
		return "", fmt.Errorf("resolve output folder: %w", err)
	}
	if root, err = filepath.Abs(root); err != nil {
		return "", fmt.Errorf("resolve output folder: %w", err)
	}
	parts := strings.Split(outRel, "/")
	cur := root
	for _, part := range parts[:len(parts)-1] {
		next := filepath.Join(cur, part)
		info, err := os.Lstat(next)
		if errors.Is(err, os.ErrNotExist) {
			if err := os.Mkdir(next, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
				return "", fmt.Errorf("create output folder: %w", err)
			}
			info, err = os.Lstat(next)
		}
		if err != nil {
			return "", fmt.Errorf("output folder: %w", err)
		}
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			t, err := filepath.EvalSymlinks(next)
			if err != nil {
				return "", fail("broken symbolic link " + next)
			}
			if !within(root, t) {
				return "", fail("folder " + next + " is a symbolic link to " + t + ", outside the output folder")
			}
			if ti, err := os.Stat(t); err != nil || !ti.IsDir() {
				return "", fail(next + " is not a folder")
			}
			cur = t
		case info.IsDir():
			cur = next
		default:
			return "", fail(next + " is not a folder")
		}
	}
	final := filepath.Join(cur, parts[len(parts)-1])
	if info, err := os.Lstat(final); err == nil {
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			return "", fail(final + " is a symbolic link")
		case !info.Mode().IsRegular():
			return "", fail(final + " exists and is not a regular file")
		}
	}
	return final, nil
}

// within reports whether p is root or lies inside it; both must be
// absolute and free of symbolic links.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && filepath.IsLocal(rel)
}
