package batchapi

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzAnswers feeds result files of any content to the index: it must
// not fail on a line it cannot read, and every request it indexes as
// answered must be read back with its own custom_id.
func FuzzAnswers(f *testing.F) {
	good := req("good")
	f.Add(answerLine(good, "fine", "stop") + "\n" + errorLine(req("x"), "batch_expired") + "\n")
	f.Add(answerLine(good, "", "length") + "\n{oops\n\n")
	f.Add(`{"custom_id":"tr.th.0123abcd.0.0123456789abcdef0123","response":{"status_code":500,"body":{"error":{"message":"boom"}}}}` + "\n")
	p, err := parserF()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, content string) {
		path := filepath.Join(t.TempDir(), "out.jsonl")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		a := NewAnswers(p)
		defer a.Close()
		if err := a.AddFile(path); err != nil {
			t.Fatalf("AddFile: %v", err)
		}
		for key := range a.byKey {
			r, ok := a.Lookup(key)
			if !ok {
				t.Fatalf("indexed key %s cannot be read back", key)
			}
			id, err := ParseID(r.ID)
			if err != nil || id.Key != key || !r.Answered() {
				t.Fatalf("key %s read back as %+v (%v)", key, r, err)
			}
		}
	})
}
