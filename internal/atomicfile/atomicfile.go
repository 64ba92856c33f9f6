// Package atomicfile writes files so that a reader, a crash or a kill -9
// never sees a partial file: the content goes to a temporary file in the
// same folder, is flushed to disk, and is renamed over the target.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write replaces path with the bytes read from r. The folder must exist.
// On any error the target is left as it was and the temporary file removed.
func Write(path string, r io.Reader, perm os.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = io.Copy(tmp, r); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return syncDir(dir)
}

// WriteFile replaces path with data, like os.WriteFile but atomically.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, bytes.NewReader(data), perm)
}

// syncDir flushes a folder's entries so that a rename survives a crash.
// Systems that cannot sync a folder are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !isNotSupported(err) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

func isNotSupported(err error) bool {
	var pe *os.PathError
	return errors.As(err, &pe) && (errors.Is(pe.Err, errors.ErrUnsupported))
}

// CleanTemps removes temporary files that Write left in dir after a kill:
// files named like ".NAME.tmp-*". It returns how many it removed.
func CleanTemps(dir string) (int, error) {
	ms, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if err := os.Remove(m); err == nil {
			n++
		}
	}
	return n, nil
}
