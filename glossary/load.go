package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format is the file format of a glossary.
type Format int

// The glossary formats Parse reads.
const (
	// Auto guesses the format from the content: TBX when the text starts
	// with "<", TSV when the first line holds a tab, CSV otherwise.
	Auto Format = iota
	// CSV is comma-separated values (RFC 4180 quoting).
	CSV
	// TSV is tab-separated values, one record per line, without quoting.
	TSV
	// TBX is the TermBase eXchange XML format (ISO 30042).
	TBX
)

// String returns the format's name in lower case, as in "csv".
func (f Format) String() string {
	switch f {
	case Auto:
		return "auto"
	case CSV:
		return "csv"
	case TSV:
		return "tsv"
	case TBX:
		return "tbx"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// DefaultMaxBytes is the largest glossary file Parse reads unless
// ParseOptions.MaxBytes says otherwise: 256 MiB.
const DefaultMaxBytes = 256 << 20

// ParseOptions tunes Parse.
type ParseOptions struct {
	// Format of the input; Auto guesses it from the content.
	Format Format
	// Columns names the columns of a CSV or TSV file that has no header
	// row (such as the GATITOS lexicons): language codes, or note names.
	// When set, every row of the file is an entry.
	Columns []string
	// MaxBytes bounds the size of the input; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// FormatForPath returns the format a file name's extension implies:
// .csv is CSV, .tsv and .tab are TSV, .tbx and .xml are TBX; anything
// else, .txt included, is Auto.
func FormatForPath(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV
	case ".tsv", ".tab":
		return TSV
	case ".tbx", ".xml":
		return TBX
	}
	return Auto
}

// Load reads a glossary file, with the format its extension implies
// (see FormatForPath) or, failing that, the one its content suggests.
func Load(path string) (*Glossary, error) {
	return LoadFile(path, ParseOptions{})
}

// LoadFile reads a glossary file with options. When opts.Format is Auto
// the extension decides, then the content.
func LoadFile(path string, opts ParseOptions) (*Glossary, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	if fi.IsDir() {
		return nil, &ParseError{Pos: Pos{File: path}, Msg: "is a folder, not a glossary file"}
	}
	if !fi.Mode().IsRegular() {
		return nil, &ParseError{Pos: Pos{File: path}, Msg: "is not a regular file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	defer f.Close()
	if opts.Format == Auto {
		opts.Format = FormatForPath(path)
	}
	g, err := Parse(f, path, opts)
	var pe *ParseError
	if err == nil || len(opts.Columns) > 0 || opts.Format == TBX || !errors.As(err, &pe) || !pe.header {
		return g, err
	}
	// no header: the languages may be in the file's name
	cols := ColumnsFromName(path)
	if cols == nil {
		return nil, err
	}
	if _, serr := f.Seek(0, io.SeekStart); serr != nil {
		return nil, err
	}
	opts.Columns = cols
	if g, nerr := Parse(f, path, opts); nerr == nil {
		return g, nil
	}
	return nil, err
}

// ColumnsFromName returns the two languages a glossary file's name gives,
// source first, as in "en_tet.tsv" (the GATITOS lexicons): the name
// without its extension is two language tags joined by "_". It returns
// nil for other names. LoadFile reads a CSV or TSV file without a header
// row with these columns.
func ColumnsFromName(path string) []string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" {
		base = strings.TrimSuffix(base, ext)
	}
	a, b, ok := strings.Cut(base, "_")
	if !ok || a == "" || b == "" || strings.Contains(b, "_") {
		return nil
	}
	lc := newLangCanon()
	for _, t := range []string{a, b} {
		if code, _ := lc.canon(t, true); code == "" {
			return nil
		}
	}
	return []string{a, b}
}

// Parse reads a glossary in the given format from r. The name is used in
// positions and entry IDs. Errors in the content are *ParseError values
// carrying the line and column.
func Parse(r io.Reader, name string, opts ParseOptions) (*Glossary, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &ParseError{Pos: Pos{File: name}, Msg: "cannot read", Err: err}
	}
	if int64(len(raw)) > limit {
		return nil, &ParseError{Pos: Pos{File: name}, Msg: fmt.Sprintf("larger than the limit of %d bytes", limit)}
	}
	src, err := decodeText(raw, name)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(src.data)) == 0 {
		return nil, &ParseError{Pos: Pos{File: name}, Msg: "empty file"}
	}
	format := opts.Format
	if format == Auto {
		format = sniff(src.data)
	}
	g := &Glossary{Files: []string{name}, cache: &matcherCache{}}
	switch format {
	case CSV, TSV:
		err = parseTable(g, src, format, opts.Columns)
	case TBX:
		if len(opts.Columns) > 0 {
			return nil, &ParseError{Pos: Pos{File: name}, Msg: "columns cannot be given for a TBX file"}
		}
		err = parseTBX(g, src)
	default:
		return nil, fmt.Errorf("glossary: unknown format %v", format)
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

// sniff guesses the format of a text from its first line that is not
// blank: TBX when it starts with '<', TSV when it holds a tab, else CSV.
func sniff(data []byte) Format {
	for line := range bytes.Lines(data) {
		t := bytes.TrimSpace(line)
		switch {
		case len(t) == 0:
			continue
		case t[0] == '<':
			return TBX
		case bytes.IndexByte(line, '\t') >= 0:
			return TSV
		}
		return CSV
	}
	return CSV
}
