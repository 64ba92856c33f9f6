package batchapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/manifest"
)

// stateVersion is the layout of the state file.
const stateVersion = 1

// Batch statuses, as OpenAI names them.
const (
	StatusValidating = "validating"
	StatusFailed     = "failed"
	StatusInProgress = "in_progress"
	StatusFinalizing = "finalizing"
	StatusCompleted  = "completed"
	StatusExpired    = "expired"
	StatusCancelling = "cancelling"
	StatusCancelled  = "cancelled"
	// StatusUploaded is juru's own: the input file is uploaded but no
	// batch is known to have been created for it.
	StatusUploaded = "uploaded"
)

// Terminal reports whether a batch status is final.
func Terminal(status string) bool {
	switch status {
	case StatusFailed, StatusCompleted, StatusExpired, StatusCancelled:
		return true
	}
	return false
}

// State is the content of the state file.
type State struct {
	Version int `json:"version"`
	// Run tags every batch of this output folder (metadata juru_run),
	// so that a batch whose creation answer was lost can be found.
	Run string `json:"run"`
	// Endpoint is the base URL the batches live at, without credentials.
	Endpoint string `json:"endpoint,omitempty"`
	// Batches are the input files uploaded, oldest first.
	Batches []*Batch `json:"batches"`
	// Sources maps the source hashes of custom_ids to relative paths.
	Sources map[string]string `json:"sources"`
}

// Batch is one uploaded input file and the batch that runs it.
type Batch struct {
	// Name is the input file's name; the custom_ids of its lines are in
	// .juru/batch/<Name>.ids.
	Name string `json:"name"`
	// InputFileID is the uploaded file; ID the batch, empty until its
	// creation is confirmed.
	InputFileID string `json:"input_file_id"`
	ID          string `json:"id,omitempty"`
	// Status is the batch's last known status, or StatusUploaded.
	Status string `json:"status"`
	// Requests and Bytes measure the input file.
	Requests int   `json:"requests"`
	Bytes    int64 `json:"bytes"`
	// Completed and Failed are the endpoint's request counts.
	Completed int `json:"completed"`
	Failed    int `json:"failed"`
	// OutputFileID and ErrorFileID name the result files at the
	// endpoint; Output and Errors the downloaded copies under
	// .juru/batch, empty until downloaded.
	OutputFileID string `json:"output_file_id,omitempty"`
	ErrorFileID  string `json:"error_file_id,omitempty"`
	Output       string `json:"output,omitempty"`
	Errors       string `json:"errors,omitempty"`
	// Problems lists what the endpoint found wrong with the input file.
	Problems []string `json:"problems,omitempty"`
	// Uploaded and Created are when juru uploaded the file and when the
	// endpoint created the batch.
	Uploaded time.Time `json:"uploaded"`
	Created  time.Time `json:"created,omitzero"`
}

// Active reports whether the batch may still answer requests.
func (b *Batch) Active() bool { return b.ID != "" && !Terminal(b.Status) }

// Collected reports whether the batch's result files are all downloaded.
func (b *Batch) Collected() bool {
	return Terminal(b.Status) && (b.OutputFileID == "" || b.Output != "") && (b.ErrorFileID == "" || b.Errors != "")
}

// Store is the state file of an output folder.
type Store struct {
	dir   string // <out>/.juru
	path  string
	files string // <out>/.juru/batch
}

// StatePath returns the state file of outDir for a shard ("" for none).
func StatePath(outDir, shard string) string {
	name := "batch.json"
	if shard != "" {
		name = "batch." + shard + ".json"
	}
	return filepath.Join(outDir, manifest.Dir, name)
}

// OpenStore returns the store of outDir (for a shard, if not empty). It
// reads and creates nothing.
func OpenStore(outDir, shard string) *Store {
	p := StatePath(outDir, shard)
	return &Store{dir: filepath.Dir(p), path: p, files: filepath.Join(filepath.Dir(p), "batch")}
}

// Path returns the state file.
func (s *Store) Path() string { return s.path }

// FilePath returns the path of a file under .juru/batch.
func (s *Store) FilePath(name string) string { return filepath.Join(s.files, name) }

// ErrNoState means the output folder has no batch state: nothing was
// submitted to it.
var ErrNoState = errors.New("no batch was submitted for this output folder")

// Load reads the state; ErrNoState when there is none.
func (s *Store) Load() (*State, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoState
	}
	if err != nil {
		return nil, fmt.Errorf("read batch state: %w", err)
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("batch state %s: %w", s.path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("batch state %s: version %d, want %d", s.path, st.Version, stateVersion)
	}
	if st.Sources == nil {
		st.Sources = map[string]string{}
	}
	return &st, nil
}

// Update locks the state file, reads it, lets fn change it and writes it
// back atomically if fn returns nil and changed it. With no state file,
// it starts a new state when create is set and returns ErrNoState
// otherwise. Each call reads afresh, so that commands working on one
// folder at once see each other's changes.
func (s *Store) Update(ctx context.Context, create bool, fn func(*State) error) error {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return fmt.Errorf("batch state: %w", err)
	}
	lock := flock.New(s.path + ".lock")
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	ok, err := lock.TryLockContext(lctx, 20*time.Millisecond)
	cancel()
	if err != nil || !ok {
		return fmt.Errorf("batch state %s is locked by another juru command", s.path)
	}
	defer lock.Unlock()
	st, err := s.Load()
	fresh := errors.Is(err, ErrNoState) && create
	if fresh {
		st, err = newState()
	}
	if err != nil {
		return err
	}
	before, _ := json.Marshal(st)
	if err := fn(st); err != nil {
		return err
	}
	after, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("batch state: %w", err)
	}
	if !fresh && sameJSON(after, before) {
		return nil
	}
	if err := atomicfile.WriteFile(s.path, append(after, '\n'), 0o644); err != nil {
		return fmt.Errorf("write batch state: %w", err)
	}
	return nil
}

// sameJSON reports whether indented JSON equals compact JSON.
func sameJSON(indented, compacted []byte) bool {
	var buf bytes.Buffer
	if err := json.Compact(&buf, indented); err != nil {
		return false
	}
	return bytes.Equal(buf.Bytes(), compacted)
}

func newState() (*State, error) {
	var r [6]byte
	if _, err := rand.Read(r[:]); err != nil {
		return nil, fmt.Errorf("batch state: %w", err)
	}
	return &State{Version: stateVersion, Run: "juru-" + hex.EncodeToString(r[:]), Sources: map[string]string{}}, nil
}
