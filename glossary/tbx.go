package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// tbxTerm is one term of a langSet/langSec being read.
type tbxTerm struct {
	text   strings.Builder
	status string // administrativeStatus as written, "" when absent
	pos    Pos
}

// tbxReader holds the state of a TBX document being read.
type tbxReader struct {
	src      *source
	g        *Glossary
	lc       *langCanon
	fb       *formBuilder
	stack    []string // local names of the open elements
	rootSeen bool

	entry *Entry
	terms map[string][]*tbxTerm // terms of the entry by language
	lang  string                // language of the open langSet, "" outside
	term  *tbxTerm              // the open tig/ntig/termSec
	bare  bool                  // term is a <term> outside any group
	text  *strings.Builder      // where character data goes, nil to drop it
	note  string                // key of the entry-level note being read
	notes strings.Builder
	admin bool // reading an administrativeStatus termNote
	ttype bool // reading a termType termNote
	tnote strings.Builder
}

// parseTBX reads a TBX document (TBX v3 / TBX-Basic conceptEntry/langSec/
// termSec, or the older martif termEntry/langSet/tig and ntig) into g.
// The XML is read as a stream: no DTD is fetched and no entity beyond
// XML's own is expanded.
func parseTBX(g *Glossary, src *source) error {
	d := xml.NewDecoder(bytes.NewReader(src.data))
	d.Strict = true
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf16", "utf-16le", "utf-16be", "us-ascii", "ascii":
			// the text was decoded to UTF-8 (or checked to be) before
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (save the file as UTF-8)", label)
	}
	t := &tbxReader{src: src, g: g, lc: newLangCanon(), fb: newFormBuilder()}
	for {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			if !t.rootSeen {
				return &ParseError{Pos: src.pos(len(src.data)), Msg: "not a TBX file: no root element"}
			}
			return nil
		}
		if err != nil {
			return xmlError(src, d, err)
		}
		if err := t.token(tok, src.pos(off)); err != nil {
			return err
		}
	}
}

// xmlError turns an error of encoding/xml into a *ParseError at the place
// the decoder stopped.
func xmlError(src *source, d *xml.Decoder, err error) error {
	off := int(d.InputOffset())
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return &ParseError{Pos: src.pos(off), Msg: "cannot read XML", Err: err}
	}
	// The decoder stops after the offending entity or closing tag; point
	// at its start.
	culprit := strings.TrimPrefix(se.Msg, "invalid character entity ")
	if i := strings.Index(se.Msg, " closed by </"); i >= 0 {
		culprit = strings.TrimSuffix(se.Msg[i+len(" closed by "):], ">")
	}
	if culprit != se.Msg {
		if i := bytes.LastIndex(src.data[:off], []byte(culprit)); i >= 0 && off-i <= len(culprit)+1 {
			off = i
		}
	}
	pos := src.pos(off)
	if se.Line != pos.Line {
		pos = Pos{File: src.name, Line: se.Line}
	}
	return &ParseError{Pos: pos, Msg: "malformed XML: " + se.Msg}
}
