package translate

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/juru-cli/juru/internal/prompt"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestDryRunGolden compares the dry-run plan of the fixture article with
// testdata/article.plan.json; run with -update to rewrite it.
func TestDryRunGolden(t *testing.T) {
	src := readFixture(t, "article.md")
	opts := baseOptions("id")
	opts.ChunkTokens = 80
	pl, err := DryRun(src, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pl); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	const golden = "testdata/article.plan.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("plan differs from %s (run with -update if the change is intended):\n%s", golden, got)
	}
}

// TestDryRunMatchesTranslate checks that a dry run shows exactly the
// first requests Translate sends.
func TestDryRunMatchesTranslate(t *testing.T) {
	src := readFixture(t, "article.md")
	opts := baseOptions("vi")
	opts.ChunkTokens = 60
	opts.Concurrency = 1
	pl, err := DryRun(src, opts)
	if err != nil {
		t.Fatal(err)
	}
	f := &fake{}
	if _, err := Translate(t.Context(), f, src, opts); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != pl.Requests {
		t.Fatalf("translate sent %d requests, plan says %d", len(reqs), pl.Requests)
	}
	k := 0
	for _, c := range pl.Chunks {
		if c.Verbatim {
			if c.Messages != nil || c.PromptTokens != 0 {
				t.Errorf("verbatim chunk %d has a prompt", c.Index)
			}
			continue
		}
		a, _ := json.Marshal(c.Messages)
		b, _ := json.Marshal(reqs[k].Messages)
		if !bytes.Equal(a, b) {
			t.Errorf("chunk %d: plan shows\n%s\ntranslate sent\n%s", c.Index, a, b)
		}
		spec, err := prompt.Parse(reqs[k].Messages)
		if err != nil || len(spec.Terms) != len(c.Entries) {
			t.Errorf("chunk %d: %d terms sent, plan lists %d (%v)", c.Index, len(spec.Terms), len(c.Entries), err)
		}
		if c.PromptTokens <= c.SourceTokens || c.OutputTokens <= 0 {
			t.Errorf("chunk %d: estimates %+v", c.Index, c)
		}
		k++
	}
	if len(pl.Entries) != 3 {
		t.Errorf("plan selected %d entries, want 3: %+v", len(pl.Entries), pl.Entries)
	}
}
