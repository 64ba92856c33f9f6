package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary/lint"
)

// slowParagraphs splits text into paragraphs the obvious way: split
// into lines, group the non-blank ones.
func slowParagraphs(text string) []textSpan {
	var out []textSpan
	lines := strings.SplitAfter(text, "\n")
	pos := 0
	var cur *textSpan
	for i, l := range lines {
		content := strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r")
		blank := strings.TrimFunc(content, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\v' || r == '\f' || r == '\r' || r == '\u0085' || r == '\u00a0' ||
				r == '\u1680' || r >= '\u2000' && r <= '\u200b' || r == '\u2028' || r == '\u2029' || r == '\u202f' ||
				r == '\u205f' || r == '\u3000' || r == '\ufeff'
		}) == ""
		if blank {
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
		} else {
			if cur == nil {
				cur = &textSpan{start: pos, line: i + 1}
			}
			cur.end = pos + len(content)
		}
		pos += len(l)
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// randomText builds text from pieces that stress paragraph splitting
// and multi-byte characters.
func randomText(rng *rand.Rand, n int) string {
	pieces := []string{"a", "ASEAN ", "ไทย", "ខ្មែរ", "မြန်မာ", "\n", "\n\n", "\r\n", " ", "\t", "\u200b", "\ufeff", "#", "<b>", "&", "\u00a0", "Việt"}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

func TestParagraphsAgainstSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		text := randomText(rng, rng.IntN(40))
		got, want := paragraphs(text), slowParagraphs(text)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: paragraphs(%q) = %v, want %v", i, text, got, want)
		}
	}
}

// randomMarks places findings and terms at random byte offsets, some
// inside characters, some empty, some overlapping.
func randomMarks(rng *rand.Rand, text string, n int) ([]spanMark, []termSpan) {
	var marks []spanMark
	for i := range n {
		s := rng.IntN(len(text) + 1)
		e := s + rng.IntN(len(text)-s+1)
		if rng.IntN(4) == 0 {
			e = s
		}
		s, e = snap(text, s), snap(text, e)
		f := &htmlFinding{ID: "f-" + string(rune('a'+i)), Sev: string(lint.Error)}
		marks = append(marks, spanMark{start: s, end: e, f: f, related: rng.IntN(5) == 0})
	}
	var terms []termSpan
	for pos := 0; pos < len(text); {
		s := pos + rng.IntN(len(text)-pos+1)
		e := s + rng.IntN(len(text)-s+1)
		s, e = snap(text, s), snap(text, e)
		if e <= s {
			break
		}
		terms = append(terms, termSpan{start: s, end: e, term: &htmlTerm{Title: "t"}})
		pos = e
	}
	return marks, terms
}

// TestLayoutKeepsText checks on random input that the runs of every
// paragraph spell its text exactly, that every anchor is given once and
// that pins hold no text.
func TestLayoutKeepsText(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		text := randomText(rng, 1+rng.IntN(30))
		marks, terms := randomMarks(rng, text, rng.IntN(6))
		seen := map[string]bool{}
		anchors := map[string]int{}
		for _, p := range paragraphs(text) {
			para := layoutPara(text, p, marks, terms, seen)
			var b strings.Builder
			for _, run := range para.Runs {
				var rb strings.Builder
				for _, pc := range run.Pieces {
					if !utf8.ValidString(pc.Text) {
						t.Fatalf("case %d: a piece cuts a character: %q", i, pc.Text)
					}
					rb.WriteString(pc.Text)
				}
				if run.Pin && rb.Len() > 0 {
					t.Fatalf("case %d: a pin holds text %q", i, rb.String())
				}
				if run.First {
					key := ""
					if run.Finding != nil {
						key = run.Finding.ID
					} else if run.Related != nil {
						key = run.Related.ID + "-src"
					}
					anchors[key]++
				}
				b.WriteString(rb.String())
			}
			if got := b.String(); got != text[p.start:p.end] {
				t.Fatalf("case %d: runs spell %q, paragraph is %q", i, got, text[p.start:p.end])
			}
		}
		for k, n := range anchors {
			if n != 1 || !seen[k] {
				t.Fatalf("case %d: anchor %q given %d times", i, k, n)
			}
		}
	}
}

func TestSpanOf(t *testing.T) {
	text := "ab\nไทย x\n\nend"
	for _, tc := range []struct {
		name       string
		loc        lint.Location
		start, end int
		ok         bool
	}{
		{"offsets", lint.Location{Line: 2, Col: 1, Start: 3, End: 12}, 3, 12, true},
		{"line and columns", lint.Location{Line: 2, Col: 2, EndLine: 2, EndCol: 4}, 6, 12, true},
		{"line only", lint.Location{Line: 4, Col: 1}, 16, 16, true},
		{"past the end", lint.Location{Line: 9, Col: 9}, 19, 19, true},
		{"offsets inside a character", lint.Location{Start: 4, End: 8, Line: 2}, 3, 6, true},
		{"whole file", lint.Location{}, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e, ok := spanOf(text, tc.loc)
			if s != tc.start || e != tc.end || ok != tc.ok {
				t.Errorf("spanOf = %d, %d, %v; want %d, %d, %v", s, e, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}

func FuzzLayout(f *testing.F) {
	f.Add("ไทย <b>\n\nASEAN", 2, 9, 1, 20)
	f.Add("# h\r\n\u200b\nx", 0, 0, 3, 3)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(text) || len(text) == 0 {
			return
		}
		clamp := func(i int) int { return snap(text, ((i%(len(text)+1))+len(text)+1)%(len(text)+1)) }
		a, b, c, d := clamp(s1), clamp(e1), clamp(s2), clamp(e2)
		marks := []spanMark{
			{start: min(a, b), end: max(a, b), f: &htmlFinding{ID: "x"}},
			{start: min(c, d), end: max(c, d), f: &htmlFinding{ID: "y"}, related: true},
		}
		seen := map[string]bool{}
		for _, p := range paragraphs(text) {
			var sb strings.Builder
			for _, run := range layoutPara(text, p, marks, nil, seen).Runs {
				for _, pc := range run.Pieces {
					sb.WriteString(pc.Text)
				}
			}
			if sb.String() != text[p.start:p.end] {
				t.Fatalf("runs spell %q, paragraph is %q", sb.String(), text[p.start:p.end])
			}
		}
	})
}
