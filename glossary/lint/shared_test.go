package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedCorpus returns the folder corpus/name of the shared material
// beside the checkout, found by walking up from the package, or skips
// the test when it is absent.
func sharedCorpus(tb testing.TB, name string) string {
	tb.Helper()
	dir := sharedCorpusOrEmpty()
	if dir == "" {
		tb.Skipf("shared corpus %s not found beside the checkout; skipping", name)
	}
	p := filepath.Join(dir, name)
	if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
		tb.Skipf("shared corpus %s not found beside the checkout; skipping", name)
	}
	return p
}

// sharedCorpusOrEmpty returns the corpus folder of the shared material,
// or "" when there is none.
func sharedCorpusOrEmpty() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "corpus")
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// floresLangs maps the FLORES-200 files of the ASEAN languages to juru's
// codes.
var floresLangs = []struct{ file, code string }{
	{"ind_Latn", "id"}, {"zsm_Latn", "ms"}, {"tha_Thai", "th"}, {"vie_Latn", "vi"}, {"tgl_Latn", "fil"},
	{"khm_Khmr", "km"}, {"lao_Laoo", "lo"}, {"mya_Mymr", "my"}, {"zho_Hans", "zh-Hans"},
}

// paragraphs joins lines into paragraphs of k lines, one line each,
// separated by blank lines.
func paragraphs(lines []string, k int) string {
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i == 0:
		case i%k == 0:
			b.WriteString("\n\n")
		default:
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}
