package batchapi

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/juru-cli/juru/internal/atomicfile"
)

// Limits bound one batch input file.
type Limits struct {
	MaxLines int
	MaxBytes int64
}

// DefaultLimits are OpenAI's: 50,000 requests and 200 MB per file.
var DefaultLimits = Limits{MaxLines: 50_000, MaxBytes: 200_000_000}

// Line is one request of a batch input file.
type Line struct {
	// ID is the custom_id, Key the request's full Key.
	ID  string
	Key string
	// Data is the JSON line, without its newline.
	Data []byte
}

// Packer cuts groups of lines (the first requests of one item each) into
// input files within limits, in order, never splitting a group, so that
// an item's requests are answered by one batch. It hands each file to
// flush as soon as it is full, so that a run of any size holds at most
// one file in memory.
type Packer struct {
	lim   Limits
	flush func([]Line) error
	cur   []Line
	size  int64
}

// NewPacker returns a Packer that hands full files to flush.
func NewPacker(lim Limits, flush func([]Line) error) *Packer {
	return &Packer{lim: lim, flush: flush}
}

// Add appends a group, first flushing the current file if the group
// does not fit in it. A group too big for any file is an error.
func (p *Packer) Add(g []Line) error {
	var gs int64
	for _, l := range g {
		gs += int64(len(l.Data)) + 1
	}
	if len(g) > p.lim.MaxLines || gs > p.lim.MaxBytes {
		return fmt.Errorf("the %d requests of one item (%d bytes) do not fit one batch file", len(g), gs)
	}
	if len(p.cur)+len(g) > p.lim.MaxLines || p.size+gs > p.lim.MaxBytes {
		if err := p.Flush(); err != nil {
			return err
		}
	}
	p.cur = append(p.cur, g...)
	p.size += gs
	return nil
}

// Flush hands the current file, if it holds any line, to flush.
func (p *Packer) Flush() error {
	if len(p.cur) == 0 {
		return nil
	}
	lines := p.cur
	p.cur, p.size = nil, 0
	return p.flush(lines)
}

// Pack cuts groups into files as a Packer does and returns them.
func Pack(groups [][]Line, lim Limits) ([][]Line, error) {
	var files [][]Line
	p := NewPacker(lim, func(l []Line) error { files = append(files, l); return nil })
	for _, g := range groups {
		if err := p.Add(g); err != nil {
			return nil, err
		}
	}
	if err := p.Flush(); err != nil {
		return nil, err
	}
	return files, nil
}

// Data joins lines into the bytes of an input file.
func Data(lines []Line) []byte {
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l.Data)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// Submit uploads each file with purpose "batch" and creates its batch
// (completion window 24h, tagged with the run and the file's name),
// recording every step in the state before the next, so that an
// interrupted submit loses nothing: a file uploaded but not confirmed as
// a batch is looked for in the endpoint's batch list, and created only
// if it is not there, by the next Submit or Resume. sources maps the
// source hashes of the lines' custom_ids to paths. It returns the
// batches created.
func (s *Store) Submit(ctx context.Context, api API, files [][]Line, sources map[string]string, endpoint string) ([]Batch, error) {
	var created []Batch
	for _, lines := range files {
		var b Batch
		var run string
		err := s.Update(ctx, true, func(st *State) error {
			if st.Endpoint == "" {
				st.Endpoint = endpoint
			}
			run = st.Run
			b.Name = fmt.Sprintf("%s-%04d.jsonl", st.Run, len(st.Batches)+1)
			return nil
		})
		if err != nil {
			return created, err
		}
		if err := s.writeIDs(b.Name, lines); err != nil {
			return created, err
		}
		data := Data(lines)
		f, err := api.UploadBatchData(ctx, b.Name, data)
		if err != nil {
			return created, fmt.Errorf("upload %s: %w", b.Name, err)
		}
		b.InputFileID, b.Status, b.Requests, b.Bytes, b.Uploaded = f.ID, StatusUploaded, len(lines), int64(len(data)), time.Now().UTC()
		err = s.Update(ctx, true, func(st *State) error {
			nb := b
			st.Batches = append(st.Batches, &nb)
			for h, p := range sources {
				st.Sources[h] = p
			}
			return nil
		})
		if err != nil {
			return created, err
		}
		nb, err := s.create(ctx, api, b, run)
		if err != nil {
			return created, err
		}
		created = append(created, nb)
	}
	return created, nil
}

// Resume creates the batches of files uploaded earlier whose creation was
// never confirmed and that the endpoint's batch list does not show.
func (s *Store) Resume(ctx context.Context, api API) ([]Batch, error) {
	st, err := s.Load()
	if err != nil {
		return nil, err
	}
	var created []Batch
	for _, b := range st.Batches {
		if b.ID != "" {
			continue
		}
		x, ok, err := find(ctx, api, b)
		if err != nil {
			return created, fmt.Errorf("look for the batch of %s: %w", b.Name, err)
		}
		nb := *b
		if ok {
			apply(&nb, x)
			if err := s.save(ctx, nb); err != nil {
				return created, err
			}
			continue
		}
		if nb, err = s.create(ctx, api, nb, st.Run); err != nil {
			return created, err
		}
		created = append(created, nb)
	}
	return created, nil
}

// create creates the batch of an uploaded file, tagged with the run and
// the file's name, and records it. When the
// answer is lost, the batch list tells whether the batch exists.
func (s *Store) create(ctx context.Context, api API, b Batch, run string) (Batch, error) {
	x, err := api.CreateBatch(ctx, b.InputFileID, map[string]string{MetaRun: run, MetaFile: b.Name})
	if err != nil {
		found, ok, ferr := find(ctx, api, &b)
		if ferr != nil || !ok {
			return b, fmt.Errorf("create the batch of %s: %w (the file is uploaded; 'juru batch submit' tries again)", b.Name, err)
		}
		x = found
	}
	apply(&b, x)
	return b, s.save(ctx, b)
}

// save records one batch.
func (s *Store) save(ctx context.Context, b Batch) error {
	return s.Update(ctx, false, func(st *State) error {
		for i, x := range st.Batches {
			if x.Name == b.Name {
				nb := b
				st.Batches[i] = &nb
			}
		}
		return nil
	})
}

// Cancel asks the endpoint to stop every active batch and records their
// status.
func (s *Store) Cancel(ctx context.Context, api API) ([]Batch, error) {
	st, err := s.Load()
	if err != nil {
		return nil, err
	}
	var out []Batch
	for _, b := range st.Batches {
		if !b.Active() {
			continue
		}
		x, err := api.CancelBatch(ctx, b.ID)
		if err != nil {
			return out, fmt.Errorf("cancel %s: %w", b.ID, err)
		}
		nb := *b
		apply(&nb, x)
		if err := s.save(ctx, nb); err != nil {
			return out, err
		}
		out = append(out, nb)
	}
	return out, nil
}

// writeIDs records the custom_ids of an input file before it is uploaded.
func (s *Store) writeIDs(name string, lines []Line) error {
	if err := os.MkdirAll(s.files, 0o755); err != nil {
		return fmt.Errorf("batch requests: %w", err)
	}
	var buf bytes.Buffer
	for _, l := range lines {
		buf.WriteString(l.ID)
		buf.WriteByte('\n')
	}
	if err := atomicfile.WriteFile(s.FilePath(name+".ids"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("batch requests: %w", err)
	}
	return nil
}
