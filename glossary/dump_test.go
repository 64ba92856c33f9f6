package glossary

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump renders a glossary as text, one entry per block: its position and
// ID, then a line per language with the forms marked = preferred,
// ~ admitted and ! forbidden, then the notes.
func dump(g *Glossary) string {
	var b strings.Builder
	for _, e := range g.Entries {
		fmt.Fprintf(&b, "%s %s", e.Pos, e.ID)
		if e.CaseSensitive {
			b.WriteString(" case-sensitive")
		}
		b.WriteByte('\n')
		for _, l := range slices.Sorted(maps.Keys(e.Terms)) {
			fmt.Fprintf(&b, "  %s:", l)
			for _, f := range e.Terms[l] {
				mark := map[Status]string{Preferred: "=", Admitted: "~", Forbidden: "!"}[f.Status]
				fmt.Fprintf(&b, " %s%q", mark, f.Text)
			}
			if p, ok := e.TermPos[l]; ok {
				fmt.Fprintf(&b, " @%d:%d", p.Line, p.Col)
			}
			b.WriteByte('\n')
		}
		for _, k := range slices.Sorted(maps.Keys(e.Notes)) {
			fmt.Fprintf(&b, "  note %s: %q\n", k, e.Notes[k])
		}
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run go test -update to accept it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// checkInvariants checks what every loaded glossary must satisfy.
func checkInvariants(t *testing.T, g *Glossary) {
	t.Helper()
	for _, e := range g.Entries {
		if e.ID == "" || e.Pos.File == "" || e.Pos.Line < 1 {
			t.Fatalf("entry without ID or position: %+v", e)
		}
		for l, forms := range e.Terms {
			if l == "" || len(forms) == 0 {
				t.Fatalf("%s: empty language or term: %q %v", e.Pos, l, forms)
			}
			for i, f := range forms {
				if f.Text == "" || f.Text != strings.TrimSpace(f.Text) || strings.ContainsRune(f.Text, 0) {
					t.Fatalf("%s: %s form %q is empty, untrimmed or has NUL", e.Pos, l, f.Text)
				}
				if f.Status == Preferred && i != 0 {
					t.Fatalf("%s: %s preferred form %q is not first", e.Pos, l, f.Text)
				}
			}
		}
	}
}
