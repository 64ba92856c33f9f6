package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary/lint"
)

// TestCheckZawgyiCorpus runs juru check on the labelled Zawgyi and
// Unicode Burmese samples of shared/corpus/myanmar-zawgyi: the Zawgyi
// files are reported, their Unicode counterparts are not.
func TestCheckZawgyiCorpus(t *testing.T) {
	shared := sharedDir()
	dir := filepath.Join(shared, "corpus", "myanmar-zawgyi")
	if _, err := os.Stat(dir); shared == "" || err != nil {
		t.Skip("shared/corpus/myanmar-zawgyi not found beside the checkout: skipping the Zawgyi corpus test")
	}
	for _, tc := range []struct {
		file   string
		zawgyi bool
	}{
		{"mmgov_zawgyi_src.txt", true},
		{"mmgov_unicode_out.txt", false},
		{"udhr_mya_zawgyi_out.txt", true},
		{"udhr_mya_unicode_src.txt", false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"juru", "check", "--lang", "my", "--format", "json", filepath.Join(dir, tc.file)},
				env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
			if code == exitUsage {
				t.Fatalf("exit code %d: %s", code, stderr.String())
			}
			var rep jsonReport
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, f := range rep.Findings {
				if f.Rule == lint.EncodingZawgyi {
					n++
				}
			}
			if (n > 0) != tc.zawgyi {
				t.Errorf("%d %s findings; Zawgyi: %v", n, lint.EncodingZawgyi, tc.zawgyi)
			}
		})
	}
}
