package manifest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxLine is the longest manifest line read; longer lines are skipped
// and reported.
const MaxLine = 1 << 20

// Problem is a manifest line that was skipped on load.
type Problem struct {
	// Line is the 1-based line number.
	Line int
	// Torn reports an incomplete last line, as a kill while writing
	// leaves it.
	Torn bool
	// Reason says what is wrong.
	Reason string
}

func (p Problem) String() string {
	if p.Torn {
		return fmt.Sprintf("line %d: torn last record ignored (%s)", p.Line, p.Reason)
	}
	return fmt.Sprintf("line %d: record ignored (%s)", p.Line, p.Reason)
}

// Loaded is the content of a manifest file.
type Loaded struct {
	// Records holds the last record of each key.
	Records map[Key]Record
	// Seq is the highest sequence number seen.
	Seq int64
	// Problems lists the lines skipped.
	Problems []Problem
	// Complete is the length of the file up to the end of its last line
	// that ends with a newline; TornTail reports a final line without
	// newline that could not be read.
	Complete int64
	TornTail bool
	// Tail reports a final line without newline that was read fine.
	Tail bool
}

// Load reads manifest lines from r, keeping the last record per key (by
// position in the file). It never fails on bad content: bad lines become
// Problems. Only a read error is returned.
func Load(r io.Reader) (*Loaded, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	l := &Loaded{Records: map[Key]Record{}}
	var off int64
	for n := 1; ; n++ {
		line, size, newline, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return l, fmt.Errorf("read manifest: %w", err)
		}
		if size == 0 && errors.Is(err, io.EOF) {
			return l, nil
		}
		off += size
		if newline {
			l.Complete = off
		}
		var rec Record
		reason := ""
		blank := !tooLong && len(trimSpace(line)) == 0
		switch {
		case blank:
		case tooLong:
			reason = fmt.Sprintf("longer than %d bytes", MaxLine)
		default:
			if e := json.Unmarshal(line, &rec); e != nil {
				reason = "invalid JSON: " + e.Error()
			} else if e := validate(rec); e != nil {
				reason = e.Error()
			}
		}
		switch {
		case blank:
		case reason != "":
			l.Problems = append(l.Problems, Problem{Line: n, Torn: !newline, Reason: reason})
			l.TornTail = !newline
		default:
			l.Records[rec.Key] = rec
			l.Seq = max(l.Seq, rec.Seq)
			l.Tail = !newline
		}
		if !newline {
			return l, nil
		}
	}
}

// readLine reads one line, keeping at most MaxLine bytes of it. size is
// the number of bytes consumed, newline whether the line ended with one.
func readLine(br *bufio.Reader) (line []byte, size int64, newline, tooLong bool, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		size += int64(len(frag))
		if !tooLong {
			if len(line)+len(frag) > MaxLine+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		switch {
		case e == nil:
			return trimNewline(line), size, true, tooLong, nil
		case errors.Is(e, bufio.ErrBufferFull):
			continue
		default:
			return trimNewline(line), size, false, tooLong, e
		}
	}
}

func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func validate(r Record) error {
	switch {
	case r.Task == "":
		return errors.New("no task")
	case r.Seq < 0:
		return errors.New("negative seq")
	}
	switch r.Status {
	case StatusOK, StatusViolations, StatusFailed:
	default:
		return fmt.Errorf("unknown status %q", r.Status)
	}
	return nil
}
