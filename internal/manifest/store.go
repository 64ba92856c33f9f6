package manifest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/juru-cli/juru/internal/atomicfile"
)

// Dir is the folder, inside an output folder, that holds juru's state.
const Dir = ".juru"

// FileName is the manifest's file name inside Dir.
const FileName = "manifest.jsonl"

// DefaultLockTimeout is how long Open waits for another run by default.
const DefaultLockTimeout = 10 * time.Second

// Options tunes Open.
type Options struct {
	// Shard, if not empty, selects the manifest of one shard of a
	// sharded run: manifest.<Shard>.jsonl, with its own lock. It may
	// hold letters, digits, "-" and "_".
	Shard string
	// LockTimeout is how long to wait for another run holding the lock;
	// zero means DefaultLockTimeout, a negative value does not wait.
	LockTimeout time.Duration
	// Now tells the time for Record.Time; nil means time.Now.
	Now func() time.Time
}

// LockedError reports an output folder in use by another run.
type LockedError struct {
	// Dir is the output folder.
	Dir string
	// PID is the process holding the lock, zero if unknown.
	PID int
	// Waited is how long Open waited.
	Waited time.Duration
}

func (e *LockedError) Error() string {
	who := "another juru run"
	if e.PID > 0 {
		who += fmt.Sprintf(" (pid %d)", e.PID)
	}
	return fmt.Sprintf("output folder %s is in use by %s; gave up after %s", e.Dir, who, e.Waited.Round(time.Millisecond))
}

// Manifest is an open, locked manifest. Its methods are safe for
// concurrent use.
type Manifest struct {
	outDir string
	path   string
	lock   *flock.Flock
	now    func() time.Time

	mu       sync.Mutex
	f        *os.File
	recs     map[Key]Record
	seq      int64
	problems []Problem
	closed   bool
}

// Path returns the manifest file of outDir for a shard ("" for the main one).
func Path(outDir, shard string) string {
	name := FileName
	if shard != "" {
		name = "manifest." + shard + ".jsonl"
	}
	return filepath.Join(outDir, Dir, name)
}

// Open locks and loads the manifest of outDir, creating outDir/.juru as
// needed, and readies it for appends. A torn last line is cut off and
// reported in Problems.
func Open(ctx context.Context, outDir string, opts Options) (*Manifest, error) {
	if strings.Trim(opts.Shard, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" {
		return nil, fmt.Errorf("bad shard name %q", opts.Shard)
	}
	m := &Manifest{outDir: outDir, path: Path(outDir, opts.Shard), now: opts.Now}
	if m.now == nil {
		m.now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return nil, fmt.Errorf("open manifest: %w", err)
	}
	if err := m.takeLock(ctx, opts.LockTimeout); err != nil {
		return nil, err
	}
	removeTemps(m.path)
	if err := m.load(); err != nil {
		_ = m.lock.Unlock()
		return nil, err
	}
	return m, nil
}

func (m *Manifest) takeLock(ctx context.Context, timeout time.Duration) error {
	lockPath := m.path + ".lock"
	m.lock = flock.New(lockPath)
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	start := time.Now()
	ok, err := m.lock.TryLock()
	if err == nil && !ok && timeout > 0 {
		wctx, cancel := context.WithTimeout(ctx, timeout)
		ok, err = m.lock.TryLockContext(wctx, 50*time.Millisecond)
		cancel()
		if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			err = nil
		}
	}
	if err != nil {
		return fmt.Errorf("lock %s: %w", m.outDir, err)
	}
	if !ok {
		pid, _ := readPID(lockPath)
		return &LockedError{Dir: m.outDir, PID: pid, Waited: time.Since(start)}
	}
	_ = os.WriteFile(lockPath, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	return nil
}

// removeTemps deletes the temporary files a compaction of path left
// when killed; only this manifest's, as other shards may be compacting.
func removeTemps(path string) {
	ms, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	for _, m := range ms {
		_ = os.Remove(m)
	}
}

func readPID(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

// load reads the file, repairs its tail and opens it for appending.
func (m *Manifest) load() error {
	f, err := os.OpenFile(m.path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("open manifest: %w", err)
	}
	l, err := Load(f)
	if err != nil {
		f.Close()
		return err
	}
	m.recs, m.seq, m.problems = l.Records, l.Seq, l.Problems
	switch {
	case l.TornTail:
		err = f.Truncate(l.Complete)
	case l.Tail:
		err = appendNewline(f)
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		return fmt.Errorf("repair manifest: %w", err)
	}
	return m.reopen()
}

// appendNewline ends a last line that was complete but for its newline.
func appendNewline(f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	_, err = f.WriteAt([]byte("\n"), info.Size())
	return err
}

func (m *Manifest) reopen() error {
	f, err := os.OpenFile(m.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("open manifest: %w", err)
	}
	m.f = f
	return nil
}

// OutDir returns the output folder the manifest describes.
func (m *Manifest) OutDir() string { return m.outDir }

// File returns the manifest file's path.
func (m *Manifest) File() string { return m.path }

// Problems returns the lines skipped when the manifest was loaded.
func (m *Manifest) Problems() []Problem {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Problem(nil), m.problems...)
}

// Get returns the last record of a key.
func (m *Manifest) Get(k Key) (Record, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[k]
	return r, ok
}

// Records returns the last record of every key, sorted by key.
func (m *Manifest) Records() []Record {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sorted()
}

func (m *Manifest) sorted() []Record {
	out := make([]Record, 0, len(m.recs))
	for _, r := range m.recs {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key.Less(out[j].Key) })
	return out
}

// Append writes a record and flushes it to disk before returning. It
// sets Seq and, when zero, Time.
func (m *Manifest) Append(r Record) (Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return r, errors.New("append to a closed manifest")
	}
	if err := validate(r); err != nil {
		return r, fmt.Errorf("append to manifest: %w", err)
	}
	m.seq++
	r.Seq = m.seq
	if r.Time.IsZero() {
		r.Time = m.now().UTC()
	}
	line, err := json.Marshal(r)
	if err != nil {
		return r, fmt.Errorf("append to manifest: %w", err)
	}
	line = append(line, '\n')
	if _, err := m.f.Write(line); err != nil {
		return r, fmt.Errorf("append to manifest %s: %w", m.path, err)
	}
	if err := m.f.Sync(); err != nil {
		return r, fmt.Errorf("append to manifest %s: %w", m.path, err)
	}
	m.recs[r.Key] = r
	return r, nil
}

// Compact rewrites the manifest atomically with the last record of each
// key only, sorted by key.
func (m *Manifest) Compact() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return errors.New("compact a closed manifest")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, r := range m.sorted() {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("compact manifest: %w", err)
		}
	}
	if err := atomicfile.WriteFile(m.path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("compact manifest: %w", err)
	}
	m.problems = nil
	old := m.f
	if err := m.reopen(); err != nil {
		return err
	}
	return old.Close()
}

// Close closes the file and releases the lock. The lock file stays.
func (m *Manifest) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	err := m.f.Close()
	if uerr := m.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}
