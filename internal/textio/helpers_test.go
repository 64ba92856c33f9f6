package textio

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite golden files and generated fixtures in testdata")

// sharedDir finds the shared corpus folder beside the checkout by walking
// up from the package, or skips the test.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", sub)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/%s not found above the package: skipping the extended test", sub)
		}
		dir = parent
	}
}

// floresLines reads one FLORES-200 devtest file, or skips the test.
func floresLines(t testing.TB, code string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(t, "corpus/flores200-devtest"), code+".devtest"))
	if err != nil {
		t.Skipf("FLORES-200 %s not available: %v", code, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// encodeKeeping encodes s, dropping the characters enc cannot represent
// (simplified characters missing from Big5, say).
func encodeKeeping(enc encoding.Encoding, s string) []byte {
	var out []byte
	e := enc.NewEncoder()
	for _, r := range s {
		if b, err := e.Bytes([]byte(string(r))); err == nil {
			out = append(out, b...)
		}
	}
	return out
}

// encode1258 encodes Vietnamese the way Windows-1258 holds it: letters
// the code page has precomposed stay whole, any other toned vowel is
// written as its base letter followed by a combining tone mark.
func encode1258(s string) []byte {
	e := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := e.Bytes([]byte(string(r))); err == nil {
			out = append(out, b...)
			continue
		}
		var base, tones []rune
		for _, d := range norm.NFD.String(string(r)) {
			if vietTone(d) {
				tones = append(tones, d)
			} else {
				base = append(base, d)
			}
		}
		if b, err := e.Bytes([]byte(norm.NFC.String(string(base)) + string(tones))); err == nil {
			out = append(out, b...)
		}
	}
	return out
}
