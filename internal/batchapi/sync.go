package batchapi

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/openai"
)

// API is what batches need of the endpoint; *openai.Client has it.
type API interface {
	UploadBatchData(ctx context.Context, name string, data []byte) (openai.File, error)
	CreateBatch(ctx context.Context, inputFileID string, metadata map[string]string) (openai.Batch, error)
	RetrieveBatch(ctx context.Context, id string) (openai.Batch, error)
	CancelBatch(ctx context.Context, id string) (openai.Batch, error)
	ListBatches(ctx context.Context, after string, limit int) ([]openai.Batch, bool, error)
	FileContent(ctx context.Context, fileID string) (io.ReadCloser, error)
}

var _ API = (*openai.Client)(nil)

// Metadata keys juru attaches to its batches.
const (
	MetaRun  = "juru_run"
	MetaFile = "juru_file"
)

// listPages bounds the pages of the batch list searched for a batch
// whose creation answer was lost.
const listPages = 10

// find looks for the batch created over an input file, newest first,
// stopping at batches older than the upload.
func find(ctx context.Context, api API, b *Batch) (openai.Batch, bool, error) {
	after := ""
	for range listPages {
		list, more, err := api.ListBatches(ctx, after, 100)
		if err != nil {
			return openai.Batch{}, false, err
		}
		for _, x := range list {
			if x.InputFileID == b.InputFileID {
				return x, true, nil
			}
			after = x.ID
		}
		if !more || len(list) == 0 {
			break
		}
		if last := list[len(list)-1]; !last.CreatedAt.IsZero() && last.CreatedAt.Before(b.Uploaded.Add(-time.Hour)) {
			break
		}
	}
	return openai.Batch{}, false, nil
}

// apply copies what the endpoint says of a batch into the state.
func apply(b *Batch, x openai.Batch) {
	b.ID, b.Status = x.ID, x.Status
	b.Completed, b.Failed = x.Completed, x.Failed
	if x.OutputFileID != "" {
		b.OutputFileID = x.OutputFileID
	}
	if x.ErrorFileID != "" {
		b.ErrorFileID = x.ErrorFileID
	}
	if len(x.Errors) > 0 {
		b.Problems = x.Errors
	}
	if !x.CreatedAt.IsZero() {
		b.Created = x.CreatedAt
	}
}

// Sync brings the state up to date with the endpoint: it finds batches
// whose creation was not confirmed, asks for the status of every active
// batch, and downloads the result files of finished ones. It makes no
// request for a batch already finished and downloaded, so that a second
// call on a finished run makes none at all. onBatch, if set, sees each
// batch after its update.
func (s *Store) Sync(ctx context.Context, api API, onBatch func(Batch)) error {
	st, err := s.Load()
	if err != nil {
		return err
	}
	for _, b := range st.Batches {
		if err := s.syncOne(ctx, api, *b); err != nil {
			return err
		}
		if onBatch != nil {
			if st, err = s.Load(); err != nil {
				return err
			}
			for _, nb := range st.Batches {
				if nb.Name == b.Name {
					onBatch(*nb)
				}
			}
		}
	}
	return nil
}

// syncOne updates one batch, working on a copy and saving the changes.
func (s *Store) syncOne(ctx context.Context, api API, b Batch) error {
	orig := b
	switch {
	case b.ID == "":
		x, ok, err := find(ctx, api, &b)
		if err != nil {
			return fmt.Errorf("look for the batch of %s: %w", b.Name, err)
		}
		if ok {
			apply(&b, x)
		}
	case !Terminal(b.Status):
		x, err := api.RetrieveBatch(ctx, b.ID)
		if err != nil {
			return fmt.Errorf("batch %s: %w", b.ID, err)
		}
		apply(&b, x)
	}
	if Terminal(b.Status) {
		var err error
		if b.Output, err = s.download(ctx, api, b.OutputFileID, b.ID+".output.jsonl", b.Output); err != nil {
			return err
		}
		if b.Errors, err = s.download(ctx, api, b.ErrorFileID, b.ID+".errors.jsonl", b.Errors); err != nil {
			return err
		}
	}
	if equalBatch(orig, b) {
		return nil
	}
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

func equalBatch(a, b Batch) bool {
	return a.ID == b.ID && a.Status == b.Status && a.Completed == b.Completed && a.Failed == b.Failed &&
		a.OutputFileID == b.OutputFileID && a.ErrorFileID == b.ErrorFileID && a.Output == b.Output &&
		a.Errors == b.Errors && strings.Join(a.Problems, "\n") == strings.Join(b.Problems, "\n") && a.Created.Equal(b.Created)
}

// download fetches a result file to .juru/batch/name unless done already
// (have names the copy), and returns the local name.
func (s *Store) download(ctx context.Context, api API, fileID, name, have string) (string, error) {
	if fileID == "" {
		return "", nil
	}
	if have != "" {
		if _, err := os.Stat(s.FilePath(have)); err == nil {
			return have, nil
		}
	}
	rc, err := api.FileContent(ctx, fileID)
	if err != nil {
		return "", fmt.Errorf("download %s: %w", fileID, err)
	}
	defer rc.Close()
	if err := os.MkdirAll(s.files, 0o755); err != nil {
		return "", fmt.Errorf("download %s: %w", fileID, err)
	}
	if err := atomicfile.Write(s.FilePath(name), rc, 0o644); err != nil {
		return "", fmt.Errorf("download %s: %w", fileID, err)
	}
	return name, nil
}

// Answers indexes every downloaded result file of the state, in the
// order the batches were submitted. Close it when done.
func (s *Store) Answers(st *State, p Parser) (*Answers, error) {
	a := NewAnswers(p)
	for _, b := range st.Batches {
		for _, f := range []string{b.Output, b.Errors} {
			if f == "" {
				continue
			}
			if err := a.AddFile(s.FilePath(f)); err != nil {
				a.Close()
				return nil, err
			}
		}
	}
	return a, nil
}

// InFlight returns the short keys of requests in batches that may still
// answer (and in uploaded files whose batch is not confirmed), each with
// the batch's name and status.
func (s *Store) InFlight(st *State) (map[string]string, error) {
	out := map[string]string{}
	for _, b := range st.Batches {
		if Terminal(b.Status) {
			continue
		}
		ids, err := s.readIDs(b.Name)
		if err != nil {
			return nil, err
		}
		where := b.Name + " (" + b.Status + ")"
		if b.ID != "" {
			where = "batch " + b.ID + " (" + b.Status + ")"
		}
		for _, id := range ids {
			out[id.Key] = where
		}
	}
	return out, nil
}

// readIDs reads the custom_ids of an input file.
func (s *Store) readIDs(name string) ([]ID, error) {
	f, err := os.Open(s.FilePath(name + ".ids"))
	if err != nil {
		return nil, fmt.Errorf("batch requests of %s: %w", name, err)
	}
	defer f.Close()
	var out []ID
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		id, err := ParseID(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("batch requests of %s: %w", name, err)
		}
		out = append(out, id)
	}
	return out, sc.Err()
}
