package glossary

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// oraclePieces are the building blocks of random forms and texts: ASCII
// (long words too), characters whose case folding changes their length
// (İ, ß, ﬁ, ŉ), signs that fold onto ASCII (Kelvin, long s), decomposed
// and precomposed Vietnamese, other letters of the Latin blocks, Thai and
// Khmer with combining signs (Thai marks out of canonical order too),
// Lao, Burmese (with the pair NFC composes), Han, Hangul jamo, a CJK
// compatibility ideograph, invalid UTF-8, whitespace of every kind (line
// breaks, paragraph breaks, indentation, runs of spaces and tabs, NBSP,
// U+202F, U+3000, U+2000, which NFC changes, NEL, a space and a line
// feed carrying a combining mark) and the ignorable characters, one
// carrying a mark; Vietnamese words, dashes and quotes, controls.
var oraclePieces = []string{
	"a", "b", "A", "B", "o", "O", " ", " ", "-", ".", ",", "0", "1", "\n", "\r\n", "'",
	"  ", "\t", "\n   ", "\n\n", " \t ", "\u00a0", "\u202f", "\u3000", "\u2000", "\u0085", "\u1680", "\v\f",
	" \u0301", "\u2060", "\ufeff", "\u200b\u0301", "\u200c", "\u200d", "> ", "\n> ", "\u2028", "\u2029", "\n\u0301",
	"İ", "i", "I", "ı", "ß", "ss", "SS", "ẞ", "ﬁ", "fi", "ŉ", "ʼn", "\u212a", "k", "K", "ſ", "s",
	"σ", "ς", "Σ", "\u0345", "ι", "é", "e\u0301", "É", "E\u0301", "\u0301",
	"ậ", "a\u0323\u0302", "a\u0302\u0323", "Ậ", "ạ", "\u0323", "đ", "Đ", "ǰ", "J\u030c", "j\u030c",
	"ก", "ข", "ี", "่", "ที่", "ក", "ា", "្", "\u200b", "ຄ", "ິ", "က", "ိ", "်", "中", "国", "\uf900", "豈",
	"ᄀ", "ᅡ", "가", "Ω", "\u2126", "\xff", "\xe0\xb8", "\u034f",
	"Ơ", "ư", "Ư", "Ǆ", "ǅ", "ǆ", "Ÿ", "ÿ", "ĸ", "Ĺ", "ĺ", "Ⱥ", "ǈ", "Ș", "ș", "µ", "×", "Ð", "ð",
	"Internationalization", "ASEAN", "asean", "x9", "\u0e48\u0e38", "ဥ", "ဥ\u102e", "\xc3", "\xa9",
	"Việt", "người", "ở", "Ở", "Ḁ", "ḁ", "ẖ", "ẞ", "ɐ", "ʼ", "–", "“", "\u00ad", "\x7f", "\x01", "\xe1\xba", "ñ",
}

// randomText joins n random pieces.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(oraclePieces[r.IntN(len(oraclePieces))])
	}
	return b.String()
}

// randomGlossary makes entries of random forms in "xx", some case-sensitive,
// some forms forbidden.
func randomGlossary(r *rand.Rand) *Glossary {
	g := &Glossary{}
	for i := range 1 + r.IntN(8) {
		e := &Entry{ID: fmt.Sprint(i), Terms: map[string][]Form{}, CaseSensitive: r.IntN(3) == 0}
		for j := range 1 + r.IntN(3) {
			st := Admitted
			if j == 0 {
				st = Preferred
			} else if r.IntN(2) == 0 {
				st = Forbidden
			}
			e.Terms["xx"] = append(e.Terms["xx"], Form{Text: randomText(r, 1+r.IntN(4)), Status: st})
		}
		g.Entries = append(g.Entries, e)
	}
	return g
}

// sprinkle builds a text of random pieces and of the glossary's forms,
// some with their case changed, some with their spaces changed for other
// whitespace and ignorable characters put between their characters.
func sprinkle(r *rand.Rand, g *Glossary) string {
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(randomText(r, r.IntN(4)))
		e := g.Entries[r.IntN(len(g.Entries))]
		f := e.Terms["xx"][r.IntN(len(e.Terms["xx"]))].Text
		switch r.IntN(3) {
		case 0:
			f = strings.ToUpper(f)
		case 1:
			f = strings.ToLower(f)
		}
		if r.IntN(2) == 0 {
			f = respace(r, f)
		}
		b.WriteString(f)
	}
	return b.String()
}

// spaceRuns and invisibles are what respace puts into forms.
var (
	spaceRuns  = []string{" ", "\n", "  ", "\t", "\r\n", "\n   ", "\n\t", "\u00a0", "\u202f", "\u3000", " \u200b ", "\n\u00a0 ", " \n", "\n\n", "\n\u200b\n", "\u2029"}
	invisibles = []string{"\u200b", "\u2060", "\ufeff", "\u200b\u200b"}
)

// respace writes s with every run of whitespace changed for another and
// ignorable characters put before some characters (or dropped), as a
// text may break or join the words of a term.
func respace(r *rand.Rand, s string) string {
	var b strings.Builder
	inSpace := false
	for _, c := range s {
		switch {
		case unicode.IsSpace(c):
			if !inSpace {
				b.WriteString(spaceRuns[r.IntN(len(spaceRuns))])
			}
			inSpace = true
			continue
		case isIgnorable(c) && r.IntN(2) == 0:
			continue
		case r.IntN(6) == 0:
			b.WriteString(invisibles[r.IntN(len(invisibles))])
		}
		inSpace = false
		b.WriteRune(c)
	}
	return b.String()
}

// sameMatches compares the fast matcher with the reference one.
func sameMatches(t *testing.T, m *Matcher, text string) {
	t.Helper()
	got, want := m.FindAll(text), naiveFindAll(m, text)
	if len(got) != len(want) {
		t.Fatalf("text %q: %d matches, reference %d:\n got  %s\n want %s", text, len(got), len(want), fmtMatches(got, text), fmtMatches(want, text))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("text %q: match %d differs:\n got  %s\n want %s", text, i, fmtMatches(got[i:i+1], text), fmtMatches(want[i:i+1], text))
		}
	}
}

func fmtMatches(ms []Match, text string) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s:%q[%d:%d]@%d:%d%s", m.Entry.ID, m.Text(text), m.Start, m.End, m.Line, m.Col, map[bool]string{true: "(case)"}[m.CaseMismatch]))
	}
	return strings.Join(parts, " ")
}

func TestFindAllAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1500 {
		g := randomGlossary(r)
		m := NewMatcher(g, "xx")
		for range 5 {
			text := sprinkle(r, g)
			if i%2 == 0 {
				text = randomText(r, r.IntN(40)) + text
			}
			sameMatches(t, m, text)
		}
	}
}

// wrapText builds a long text of English words and of the glossary's
// forms, hard-wrapped and indented at random, with runs of spaces and
// tabs, so that long runs of ASCII go through the eight-bytes-at-a-time
// paths and the shifts between the text and its folded form pile up.
func wrapText(r *rand.Rand, g *Glossary, lang string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		switch r.IntN(4) {
		case 0:
			e := g.Entries[r.IntN(len(g.Entries))]
			if fs := e.Terms[lang]; len(fs) > 0 {
				b.WriteString(respace(r, fs[r.IntN(len(fs))].Text))
			}
		case 1:
			b.WriteString(spaceRuns[r.IntN(len(spaceRuns))])
			b.WriteString(strings.Repeat(" ", r.IntN(9)))
		default:
			b.WriteString(synthWords[r.IntN(len(synthWords))])
			b.WriteString([]string{" ", " ", " ", "  ", ", ", ".\n", ".\n\n", "\n", "\t", "\r\n"}[r.IntN(10)])
		}
	}
	return b.String()
}

func TestFindAllWrappedAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	synth, err := Parse(strings.NewReader(string(synthGlossaryCSV(300, 2))), "synth.csv", ParseOptions{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(synth, "en")
	for i := range 30 {
		text := wrapText(r, synth, "en", 3000)
		if i%2 == 1 {
			// a character that folds to another length early on:
			// the rest is mapped byte by byte
			text = "İzmir " + text
		}
		sameMatches(t, m, text)
	}
	for range 200 {
		g := randomGlossary(r)
		m := NewMatcher(g, "xx")
		text := wrapText(r, g, "xx", 600)
		if r.IntN(2) == 0 {
			text = strings.ToUpper(text)
		}
		sameMatches(t, m, text)
	}
}

// TestFindAllGrowingText holds the matcher to the reference on texts in
// which many characters fold to more bytes than they take (İ, ΐ, ŉ), so
// that the folded text outgrows the room first made for it, and on
// decomposed Vietnamese, which folds to fewer.
func TestFindAllGrowingText(t *testing.T) {
	g := &Glossary{Entries: []*Entry{
		{ID: "1", Terms: map[string][]Form{"xx": {{Text: "İstanbul Expo", Status: Preferred}}}},
		{ID: "2", Terms: map[string][]Form{"xx": {{Text: "Việt Nam", Status: Preferred}}}},
		{ID: "3", Terms: map[string][]Form{"xx": {{Text: "ΐx", Status: Preferred}}}},
	}}
	m := NewMatcher(g, "xx")
	for _, grow := range []string{"İ", "ΐ", "ŉ", "ΐİ ", "Vie\u0323\u0302t Nam "} {
		for _, n := range []int{1, 7, 100, 1500} {
			text := strings.Repeat(grow, n) + " İSTANBUL expo, ΐX and VIỆT NAM. " + strings.Repeat(grow, n) + "İSTANBUL EXPO"
			sameMatches(t, m, text)
			if got := len(m.FindAll(text)); got < 3 {
				t.Fatalf("%d matches in %q... (%d times %q), want at least 3", got, text[:40], n, grow)
			}
		}
	}
}
