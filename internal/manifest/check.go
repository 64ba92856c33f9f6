package manifest

import (
	"errors"
	"os"
	"path/filepath"
)

// State is what Check found for an item.
type State int

// The states Check reports.
const (
	// StateMissing: no record for the key.
	StateMissing State = iota
	// StateChanged: the source hash or the fingerprint differs from the record.
	StateChanged
	// StateFailed: the last attempt failed.
	StateFailed
	// StateOutputMissing: the recorded output file is gone.
	StateOutputMissing
	// StateEdited: the output file's content differs from what was written,
	// so a person edited it; a run leaves it alone unless forced.
	StateEdited
	// StateCurrent: the output is up to date.
	StateCurrent
)

var stateNames = [...]string{"missing", "changed", "failed", "output missing", "edited", "up to date"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "unknown"
}

// Redo reports whether an item in this state should be done again: every
// state but StateCurrent and StateEdited, and every state when forced.
func (s State) Redo(force bool) bool {
	return force || (s != StateCurrent && s != StateEdited)
}

// Check compares the record of k with the current source hash and
// fingerprint and with the output file on disk. The checks come in this
// order: no record (StateMissing); an output whose bytes differ from the
// recorded hash (StateEdited, whatever else changed, so a person's edit is
// never overwritten silently); a recorded output that is gone
// (StateOutputMissing); a failed record (StateFailed); a different source hash or
// fingerprint (StateChanged); otherwise StateCurrent.
func (m *Manifest) Check(k Key, sourceHash, fingerprint string) (Record, State) {
	r, ok := m.Get(k)
	if !ok {
		return r, StateMissing
	}
	if r.Output != "" && r.OutputHash != "" {
		h, err := HashFile(m.OutputPath(r.Output))
		switch {
		case errors.Is(err, os.ErrNotExist):
			if r.Status != StatusFailed {
				return r, StateOutputMissing
			}
		case err != nil:
			return r, StateOutputMissing
		case h != r.OutputHash:
			return r, StateEdited
		}
	}
	switch {
	case r.Status == StatusFailed:
		return r, StateFailed
	case r.Output == "" || r.OutputHash == "":
		return r, StateOutputMissing
	case r.SourceHash != sourceHash || r.Fingerprint != fingerprint:
		return r, StateChanged
	}
	return r, StateCurrent
}

// UpToDate reports whether the item k needs no work: Check says Current.
func (m *Manifest) UpToDate(k Key, sourceHash, fingerprint string) (Record, bool) {
	r, s := m.Check(k, sourceHash, fingerprint)
	return r, s == StateCurrent
}

// OutputPath returns the file a record's slash-separated Output names.
func (m *Manifest) OutputPath(rel string) string {
	return filepath.Join(m.outDir, filepath.FromSlash(rel))
}
