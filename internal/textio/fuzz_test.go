package textio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFiles adds every file of the testdata folders to a fuzz corpus.
func seedFiles(f *testing.F, dirs ...string) {
	for _, d := range dirs {
		paths, err := filepath.Glob(filepath.Join("testdata", d, "*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// FuzzDecode: whatever the bytes, Decode does not panic, and either
// returns valid UTF-8 text with something in it, or an *Error.
func FuzzDecode(f *testing.F) {
	seedFiles(f, "src", "enc", "html")
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("\xef\xbb\xbf"))
	f.Add([]byte("a\r\n\r\xc3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"in.txt", "in.html"} {
			doc, err := Decode(name, data, Options{MaxSize: 1 << 20})
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("%s: error %v is not an *Error", name, err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("%s: message spans lines: %q", name, err)
				}
				continue
			}
			if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
				t.Fatalf("%s: invalid UTF-8 in %q", name, doc.Text)
			}
			if blank(doc.Text) {
				t.Fatalf("%s: blank text accepted", name)
			}
			if doc.Format != FormatHTML && strings.Contains(doc.Text, "\r") {
				t.Fatalf("%s: carriage return left in %q", name, doc.Text)
			}
		}
	})
}

// FuzzHTML: any page reduces without panic to valid UTF-8 text made of
// blocks separated by single blank lines.
func FuzzHTML(f *testing.F) {
	seedFiles(f, "html")
	f.Add([]byte("<ul><li><ol><li>x</ol></ul><blockquote><blockquote>q"))
	f.Add([]byte("<h1></h1><pre>\n\n</pre><br><br>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		title, body := extractHTML(string(data))
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			t.Fatalf("invalid UTF-8 from %q", data)
		}
		if strings.Contains(title, "\n") {
			t.Fatalf("title spans lines: %q", title)
		}
		if body != "" && (!strings.HasSuffix(body, "\n") || strings.HasPrefix(body, "\n")) {
			t.Fatalf("body not trimmed to blocks: %q", body)
		}
	})
}
