package lint

import (
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
)

// fixGlossary holds the cases Fix must tell apart: a plain forbidden
// form, one written in lower case, one two entries forbid with different
// preferred forms, one another entry accepts, one whose entry has no
// preferred form, one of a case-sensitive entry.
const fixGlossary = `en,id,case
Belt and Road Initiative|!One Belt One Road|!OBOR|!one belt,Inisiatif Sabuk dan Jalan|!Satu Sabuk Satu Jalan,
New Name A|!old name,Nama Baru A,
New Name B|!old name,Nama Baru B,
Trade Office|!bureau,Kantor Dagang,
Bureau,Biro,
!Ghost Form,Hantu,
ASEAN|!Asean Union,ASEAN,yes
`

func fixLinter(t *testing.T, sev map[string]Severity) *Linter {
	t.Helper()
	g, err := glossary.Parse(strings.NewReader(fixGlossary), "fix.csv", glossary.ParseOptions{Format: glossary.CSV})
	if err != nil {
		t.Fatal(err)
	}
	l, err := New(Options{Glossary: g, Severities: sev})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestFix(t *testing.T) {
	l := fixLinter(t, nil)
	cases := []struct {
		name, lang, text, want string
		edits                  int
		reasons                []string
	}{
		{"as written", "en", "They backed One Belt One Road.", "They backed Belt and Road Initiative.", 1, nil},
		{"capitals", "en", "ONE BELT ONE ROAD IS BACK", "BELT AND ROAD INITIATIVE IS BACK", 1, nil},
		{"acronym", "en", "OBOR and obor", "Belt and Road Initiative and Belt and Road Initiative", 2, nil},
		{"lower case kept as written", "en", "the one belt one road plan", "the Belt and Road Initiative plan", 1, nil},
		{"capital first letter", "en", "One belt, they said.", "Belt and Road Initiative, they said.", 1, nil},
		{"target language", "id", "Satu Sabuk Satu Jalan dibahas.", "Inisiatif Sabuk dan Jalan dibahas.", 1, nil},
		{"two entries", "en", "The old name stays.", "The old name stays.", 0, []string{"glossary entries prefer different forms"}},
		{"accepted elsewhere", "en", "The bureau opened.", "The bureau opened.", 0, []string{"another glossary entry accepts this form"}},
		{"no preferred form", "en", "A Ghost Form.", "A Ghost Form.", 0, []string{"the glossary has no preferred form in en"}},
		{"case-sensitive entry", "en", "The Asean Union met; the ASEAN UNION did not.", "The ASEAN met; the ASEAN UNION did not.", 1, nil},
		{"several in one text", "en", "OBOR, One Belt One Road and the old name.", "Belt and Road Initiative, Belt and Road Initiative and the old name.", 2, []string{"glossary entries prefer different forms"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Doc{Path: "a.md", Lang: c.lang, Text: c.text}
			r := l.Fix(d)
			if r.Text != c.want {
				t.Errorf("text %q, want %q", r.Text, c.want)
			}
			if len(r.Edits) != c.edits {
				t.Errorf("%d edits, want %d: %+v", len(r.Edits), c.edits, r.Edits)
			}
			for _, e := range r.Edits {
				if c.text[e.Start:e.End] != e.Old || e.New == "" {
					t.Errorf("edit %+v does not replace what the text holds", e)
				}
				checkBounds(t, c.text, Finding{Rule: TermForbidden, Severity: Error, Location: e.Location, Message: "x"})
			}
			if strings.Join(r.Reasons, "|") != strings.Join(c.reasons, "|") || len(r.Skipped) != len(r.Reasons) {
				t.Errorf("skipped %d with reasons %q, want %q", len(r.Skipped), r.Reasons, c.reasons)
			}
			if again := l.Fix(Doc{Path: "a.md", Lang: c.lang, Text: r.Text}); again.Text != r.Text || len(again.Edits) > 0 {
				t.Errorf("fixing again changed %q into %q", r.Text, again.Text)
			}
		})
	}
}

func TestFixOff(t *testing.T) {
	l := fixLinter(t, map[string]Severity{TermForbidden: Off})
	d := Doc{Lang: "en", Text: "OBOR"}
	if r := l.Fix(d); r.Text != d.Text || len(r.Edits) > 0 {
		t.Errorf("Fix with term.forbidden off changed the text: %+v", r)
	}
}

// TestFixMakesNoForbiddenForm checks, on random texts and a glossary of
// overlapping forms, that Fix is idempotent and that every forbidden
// form left in a fixed text is one it skipped.
func TestFixMakesNoForbiddenForm(t *testing.T) {
	edits := 0
	for seed := range uint64(8) {
		g, texts := trickyGlossary(t, seed)
		l, err := New(Options{Glossary: g})
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "id", "th"} {
			for _, text := range texts {
				d := Doc{Lang: lang, Text: text}
				r := l.Fix(d)
				edits += len(r.Edits)
				checkFixed(t, l, d, r)
			}
		}
	}
	if edits == 0 {
		t.Error("no edit made: the test checks nothing")
	}
}

// checkFixed checks one outcome of Fix: edits in order and without
// overlap that turn the text into r.Text, no forbidden form in r.Text
// that was not skipped, nothing left to fix.
func checkFixed(t *testing.T, l *Linter, d Doc, r FixResult) {
	t.Helper()
	at := 0
	var b strings.Builder
	for _, e := range r.Edits {
		if e.Start < at || e.End > len(d.Text) || d.Text[e.Start:e.End] != e.Old {
			t.Fatalf("%q: bad edit %+v", d.Text, e)
		}
		b.WriteString(d.Text[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.WriteString(d.Text[at:])
	if b.String() != r.Text {
		t.Fatalf("%q: edits give %q, Text is %q", d.Text, b.String(), r.Text)
	}
	skipped := map[int]string{}
	for _, f := range r.Skipped {
		skipped[f.Start] = d.Text[f.Start:f.End]
	}
	for _, f := range l.CheckOne(Doc{Lang: d.Lang, Text: r.Text}) {
		if f.Rule != TermForbidden {
			continue
		}
		// map the finding back to the text before the fix
		orig := backOffset(r.Edits, f.Start)
		if orig < 0 || skipped[orig] != r.Text[f.Start:f.End] {
			t.Fatalf("%s %q fixed into %q: new forbidden form %q at %d", d.Lang, d.Text, r.Text, r.Text[f.Start:f.End], f.Start)
		}
	}
	if again := l.Fix(Doc{Lang: d.Lang, Text: r.Text}); again.Text != r.Text || len(again.Edits) > 0 {
		t.Fatalf("%s %q: fixing %q again gives %q", d.Lang, d.Text, r.Text, again.Text)
	}
}

// backOffset maps an offset of the fixed text back to the text before
// the edits, or -1 when it falls inside a replacement.
func backOffset(edits []Edit, off int) int {
	shift := 0
	for _, e := range edits {
		newStart := e.Start + shift
		newEnd := newStart + len(e.New)
		switch {
		case off < newStart:
			return off - shift
		case off < newEnd:
			return -1
		}
		shift += len(e.New) - (e.End - e.Start)
	}
	return off - shift
}
