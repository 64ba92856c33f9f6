package glossary

import (
	"fmt"
	"strconv"
	"strings"
)

// parseTable reads a CSV or TSV glossary into g.
func parseTable(g *Glossary, src *source, format Format, columns []string) error {
	var recs []record
	if format == TSV {
		recs = readTSV(src)
	} else {
		var err error
		if recs, err = readCSV(src); err != nil {
			return err
		}
	}
	lc := newLangCanon()
	var header []cell
	if len(columns) > 0 {
		for i, c := range columns {
			header = append(header, cell{text: c, pos: Pos{File: src.name, Col: i + 1}})
		}
	} else {
		if len(recs) == 0 {
			return &ParseError{Pos: Pos{File: src.name}, Msg: "no header row"}
		}
		header, recs = recs[0].cells, recs[1:]
	}
	cols, pair, err := classify(header, lc, len(columns) > 0)
	if err != nil {
		if pe, ok := err.(*ParseError); ok && len(columns) > 0 {
			pe.Msg = fmt.Sprintf("column %d of the given columns: %s", pe.Pos.Col, pe.Msg)
			pe.Pos.Col = 0
		}
		return err
	}
	fb := newFormBuilder()
	if pair {
		return buildPairs(g, src, cols, recs, lc, fb)
	}
	idColumnAsNote(cols, recs)
	nlang := 0
	for _, c := range cols {
		if c.kind == colLang {
			nlang++
		}
	}
	if nlang == 0 {
		p := Pos{File: src.name}
		if len(header) > 0 {
			p = header[0].pos
		}
		return &ParseError{Pos: p, Msg: "no language column in the header (name columns by BCP 47 tags such as en, id, vi)", header: len(columns) == 0}
	}
	g.Entries = make([]*Entry, 0, len(recs))
	for _, rec := range recs {
		if err := checkWidth(rec, cols); err != nil {
			return err
		}
		e, err := buildRow(src, rec, cols, fb)
		if err != nil {
			return err
		}
		if e != nil {
			g.Entries = append(g.Entries, e)
		}
	}
	return nil
}

// idColumnAsNote turns an "id" column whose cells are all numbers into a
// note column: "id" is Indonesian, but a column of numbers under it is an
// identifier.
func idColumnAsNote(cols []column, recs []record) {
	for i := range cols {
		if cols[i].kind != colLang || !strings.EqualFold(cols[i].name, "id") {
			continue
		}
		numbers := 0
		for _, r := range recs {
			if i >= len(r.cells) {
				continue
			}
			v := strings.TrimSpace(r.cells[i].text)
			if v == "" {
				continue
			}
			if _, err := strconv.ParseUint(v, 10, 64); err != nil {
				return
			}
			numbers++
		}
		if numbers > 0 {
			cols[i].kind, cols[i].lang = colNote, ""
		}
	}
}

// checkWidth rejects a row with text beyond the header's columns or under
// a column without a name.
func checkWidth(rec record, cols []column) error {
	for i, c := range rec.cells {
		if strings.TrimSpace(c.text) == "" {
			continue
		}
		if i >= len(cols) {
			return &ParseError{Pos: c.pos, Msg: fmt.Sprintf("row has more cells than the header (%d columns)", len(cols))}
		}
		if cols[i].kind == colSkip {
			return &ParseError{Pos: c.pos, Msg: fmt.Sprintf("text in column %d, which has no header", i+1)}
		}
	}
	return nil
}

// blankRow reports a row whose cells are all blank.
func blankRow(rec record) bool {
	for _, c := range rec.cells {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// newEntry starts the entry of a row.
func newEntry(src *source, line, langs int) *Entry {
	return &Entry{
		ID:      src.name + ":" + strconv.Itoa(line),
		Terms:   make(map[string][]Form, langs),
		TermPos: make(map[string]Pos, langs),
		Pos:     Pos{File: src.name, Line: line},
	}
}

// buildRow turns one row of a table with a language per column into an
// entry, or nil for a blank row.
func buildRow(src *source, rec record, cols []column, fb *formBuilder) (*Entry, error) {
	if blankRow(rec) {
		return nil, nil
	}
	e := newEntry(src, rec.line, len(cols))
	cells := rec.cells[:min(len(rec.cells), len(cols))]
	for i, c := range cells {
		if err := readMeta(e, cols[i], c); err != nil {
			return nil, err
		}
	}
	for i, c := range cells {
		if cols[i].kind == colLang {
			if err := fb.add(e, cols[i].lang, c); err != nil {
				return nil, err
			}
		}
	}
	return e, nil
}

// readMeta stores a note or the case-sensitive flag of a row.
func readMeta(e *Entry, col column, c cell) error {
	switch col.kind {
	case colNote:
		if text := strings.TrimSpace(c.text); text != "" {
			if e.Notes == nil {
				e.Notes = map[string]string{}
			}
			e.Notes[col.name] = text
		}
	case colCase:
		text := strings.TrimSpace(c.text)
		switch strings.ToLower(text) {
		case "yes", "y", "true", "1", "x":
			e.CaseSensitive = true
		case "no", "n", "false", "0", "":
		default:
			return &ParseError{Pos: c.pos, Msg: fmt.Sprintf("case column holds %q, want yes or no", clip(text))}
		}
	}
	return nil
}

// buildPairs reads a table in the TICO-19 layout, where each row holds a
// source and a target language and string.
func buildPairs(g *Glossary, src *source, cols []column, recs []record, lc *langCanon, fb *formBuilder) error {
	for _, rec := range recs {
		if err := checkWidth(rec, cols); err != nil {
			return err
		}
		if blankRow(rec) {
			continue
		}
		langs := map[colKind]string{}
		for i, c := range rec.cells {
			if i >= len(cols) || (cols[i].kind != colSrcLang && cols[i].kind != colTgtLang) {
				continue
			}
			tag := strings.TrimSpace(c.text)
			if tag == "" {
				return &ParseError{Pos: c.pos, Msg: "missing language"}
			}
			code, sugg := lc.canon(tag, true)
			if code == "" {
				return &ParseError{Pos: c.pos, Msg: unknownTag(tag, sugg, "")}
			}
			langs[cols[i].kind] = code
		}
		if len(langs) < 2 {
			return &ParseError{Pos: Pos{File: src.name, Line: rec.line}, Msg: "row lacks its source or target language"}
		}
		if langs[colSrcLang] == langs[colTgtLang] {
			return &ParseError{Pos: Pos{File: src.name, Line: rec.line}, Msg: fmt.Sprintf("source and target language are both %s", langs[colSrcLang])}
		}
		e := newEntry(src, rec.line, 2)
		cells := rec.cells[:min(len(rec.cells), len(cols))]
		for i, c := range cells {
			if err := readMeta(e, cols[i], c); err != nil {
				return err
			}
		}
		for i, c := range cells {
			var err error
			switch cols[i].kind {
			case colSrcText:
				err = fb.add(e, langs[colSrcLang], c)
			case colTgtText:
				err = fb.add(e, langs[colTgtLang], c)
			}
			if err != nil {
				return err
			}
		}
		g.Entries = append(g.Entries, e)
	}
	return nil
}
