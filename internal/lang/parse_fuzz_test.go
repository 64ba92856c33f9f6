package lang

import (
	"strings"
	"testing"
)

// FuzzParse: a --to list gives languages of the registry, each once, that
// look themselves up again, or an error of one line; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"asean", "id,th,vi", "tl", "zh-Hans, zh-Hant", "Thai,Burmese", "vn", ",,", "en-US", "x-klingon", "und", "tet,pt", "ASEAN,th"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, s string) {
		ls, err := r.Parse(s)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on more than one line: %q", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, l := range ls {
			if seen[l.Code] {
				t.Fatalf("Parse(%q) repeats %s", s, l.Code)
			}
			seen[l.Code] = true
			back, err := r.Lookup(l.Code)
			if err != nil || back.Code != l.Code {
				t.Fatalf("Parse(%q) gave %s, which looks up as %v, %v", s, l.Code, back.Code, err)
			}
		}
	})
}
