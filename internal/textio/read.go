package textio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ReadFile reads and decodes the file at path. A missing file, a folder, a
// file over the size limit (checked before reading) and every problem
// Decode finds are reported as *Error.
func ReadFile(path string, opts Options) (*Doc, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if fi.IsDir() {
		return nil, &Error{Name: path, Kind: IsDir}
	}
	if fi.Mode().IsRegular() && fi.Size() > opts.maxSize() {
		return nil, &Error{Name: path, Kind: TooLarge, Size: fi.Size(), Limit: opts.maxSize()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	return Read(path, f, opts)
}

// openError turns an error from os.Stat or os.Open into an *Error.
func openError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Name: path, Kind: NotFound, Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Name: path, Kind: Unreadable, Err: err}
}

// Read reads a document from r (standard input, say) under the given
// name, which is used in error messages and to tell the format by its
// extension. It reads at most the size limit plus one byte, and stops
// after the first 8 KiB when they look like binary data.
func Read(name string, r io.Reader, opts Options) (*Doc, error) {
	limit := opts.maxSize()
	lr := io.LimitReader(r, limit+1)
	head := make([]byte, min(int64(headSize), limit+1))
	n, err := io.ReadFull(lr, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, readError(name, err)
	}
	head = head[:n]
	if kind := binaryKind(head); kind != "" {
		return nil, &Error{Name: name, Kind: Binary, Detail: kind}
	}
	rest, err := io.ReadAll(lr)
	if err != nil {
		return nil, readError(name, err)
	}
	data := append(head, rest...)
	if int64(len(data)) > limit {
		return nil, &Error{Name: name, Kind: TooLarge, Limit: limit}
	}
	return Decode(name, data, opts)
}

func readError(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Name: name, Kind: NotFound, Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Name: name, Kind: Unreadable, Err: err}
}

// Decode decodes a document held in memory. name is used in error
// messages and to tell the format by its extension.
func Decode(name string, data []byte, opts Options) (*Doc, error) {
	if limit := opts.maxSize(); int64(len(data)) > limit {
		return nil, &Error{Name: name, Kind: TooLarge, Size: int64(len(data)), Limit: limit}
	}
	if len(data) == 0 {
		return nil, &Error{Name: name, Kind: Empty}
	}
	format := opts.Format
	if format == "" {
		format = formatOf(name, data)
	}
	text, encName, err := decodeBytes(name, data, format == FormatHTML)
	if err != nil {
		return nil, err
	}
	if encName == "utf-16le" || encName == "utf-16be" {
		if controlRunes(text) {
			return nil, &Error{Name: name, Kind: Binary, Detail: "control characters"}
		}
		if opts.Format == "" {
			format = formatOf(name, []byte(text))
		}
	}
	compose := !opts.Verbatim || encName == "windows-1258"
	doc := &Doc{Name: name, Encoding: encName, Format: format}
	switch format {
	case FormatHTML:
		title, body := extractHTML(text)
		doc.Title = normalize(title, false, true)
		doc.Text = normalize(body, false, true)
	default:
		doc.Text = normalize(text, opts.Verbatim, compose)
		if format == FormatMarkdown {
			doc.Title = markdownTitle(doc.Text)
		}
	}
	if blank(doc.Text) {
		e := &Error{Name: name, Kind: Empty}
		if format == FormatHTML && !blank(text) {
			e.Detail = "no article text in the page"
		} else if len(data) > 0 {
			e.Detail = "only white space"
		}
		return nil, e
	}
	return doc, nil
}

// decodeBytes turns data into UTF-8 text, returning the name of the
// encoding it was in. A byte order mark decides first; an HTML page's own
// <meta charset> declaration next; then valid UTF-8 is taken as it is, and
// anything else is scored against the legacy encodings.
func decodeBytes(name string, data []byte, html bool) (string, string, error) {
	if encName, enc, n := bomEncoding(data); enc != nil {
		body := data[n:]
		if encName == "utf-8" {
			if !utf8.Valid(body) {
				return "", "", invalidUTF8(name, body, int64(n))
			}
			return string(body), encName, nil
		}
		text, err := enc.NewDecoder().String(string(body))
		if err != nil {
			return "", "", &Error{Name: name, Kind: BadEncoding, Detail: encName, Err: err}
		}
		return text, encName, nil
	}
	valid := utf8.Valid(data)
	if html {
		if enc, encName := metaCharset(data); enc != nil && !(valid && westernLabel(encName)) && encName != "utf-8" {
			text, err := enc.NewDecoder().String(string(data))
			if err == nil {
				return text, encName, nil
			}
		}
	}
	if valid {
		return string(data), "utf-8", nil
	}
	if brokenUTF8(data) {
		return "", "", invalidUTF8(name, data, 0)
	}
	best, ok := detectLegacy(data)
	if !ok {
		return "", "", invalidUTF8(name, data, 0)
	}
	text, err := best.enc.NewDecoder().String(string(data))
	if err != nil {
		return "", "", invalidUTF8(name, data, 0)
	}
	return text, best.name, nil
}

// westernLabel reports the encodings a page declares by habit even when it
// is written in UTF-8; valid UTF-8 wins over such a declaration.
func westernLabel(name string) bool {
	return name == "windows-1252" || name == "iso-8859-1" || name == "us-ascii"
}

// invalidUTF8 builds the BadEncoding error for the first invalid byte of
// data, which starts at byte base of the input.
func invalidUTF8(name string, data []byte, base int64) error {
	off, line, col := firstInvalid(data)
	e := &Error{Name: name, Kind: BadEncoding, Line: line, Col: col, Offset: base + int64(off)}
	if off >= 0 {
		e.Byte = data[off]
	}
	return e
}

// normalize drops a leading byte order mark and, unless verbatim,
// converts line endings to "\n". With compose it also puts the text in
// Normalization Form C.
func normalize(s string, verbatim, compose bool) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !verbatim && strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if compose && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// blank reports whether s holds nothing but white space, byte order marks
// and zero-width characters.
func blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B' && r != '\u200C' && r != '\u200D'
	}) < 0
}

// markdownTitle returns the text of the first level-one ATX heading.
func markdownTitle(s string) string {
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\n")
		if t, ok := strings.CutPrefix(line, "# "); ok {
			t = strings.TrimSpace(t)
			if i := strings.LastIndex(t, " #"); i >= 0 && strings.Trim(t[i:], " #") == "" {
				t = strings.TrimSpace(t[:i])
			}
			return t
		}
	}
	return ""
}
