package glossary

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// source is the text of one glossary file, decoded to UTF-8, with an index
// of line starts to turn byte offsets into positions.
type source struct {
	name  string
	data  []byte
	lines []int // byte offset of the start of each line
	// last is the most recent position asked for, at offset lastOff:
	// readers ask for increasing offsets, which pos then finds by
	// counting from there rather than from the start of the line.
	last    Pos
	lastOff int
}

// Byte-order marks.
const (
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// decodeText strips a UTF-8 byte-order mark or decodes UTF-16 text that
// starts with one, then checks that the text is valid UTF-8 without NUL
// bytes.
func decodeText(raw []byte, name string) (*source, error) {
	data := raw
	switch {
	case bytes.HasPrefix(raw, []byte(bomUTF8)):
		data = raw[len(bomUTF8):]
	case bytes.HasPrefix(raw, []byte(bomUTF16LE)), bytes.HasPrefix(raw, []byte(bomUTF16BE)):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return nil, &ParseError{Pos: Pos{File: name}, Msg: "cannot decode UTF-16", Err: err}
		}
		data = bytes.TrimPrefix(out, []byte(bomUTF8))
	}
	s := &source{name: name, data: data}
	s.index()
	if off := firstBadByte(data); off >= 0 {
		msg := "invalid UTF-8 (a glossary must be UTF-8, or UTF-16 with a byte-order mark)"
		if data[off] == 0 {
			msg = "NUL byte (binary data, not a text glossary)"
		}
		return nil, &ParseError{Pos: s.pos(off), Msg: msg}
	}
	return s, nil
}

// firstBadByte returns the offset of the first NUL byte or invalid UTF-8
// sequence in data, or -1.
func firstBadByte(data []byte) int {
	nul := bytes.IndexByte(data, 0)
	if utf8.Valid(data) {
		return nul
	}
	lim := len(data)
	if nul >= 0 {
		lim = nul
	}
	for i := 0; i < lim; {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return nul
}

func (s *source) index() {
	s.lines = append(s.lines[:0], 0)
	for i := 0; ; {
		j := bytes.IndexByte(s.data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		s.lines = append(s.lines, i)
	}
}

// pos returns the position of a byte offset: 1-based line, and 1-based
// column counted in characters.
func (s *source) pos(off int) Pos {
	off = max(0, min(off, len(s.data)))
	p := Pos{File: s.name}
	if s.last.Line > 0 && off >= s.lastOff {
		seg := s.data[s.lastOff:off]
		if k := bytes.LastIndexByte(seg, '\n'); k >= 0 {
			p.Line = s.last.Line + bytes.Count(seg, []byte{'\n'})
			p.Col = 1 + utf8.RuneCount(seg[k+1:])
		} else {
			p.Line, p.Col = s.last.Line, s.last.Col+utf8.RuneCount(seg)
		}
	} else {
		l := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
		p.Line, p.Col = l+1, 1+utf8.RuneCount(s.data[s.lines[l]:off])
	}
	s.last, s.lastOff = p, off
	return p
}

// lineCol returns the position of a 1-based line and 1-based byte column,
// as encoding/csv reports them.
func (s *source) lineCol(line, byteCol int) Pos {
	if line < 1 || line > len(s.lines) {
		return Pos{File: s.name, Line: line}
	}
	start, end := s.lines[line-1], len(s.data)
	if line < len(s.lines) {
		end = s.lines[line] - 1
	}
	return s.pos(min(start+max(byteCol-1, 0), end))
}
