package textio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDecode(t *testing.T) {
	vi := "Việt Nam đón khách"
	tests := []struct {
		name, file, data string
		opts             Options
		text, format     string
		title, encoding  string
	}{
		{name: "plain", file: "a.txt", data: "hello\n", text: "hello\n", format: "text", encoding: "utf-8"},
		{name: "CRLF", file: "a.txt", data: "one\r\ntwo\rthree\n", text: "one\ntwo\nthree\n", format: "text", encoding: "utf-8"},
		{name: "CRLF verbatim", file: "a.txt", data: "one\r\ntwo\r\n", opts: Options{Verbatim: true}, text: "one\r\ntwo\r\n", format: "text", encoding: "utf-8"},
		{name: "BOM dropped", file: "a.txt", data: "\uFEFFhello", text: "hello", format: "text", encoding: "utf-8"},
		{name: "NFD composed", file: "a.txt", data: norm.NFD.String(vi), text: vi, format: "text", encoding: "utf-8"},
		{name: "NFD verbatim", file: "a.txt", data: norm.NFD.String(vi), opts: Options{Verbatim: true}, text: norm.NFD.String(vi), format: "text", encoding: "utf-8"},
		{name: "Windows-1258 composed even verbatim", file: "a.txt", data: string(encode1258(vi)), opts: Options{Verbatim: true}, text: vi, format: "text", encoding: "windows-1258"},
		{name: "markdown title", file: "a.md", data: "Intro\n\n# The title ##\n\nBody\n", text: "Intro\n\n# The title ##\n\nBody\n", format: "markdown", title: "The title", encoding: "utf-8"},
		{name: "markdown title with hash", file: "a.markdown", data: "# C# news\n", text: "# C# news\n", format: "markdown", title: "C# news", encoding: "utf-8"},
		{name: "stdin sniffed as HTML", file: "-", data: "<!DOCTYPE html><html><body><p>Hi there.</p></body></html>", text: "Hi there.\n", format: "html", encoding: "utf-8"},
		{name: "XML declaration then html", file: "-", data: "<?xml version=\"1.0\"?>\n<!-- saved --><html><body><p>Hi.</p></body></html>", text: "Hi.\n", format: "html", encoding: "utf-8"},
		{name: "extension wins over content", file: "notes.txt", data: "<html> is a tag\n", text: "<html> is a tag\n", format: "text", encoding: "utf-8"},
		{name: "forced format", file: "x.dat", data: "<p>Hi.</p>", opts: Options{Format: FormatHTML}, text: "Hi.\n", format: "html", encoding: "utf-8"},
		{name: "UTF-16LE HTML sniffed", file: "-", data: "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00H\x00i\x00", text: "Hi\n", format: "html", encoding: "utf-16le"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Decode(tc.file, []byte(tc.data), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tc.text || doc.Format != tc.format || doc.Title != tc.title || doc.Encoding != tc.encoding || doc.Name != tc.file {
				t.Errorf("got %+v\nwant text %q format %q title %q encoding %q", *doc, tc.text, tc.format, tc.title, tc.encoding)
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	pdf := "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
	tests := []struct {
		name, path string
		opts       Options
		kind       Kind
		says       string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, NotFound, "no such file"},
		{"folder", dir, Options{}, IsDir, "is a folder"},
		{"empty", write("empty.txt", ""), Options{}, Empty, "empty"},
		{"white space", write("blank.md", " \n\t\r\n\u00a0\u200b\n"), Options{}, Empty, "only white space"},
		{"png", write("pic.txt", png), Options{}, Binary, "image/png"},
		{"pdf", write("doc.txt", pdf), Options{}, Binary, "application/pdf"},
		{"NUL", write("nul.txt", "hello\x00world"), Options{}, Binary, "NUL"},
		{"controls", write("ctl.txt", strings.Repeat("ab\x01\x02", 50)), Options{}, Binary, "control"},
		{"UTF-16 of controls", write("u16.txt", "\xff\xfe\x01\x00\x02\x00\x03\x00"), Options{}, Binary, "control"},
		{"too large", write("big.txt", "0123456789A"), Options{MaxSize: 10}, TooLarge, "11 bytes is over the input size limit of 10 bytes"},
		{"bad UTF-8", write("bad.txt", "first line\nsecond \xc3\xa9t\xc3\xa9 \xff\xfe\xfd and more text \xc3\xa9\xc3\xa8 here"), Options{}, BadEncoding, ":2:12: invalid UTF-8 (byte 0xff)"},
		{"bad UTF-8 after BOM", write("bom.txt", "\xef\xbb\xbfok\n\xc3"), Options{}, BadEncoding, ":2:1: invalid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path, tc.opts)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error", err)
			}
			if e.Kind != tc.kind {
				t.Errorf("kind %v, want %v (%v)", e.Kind, tc.kind, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.path) || !strings.Contains(msg, tc.says) || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line starting with the path and saying %q", msg, tc.says)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "nope.txt"), Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file error %v does not wrap fs.ErrNotExist", err)
	}
}

// endless is a reader that never ends and counts what was read from it.
type endless struct{ n int64 }

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

// TestReadBounded: reading from a stream stops just past the limit.
func TestReadBounded(t *testing.T) {
	r := &endless{}
	_, err := Read("-", r, Options{MaxSize: 1 << 20})
	var e *Error
	if !errors.As(err, &e) || e.Kind != TooLarge || e.Limit != 1<<20 {
		t.Fatalf("got %v, want TooLarge at 1 MiB", err)
	}
	if r.n > 1<<20+1 {
		t.Errorf("read %d bytes, more than the limit plus one", r.n)
	}
	if !strings.Contains(err.Error(), "1 MiB") {
		t.Errorf("message %q does not state the limit", err)
	}
}

// TestReadStopsAtBinary: a binary stream is refused after its first 8 KiB.
func TestReadStopsAtBinary(t *testing.T) {
	r := io.MultiReader(strings.NewReader("\x89PNG\r\n\x1a\n\x00\x00"), &endless{})
	_, err := Read("-", r, Options{})
	var e *Error
	if !errors.As(err, &e) || e.Kind != Binary {
		t.Fatalf("got %v, want Binary", err)
	}
}

func TestIsTextName(t *testing.T) {
	tests := map[string]bool{
		"a.txt": true, "b/c.MD": true, "x.markdown": true, "page.html": true, "page.HTM": true,
		"pic.png": false, "doc.pdf": false, "noext": false, "archive.txt.gz": false, ".md": true,
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			if got := IsTextName(name); got != want {
				t.Errorf("IsTextName(%q) = %v, want %v", name, got, want)
			}
		})
	}
}

func TestLooksLikeText(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"ascii", "Hello, world\n", true},
		{"utf-8", "Xin chào Việt Nam\n", true},
		{"utf-16 with BOM", "\xff\xfeH\x00i\x00", true},
		{"gbk", "\xd6\xd0\xb9\xfa\n", true},
		{"starts with BM", "BMW sales rose in March.\n", true},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", false},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00", false},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", false},
		{"ELF", "\x7fELF\x02\x01\x01\x00", false},
		{"pdf", "%PDF-1.4\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LooksLikeText([]byte(tc.head)); got != tc.want {
				t.Errorf("LooksLikeText(%q) = %v, want %v", tc.head, got, tc.want)
			}
		})
	}
}

func TestLooksLikeTextFile(t *testing.T) {
	dir := t.TempDir()
	text, bin := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.bin")
	if err := os.WriteFile(text, []byte(strings.Repeat("Xin chào ", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{text: true, bin: false} {
		got, err := LooksLikeTextFile(path)
		if err != nil || got != want {
			t.Errorf("LooksLikeTextFile(%s) = %v, %v; want %v", path, got, err, want)
		}
	}
	var e *Error
	if _, err := LooksLikeTextFile(filepath.Join(dir, "none")); !errors.As(err, &e) || e.Kind != NotFound {
		t.Errorf("missing file: got %v, want a NotFound error", err)
	}
}

func TestSizeString(t *testing.T) {
	tests := map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 50 << 20: "50 MiB", 3 << 30: "3 GiB"}
	for n, want := range tests {
		if got := sizeString(n); got != want {
			t.Errorf("sizeString(%d) = %q, want %q", n, got, want)
		}
	}
}
