package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/juru-cli/juru/glossary/lint"
	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/textio"
)

// fixOutcome is what --fix did to one file.
type fixOutcome struct {
	// text is the fixed text and edits the number of replacements.
	text  string
	edits int
	// diff is the unified diff from the file to its fixed text.
	diff []byte
	// warn says why a file was left alone.
	warn string
}

// utf8BOM is the byte-order mark a UTF-8 file may start with.
const utf8BOM = "\ufeff"

// fixFile rewrites the forbidden forms of a file into their preferred
// forms where the linter finds that unambiguous, and writes the file
// atomically unless dryRun is set. The file keeps its byte-order mark,
// line endings and permissions.
func fixFile(l *lint.Linter, j checkJob, doc *textio.Doc, dryRun bool) (fixOutcome, error) {
	if reason := unfixable(doc); reason != "" {
		return fixOutcome{warn: fmt.Sprintf("juru: warning: %s: not fixed: %s", j.display, reason)}, nil
	}
	res := l.Fix(lint.Doc{Path: j.display, Lang: j.lang, Text: doc.Text})
	if len(res.Edits) == 0 || res.Text == doc.Text {
		return fixOutcome{}, nil
	}
	out := fixOutcome{text: res.Text, edits: len(res.Edits), diff: unifiedDiff(j.display, doc.Text, res.Text)}
	if !dryRun {
		if err := writeFixed(j.path, res.Text); err != nil {
			return fixOutcome{}, &inputError{fmt.Errorf("%s: cannot write the fixed file: %w", j.display, unwrapPath(err))}
		}
	}
	return out, nil
}

// unfixable says why a document cannot be rewritten in place, or "".
func unfixable(doc *textio.Doc) string {
	switch {
	case doc.Format == textio.FormatHTML:
		return "an HTML page, of which juru reads only the article text"
	case doc.Encoding != "" && doc.Encoding != "utf-8":
		return fmt.Sprintf("encoded in %s; convert it to UTF-8 to fix it", doc.Encoding)
	}
	return ""
}

// writeFixed replaces the file at path (following a symbolic link to the
// file it names) with text, keeping a leading byte-order mark and the
// file's permissions.
func writeFixed(path, text string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(real)
	if err != nil {
		return err
	}
	f, err := os.Open(real)
	if err != nil {
		return err
	}
	head := make([]byte, len(utf8BOM))
	n, _ := io.ReadFull(f, head)
	f.Close()
	data := []byte(text)
	if bytes.Equal(head[:n], []byte(utf8BOM)) {
		data = append([]byte(utf8BOM), data...)
	}
	return atomicfile.WriteFile(real, data, st.Mode().Perm())
}

// unifiedDiff returns the unified diff of a file's fix, with a/ and b/
// prefixes on relative names as git writes them.
func unifiedDiff(name, old, new string) []byte {
	a, b := name, name
	if !filepath.IsAbs(name) {
		slash := filepath.ToSlash(filepath.Clean(name))
		a, b = "a/"+slash, "b/"+slash
	}
	return diff.Diff(a, []byte(old), b, []byte(new))
}
