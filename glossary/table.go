package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"
)

// record is one row of a CSV or TSV table.
type record struct {
	line  int
	cells []cell
}

// readCSV splits comma-separated text into records with encoding/csv,
// keeping the position of every field.
func readCSV(src *source) ([]record, error) {
	r := csv.NewReader(bytes.NewReader(src.data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out []record
	for {
		fields, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &ParseError{Pos: src.lineCol(pe.Line, pe.Column), Msg: "malformed CSV", Err: pe.Err}
			}
			return nil, &ParseError{Pos: Pos{File: src.name}, Msg: "malformed CSV", Err: err}
		}
		rec := record{cells: make([]cell, len(fields))}
		for i, f := range fields {
			line, col := r.FieldPos(i)
			rec.cells[i] = cell{text: f, pos: src.lineCol(line, col)}
		}
		rec.line = rec.cells[0].pos.Line
		out = append(out, rec)
	}
}

// readTSV splits tab-separated text into records: one per line, fields
// split at every tab, quotes being ordinary characters. Blank lines are
// skipped; a final carriage return is dropped.
func readTSV(src *source) []record {
	var out []record
	data := src.data
	for ln, start := 1, 0; start < len(data); ln++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := bytes.TrimSuffix(data[start:end], []byte("\r"))
		if len(bytes.TrimSpace(line)) > 0 {
			rec := record{line: ln}
			col := 1
			for {
				i := bytes.IndexByte(line, '\t')
				f := line
				if i >= 0 {
					f = line[:i]
				}
				rec.cells = append(rec.cells, cell{text: string(f), pos: Pos{File: src.name, Line: ln, Col: col}})
				if i < 0 {
					break
				}
				col += utf8.RuneCount(f) + 1
				line = line[i+1:]
			}
			out = append(out, rec)
		}
		start = end + 1
	}
	return out
}
