package zawgyi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText returns about 1 MB of Burmese: a file of the shared corpus
// when present, else the fixtures repeated.
func benchText(b *testing.B, rel string, zawgyi bool) string {
	b.Helper()
	var one string
	if p := findShared(rel); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		one = string(data)
	} else {
		uni, zg := fixtures(b)
		one = strings.Join(uni, "\n")
		if zawgyi {
			one = strings.Join(zg, "\n")
		}
	}
	return strings.Repeat(one+"\n", (1<<20)/len(one)+1)
}

func BenchmarkDetect(b *testing.B) {
	for _, c := range []struct {
		name, rel string
		zawgyi    bool
	}{
		{"zawgyi", filepath.Join("corpus", "myanmar-zawgyi", "udhr_mya_zawgyi_out.txt"), true},
		{"unicode", filepath.Join("corpus", "flores200-devtest", "mya_Mymr.devtest"), false},
	} {
		text := benchText(b, c.rel, c.zawgyi)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Detect(text)
			}
		})
	}
}

func BenchmarkToUnicode(b *testing.B) {
	text := benchText(b, filepath.Join("corpus", "myanmar-zawgyi", "udhr_mya_zawgyi_out.txt"), true)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ToUnicode(text)
	}
}
