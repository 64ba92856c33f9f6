package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seed adds the testdata texts to a fuzz corpus.
func seed(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "samples", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, name := range append(files, more...) {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("`` ` ``<a href=x>[x](y)]: z&amp;{#a}[^1] a@b.c www.x http://")
	f.Add("---\nk: v\n---\n~~~\n\n<!--\n")
}

// markupBytes are the characters that may start skipped markup.
const markupBytes = "`<&[]{}@:/.\n~-+"

// FuzzProfile checks Profile against the obvious count by the Unicode
// tables on texts without markup, and its invariants on any text.
func FuzzProfile(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, text string) {
		c := Profile(text)
		if c.Total() > utf8.RuneCountInString(text) {
			t.Fatalf("%d letters in %d characters", c.Total(), utf8.RuneCountInString(text))
		}
		for _, v := range c.Letters {
			if v < 0 {
				t.Fatalf("negative count %+v", c)
			}
		}
		if c.LatinLower > c.LatinWords || c.LatinNames > c.Letters[Latin] ||
			c.Simplified+c.Traditional > c.Letters[Han] || c.Vietnamese > utf8.RuneCountInString(text) {
			t.Fatalf("inconsistent counts %+v", c)
		}
		if s := c.Share(Latin); s < 0 || s > 1 {
			t.Fatalf("share %v", s)
		}
		if strings.ContainsAny(text, markupBytes) {
			return
		}
		var want [NumScripts]int
		for _, r := range text {
			if s, ok := classifySlow(r); ok {
				want[s]++
			}
		}
		if c.Letters != want {
			t.Fatalf("Profile(%q) = %v, tables give %v", text, c.Letters, want)
		}
	})
}

// FuzzCheck checks that findings lie inside the text, start on a
// non-blank character at the line and column they name, and carry shares
// in [0,1]; the same for Untranslated against a shuffled copy.
func FuzzCheck(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, code := range []string{"th", "vi", "zh-Hant", "en"} {
			got, err := Check(text, code, Options{})
			if err != nil {
				t.Fatal(err)
			}
			validFindings(t, text, got)
		}
		ps := strings.Split(text, "\n\n")
		for i, j := 0, len(ps)-1; i < j; i, j = i+1, j-1 {
			ps[i], ps[j] = ps[j], ps[i]
		}
		validFindings(t, strings.Join(ps, "\n\n"), Untranslated(text, strings.Join(ps, "\n\n"), "en", "id"))
	})
}

// validFindings fails t for a finding that does not fit text.
func validFindings(t *testing.T, text string, fs []Finding) {
	t.Helper()
	prev := -1
	for _, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End || f.Start <= prev {
			t.Fatalf("finding %+v out of range or order in %q", f, text)
		}
		prev = f.Start
		r, _ := utf8.DecodeRuneInString(text[f.Start:])
		if isBlankRune(r) {
			t.Fatalf("finding starts on blank %U", r)
		}
		if l, c := lineCol(text, f.Start); l != f.Line || c != f.Col {
			t.Fatalf("finding at %d says %d:%d, is %d:%d", f.Start, f.Line, f.Col, l, c)
		}
		if f.ExpectedShare < 0 || f.ExpectedShare > 1 || f.FoundShare < 0 || f.FoundShare > 1 || f.Message == "" {
			t.Fatalf("bad finding %+v", f)
		}
	}
}
