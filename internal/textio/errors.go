package textio

import (
	"fmt"
	"strings"
)

// Kind classifies an input error.
type Kind int

// The kinds of input error. All of them are the user's input, not a fault
// of juru, and a command line maps them to its usage-or-input exit code.
const (
	// NotFound: the file does not exist.
	NotFound Kind = iota + 1
	// IsDir: a folder was given where a file was expected.
	IsDir
	// Empty: the file is empty or holds only white space (for HTML: the
	// page holds no article text).
	Empty
	// Binary: the content is not text (NUL bytes, many control bytes, or a
	// recognised binary format such as PNG or PDF).
	Binary
	// BadEncoding: the bytes are neither valid UTF-8 nor any supported
	// legacy encoding. Line and Col locate the first invalid byte.
	BadEncoding
	// TooLarge: the input is larger than the size limit.
	TooLarge
	// Unreadable: the file exists but cannot be read (permissions, I/O).
	Unreadable
)

// String names the kind in a few words.
func (k Kind) String() string {
	switch k {
	case NotFound:
		return "not found"
	case IsDir:
		return "is a folder"
	case Empty:
		return "empty"
	case Binary:
		return "binary"
	case BadEncoding:
		return "bad encoding"
	case TooLarge:
		return "too large"
	case Unreadable:
		return "unreadable"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Error is an input that cannot be read as a text document. Its message is
// one line that starts with the file name (and line and column where there
// is one), in the "file:line:col: message" form editors understand.
type Error struct {
	// Name is the file name or label of the input.
	Name string
	// Kind says what is wrong.
	Kind Kind
	// Line and Col locate the problem for BadEncoding: 1-based, Col counts
	// characters (each invalid byte counts as one). Zero elsewhere.
	Line, Col int
	// Offset is the byte offset of the first invalid byte for BadEncoding.
	Offset int64
	// Byte is the first invalid byte for BadEncoding.
	Byte byte
	// Size is the input size in bytes when known (TooLarge), else zero.
	Size int64
	// Limit is the size limit in bytes that was exceeded (TooLarge).
	Limit int64
	// Detail adds what was found, such as "PDF document" or "NUL bytes".
	Detail string
	// Err is the underlying error, if any.
	Err error
}

// Error returns the one-line message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	switch e.Kind {
	case NotFound:
		b.WriteString("no such file")
	case IsDir:
		b.WriteString("is a folder, not a file")
	case Empty:
		b.WriteString("empty")
	case Binary:
		b.WriteString("binary file, not text")
	case BadEncoding:
		fmt.Fprintf(&b, "invalid UTF-8 (byte 0x%02x) and not in a supported legacy encoding (GB18030, Big5, Windows-874, Windows-1258, Windows-1252)", e.Byte)
	case TooLarge:
		if e.Size > 0 {
			fmt.Fprintf(&b, "%s is over the input size limit of %s", sizeString(e.Size), sizeString(e.Limit))
		} else {
			fmt.Fprintf(&b, "over the input size limit of %s", sizeString(e.Limit))
		}
	case Unreadable:
		b.WriteString("cannot read")
	default:
		b.WriteString(e.Kind.String())
	}
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	if e.Kind == Unreadable && e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error, so that errors.Is(err,
// fs.ErrNotExist) and the like keep working.
func (e *Error) Unwrap() error { return e.Err }

// sizeString writes a byte count the way people read it: "50 MiB",
// "1.5 KiB", "312 bytes".
func sizeString(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	units := []string{"KiB", "MiB", "GiB", "TiB"}
	v := float64(n) / unit
	i := 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	return s + " " + units[i]
}
