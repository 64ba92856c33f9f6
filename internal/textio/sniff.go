package textio

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// headSize is how much of the start of an input the binary test reads.
const headSize = 8 << 10

// IsTextName reports whether a path has one of the extensions juru reads
// by default when it walks a folder: .txt, .md, .markdown, .html, .htm
// (in any letter case).
func IsTextName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// LooksLikeText reports whether the first bytes of a file (up to 8 KiB are
// examined; pass at least that many when the file is longer) could be text
// in an encoding juru reads, as opposed to an image, archive, PDF or other
// binary data. A folder walk uses it to skip such files with a warning.
func LooksLikeText(head []byte) bool {
	return binaryKind(head) == ""
}

// LooksLikeTextFile reads the first 8 KiB of the file at path and reports
// whether they look like text (see LooksLikeText). It does not follow the
// file past that, so it is cheap on large files; special files such as
// pipes and devices should be skipped before calling it, as reading them
// may block.
func LooksLikeTextFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, openError(path, err)
	}
	defer f.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return false, readError(path, err)
	}
	return LooksLikeText(head[:n]), nil
}

// binaryKind describes why head looks like binary data, or returns "" when
// it looks like text. Text in UTF-16 is recognised by its byte order mark;
// otherwise a NUL byte, a recognised binary signature (PNG, PDF, ZIP and
// the other formats net/http sniffs) or more than 2% of C0 control bytes
// other than tab, line feed, vertical tab, form feed, carriage return and
// escape mark binary data.
func binaryKind(head []byte) string {
	if len(head) > headSize {
		head = head[:headSize]
	}
	if name, _, _ := bomEncoding(head); strings.HasPrefix(name, "utf-16") {
		return ""
	}
	if ct := http.DetectContentType(head); !textType(ct) {
		return ct
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL bytes"
	}
	ctrl := 0
	for _, b := range head {
		if controlByte(b) {
			ctrl++
		}
	}
	if ctrl*50 > len(head) {
		return "control bytes"
	}
	return ""
}

// textType reports whether a type from http.DetectContentType allows text:
// text types, and the generic octet stream it answers for anything it
// does not recognise (the NUL and control tests decide those). Its BMP
// signature is the two letters "BM", which starts many an English text,
// so that answer is left to the NUL test too (a real BMP header holds
// NUL bytes).
func textType(ct string) bool {
	return strings.HasPrefix(ct, "text/") || ct == "application/octet-stream" || ct == "image/bmp"
}

// controlByte reports C0 control bytes that do not occur in text.
func controlByte(b byte) bool {
	switch b {
	case '\t', '\n', '\v', '\f', '\r', 0x1B:
		return false
	}
	return b < 0x20 || b == 0x7F
}

// controlRunes reports whether decoded text holds NUL or more than 2%
// control characters, the test binaryKind makes on bytes, for text decoded
// from UTF-16 where NUL bytes are part of the encoding.
func controlRunes(s string) bool {
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if r < 0x80 && controlByte(byte(r)) {
			if r == 0 {
				return true
			}
			ctrl++
		}
		if n >= headSize {
			break
		}
	}
	return ctrl*50 > n
}

// formatOf returns the format of a document from its name's extension,
// or, when that says nothing, from its first bytes: HTML when it starts
// with a doctype or <html> tag (after white space, a byte order mark or an
// XML declaration), text otherwise.
func formatOf(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".txt", ".text":
		return FormatText
	}
	if sniffHTML(data) {
		return FormatHTML
	}
	return FormatText
}

// sniffHTML reports whether data starts like an HTML document.
func sniffHTML(data []byte) bool {
	if len(data) > 1024 {
		data = data[:1024]
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.ToLower(bytes.TrimSpace(data))
	if bytes.HasPrefix(data, []byte("<?xml")) {
		if i := bytes.Index(data, []byte("?>")); i >= 0 {
			data = bytes.TrimSpace(data[i+2:])
		}
	}
	for bytes.HasPrefix(data, []byte("<!--")) {
		i := bytes.Index(data, []byte("-->"))
		if i < 0 {
			return false
		}
		data = bytes.TrimSpace(data[i+3:])
	}
	return bytes.HasPrefix(data, []byte("<!doctype html")) || bytes.HasPrefix(data, []byte("<html"))
}
