package glossary

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFindAllWhitespace(t *testing.T) {
	bri := "Belt and Road Initiative"
	tests := []struct {
		name    string
		entries []string
		text    string
		want    string // as fmtMatches writes them
	}{
		{"line break", []string{bri}, "the Belt and Road\nInitiative", `1:"Belt and Road\nInitiative"[4:28]@1:5`},
		{"CRLF", []string{bri}, "the Belt and Road\r\nInitiative", `1:"Belt and Road\r\nInitiative"[4:29]@1:5`},
		{"two spaces", []string{bri}, "Belt and  Road Initiative", `1:"Belt and  Road Initiative"[0:25]@1:1`},
		{"tab", []string{bri}, "Belt\tand Road Initiative", `1:"Belt\tand Road Initiative"[0:24]@1:1`},
		{"no-break space", []string{"Belt and Road"}, "the Belt and\u00a0Road.", `1:"Belt and\u00a0Road"[4:18]@1:5`},
		{"narrow no-break and ideographic spaces", []string{bri}, "Belt\u202fand\u3000Road Initiative", `1:"Belt\u202fand\u3000Road Initiative"[0:28]@1:1`},
		{"Markdown hard wrap with indentation", []string{bri},
			"- Projects of the Belt and\n  Road Initiative\n  in Laos",
			`1:"Belt and\n  Road Initiative"[18:44]@1:19`},
		{"split across lines, later lines", []string{bri, "Laos"},
			"Intro.\n\nThe Belt\n    and Road\n\tInitiative in\nLaos and Laos",
			`1:"Belt\n    and Road\n\tInitiative"[12:41]@3:5 2:"Laos"[45:49]@6:1 2:"Laos"[54:58]@6:10`},
		{"paragraph break", []string{bri, "ASEAN Expo"}, "Belt and Road\n\nInitiative\n\n## ASEAN\n\nExpo", ``},
		{"paragraph breaks of other kinds", []string{"ASEAN Expo"},
			"ASEAN\r\n\r\nExpo ASEAN\n \t\nExpo ASEAN\n\u200b\nExpo ASEAN\u2029Expo ASEAN\n\u00a0\nExpo", ``},
		{"one line feed is no paragraph break", []string{"ASEAN Expo"},
			"ASEAN\u2028Expo ASEAN\r\n  Expo ASEAN\r\rExpo", `1:"ASEAN\u2028Expo"[0:12]@1:1 1:"ASEAN\r\n  Expo"[13:26]@1:12 1:"ASEAN\r\rExpo"[27:38]@2:8`},
		{"a form's blank line is a space", []string{"ASEAN\n\nExpo"}, "ASEAN Expo", `1:"ASEAN Expo"[0:10]@1:1`},
		{"form with odd spaces", []string{"Belt  and\u00a0Road\tInitiative"}, "the Belt and Road Initiative", `1:"Belt and Road Initiative"[4:28]@1:5`},
		{"space is not nothing", []string{bri}, "BeltandRoad Initiative; Belt and RoadInitiative", ``},
		{"Khmer zero-width space in the text", []string{"ក្រសួងពាណិជ្ជកម្ម"},
			"ក្រសួង\u200bពាណិជ្ជកម្ម", `1:"ក្រសួង\u200bពាណិជ្ជកម្ម"[0:54]@1:1`},
		{"Khmer zero-width space in the form", []string{"ក្រសួង\u200bពាណិជ្ជកម្ម"},
			"ក្រសួងពាណិជ្ជកម្ម", `1:"ក្រសួងពាណិជ្ជកម្ម"[0:51]@1:1`},
		{"word joiner and BOM", []string{"ASEAN Expo"}, "ASE\u2060AN\ufeff Expo", `1:"ASE\u2060AN\ufeff Expo"[0:16]@1:1`},
		{"match does not start or end on an invisible character", []string{"ASEAN"},
			"\u200bASEAN\u200b, \u2060\u200bASEAN\ufeff", `1:"ASEAN"[3:8]@1:2 1:"ASEAN"[19:24]@1:12`},
		{"invisible characters are not word breaks", []string{"ASEAN"}, "ASEAN\u200bs x\u2060ASEAN", ``},
		{"ZWNJ and ZWJ are letters' business", []string{"ab", "ក្ក"}, "a\u200cb a\u200db ក\u200d្ក", ``},
		{"Thai with a zero-width space", []string{"อาเซียน"}, "ประชาคมอา\u200bเซียน", `1:"อา\u200bเซียน"[21:45]@1:8`},
		{"quote markers are text", []string{bri}, "> Belt and\n> Road Initiative", ``},
		{"inside a quote", []string{bri}, "> Belt and Road\n> \n> Belt and Road Initiative", `1:"Belt and Road Initiative"[21:45]@3:3`},
		{"case-sensitive across lines", []string{"*ASEAN Expo"}, "ASEAN\n  Expo, Asean\nExpo", `1:"ASEAN\n  Expo"[0:12]@1:1 1:"Asean\nExpo"[14:24]@2:9(case)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMatcher(oneLang(tt.entries...), "xx")
			if got := fmtMatches(m.FindAll(tt.text), tt.text); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			sameMatches(t, m, tt.text)
		})
	}
}

func TestCheckerAcrossLines(t *testing.T) {
	c := NewChecker(testGlossary(), "en", "id")
	for _, src := range []string{
		"the Belt and Road\nInitiative",
		"Belt and  Road Initiative",
		"Belt and\u00a0Road Initiative",
		"The\n   Belt and Road\n   Initiative",
		"Belt\u200b and Road Initiative",
	} {
		got := c.Applicable(src)
		if len(got) != 1 || got[0].ID != "bri" {
			t.Errorf("Applicable(%q) = %v, want the Belt and Road Initiative", src, got)
		}
		if rep := c.Check(src, "Inisiatif Sabuk\ndan Jalan"); !rep.OK() || len(rep.Hits) != 1 || rep.Hits[0].InTarget != 1 {
			t.Errorf("Check(%q) = %+v, want one hit and no violation", src, rep)
		}
		if rep := c.Check(src, "Inisiatif Sabuk"); rep.OK() {
			t.Errorf("Check(%q) found nothing missing", src)
		}
	}
	fb := NewChecker(testGlossary(), "id", "en").Forbidden("under One Belt\nOne Road, O\u200bBOR")
	var found []string
	for _, v := range fb {
		found = append(found, v.Found)
	}
	if got := strings.Join(found, "|"); got != "One Belt\nOne Road|O\u200bBOR" {
		t.Errorf("forbidden uses %q", got)
	}
}

// TestBreaksAtEveryAlignment moves whitespace runs across the eight-byte
// words the ASCII paths read, so that every run starts, ends and holds
// its line feeds on either side of a word's edge.
func TestBreaksAtEveryAlignment(t *testing.T) {
	m := NewMatcher(oneLang("ASEAN Expo", "Belt and Road"), "xx")
	for _, run := range []string{"\n", "\n\n", " \n", "\n \n", "\r\n\r\n", "\n\t\t\n", "\t \n  ", "  \n"} {
		for pad := range 17 {
			for _, tail := range []string{"", " é"} {
				text := strings.Repeat("x", pad) + " ASEAN" + run + "Expo Belt and" + run + "Road" + tail
				want := 2
				if strings.Count(run, "\n") >= 2 {
					want = 0
				}
				if got := len(m.FindAll(text)); got != want {
					t.Errorf("%q: %d matches, want %d", text, got, want)
				}
				sameMatches(t, m, text)
			}
		}
	}
}

// TestWrappingKeepsMatches hard-wraps and indents text in several ways:
// the matcher must find the same entries, in the same order, as in the
// text with plain spaces. The text is news (when ../shared is there) and
// sentences around forms of the glossary.
func TestWrappingKeepsMatches(t *testing.T) {
	g := benchGlossary(t)
	m := NewMatcher(g, "en")
	r := rand.New(rand.NewPCG(9, 10))
	var b strings.Builder
	for b.Len() < 30000 {
		e := g.Entries[r.IntN(len(g.Entries))]
		fmt.Fprintf(&b, "The %s said on Tuesday that the %s would meet. ", e.Terms["en"][0].Text, strings.ToLower(synthForm(r, "en")))
		if r.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	text := b.String() + "\n\n" + benchTexts()["news-en"]
	want := m.FindAll(text)
	if len(want) < 300 {
		t.Fatalf("%d matches in the plain text", len(want))
	}
	for _, w := range []struct {
		width int
		brk   string
	}{{72, "\n"}, {40, "\r\n"}, {60, "\n   "}, {30, "\n\t"}, {50, " \u200b\n  "}, {20, "\u00a0\n"}} {
		wrapped := hardWrap(text, w.width, w.brk)
		got := m.FindAll(wrapped)
		if len(got) != len(want) {
			t.Errorf("width %d, break %q: %d matches, %d unwrapped", w.width, w.brk, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].Entry != want[i].Entry || collapse(got[i].Text(wrapped)) != want[i].Text(text) {
				t.Errorf("width %d, break %q: match %d is %q, unwrapped %q", w.width, w.brk, i, got[i].Text(wrapped), want[i].Text(text))
				break
			}
		}
	}
}

// collapse writes every run of whitespace and zero-width spaces as one
// space.
func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u200b", " ")), " ")
}
