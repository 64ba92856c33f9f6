package inputs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxListLine is the longest line a --files-from list may hold.
const MaxListLine = 64 << 10

// ListError reports a bad line in a --files-from list.
type ListError struct {
	// File names the list ("-" for standard input).
	File string
	// Line is the 1-based line number.
	Line int
	// Err says what is wrong.
	Err error
}

func (e *ListError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ListError) Unwrap() error { return e.Err }

// Errors a list line can have.
var (
	ErrListNUL   = errors.New("path holds a NUL byte")
	ErrListStdin = errors.New(`"-" (standard input) cannot be listed`)
	ErrListLong  = errors.New("line too long")
)

// ParseList reads a --files-from list: one path per line, surrounding
// spaces trimmed, blank lines and lines starting with "#" ignored. A NUL
// byte, a "-" entry or a line longer than MaxListLine is an error whose
// File is name.
func ParseList(r io.Reader, name string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), MaxListLine)
	var out []string
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.IndexByte(line, 0) >= 0:
			return nil, &ListError{File: name, Line: n, Err: ErrListNUL}
		case line == "-":
			return nil, &ListError{File: name, Line: n, Err: ErrListStdin}
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = ErrListLong
		}
		return nil, &ListError{File: name, Line: n + 1, Err: err}
	}
	return out, nil
}

// filesFrom adds the entries of a list file. Entries are literal paths
// (never patterns), relative to the working folder.
func (e *expander) filesFrom(name string) error {
	var r io.Reader
	if name == "-" {
		r = e.opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("read list %s: %w", name, err)
		}
		defer f.Close()
		r = f
	}
	entries, err := ParseList(r, name)
	if err != nil {
		return err
	}
	for _, p := range entries {
		if err := e.arg(p, true); err != nil {
			return fmt.Errorf("list %s: %w", name, err)
		}
	}
	return nil
}
