package manifest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// loadSlow is the obvious reading of a manifest without over-long lines.
func loadSlow(data []byte) map[Key]Record {
	out := map[Key]Record{}
	for _, line := range bytes.Split(data, []byte("\n")) {
		var r Record
		if json.Unmarshal(line, &r) == nil && validate(r) == nil {
			out[r.Key] = r
		}
	}
	return out
}

func FuzzManifestLoad(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "torn.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("{}\n\n{\"task\":\"t\",\"status\":\"ok\",\"seq\":-1}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Load(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if l.Complete < 0 || l.Complete > int64(len(b)) {
			t.Fatalf("complete %d of %d", l.Complete, len(b))
		}
		for k, r := range l.Records {
			if k != r.Key || r.Task == "" || r.Seq > l.Seq {
				t.Fatalf("bad record %+v", r)
			}
		}
		for _, p := range l.Problems {
			if p.Line < 1 || p.Reason == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		if len(b) < MaxLine {
			slow := loadSlow(b)
			if len(slow) != len(l.Records) {
				t.Fatalf("%d records, slow reading finds %d", len(l.Records), len(slow))
			}
			for k, r := range slow {
				got, _ := json.Marshal(l.Records[k])
				want, _ := json.Marshal(r)
				if !bytes.Equal(got, want) {
					t.Fatalf("key %v: %s, slow %s", k, got, want)
				}
			}
		}
	})
}
