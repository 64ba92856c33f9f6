package mock

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/juru-cli/juru/internal/prompt"
)

func TestTermsAcrossSpaces(t *testing.T) {
	bri := []prompt.Term{{Source: "Belt and Road Initiative", Target: "§0§"}}
	asean := []prompt.Term{{Source: "ASEAN", Target: "§0§"}}
	moc := []prompt.Term{{Source: "ក្រសួងពាណិជ្ជកម្ម", Target: "§0§"}}
	mocZW := []prompt.Term{{Source: "ក្រសួង\u200bពាណិជ្ជកម្ម", Target: "§0§"}}
	tests := []struct {
		name  string
		from  string
		terms []prompt.Term
		doc   string
		want  int // occurrences of the target form
	}{
		{"one space", "en", bri, "the Belt and Road Initiative.", 1},
		{"two spaces", "en", bri, "the Belt and  Road Initiative.", 1},
		{"tab and no-break space", "en", bri, "the Belt\tand\u00a0Road Initiative.", 1},
		{"ideographic and narrow spaces", "en", bri, "the Belt\u3000and\u202fRoad Initiative.", 1},
		{"zero-width space in a run", "en", bri, "the Belt \u200b and Road Initiative.", 1},
		{"form with odd spaces", "en", []prompt.Term{{Source: "Belt  and\u00a0Road Initiative", Target: "§0§"}}, "the Belt and Road Initiative.", 1},
		{"space is not nothing", "en", bri, "the BeltandRoad Initiative.", 0},
		{"invisible characters around", "en", asean, "\u200bASEAN\u200b and \ufeffASEAN\u2060.", 2},
		{"invisible characters inside", "en", asean, "AS\u200bEAN and ASE\u2060AN.", 2},
		{"invisible characters are not word breaks", "en", asean, "ASEAN\u200bs and x\u2060ASEAN.", 0},
		{"ZWNJ and ZWJ are not ignored", "en", asean, "AS\u200cEAN and AS\u200dEAN.", 0},
		{"Khmer zero-width space in the text", "km", moc, "ក្រសួង\u200bពាណិជ្ជកម្ម\u200bបាន", 1},
		{"Khmer zero-width space in the form", "km", mocZW, "ក្រសួងពាណិជ្ជកម្មបាន", 1},
	}
	tr := NewTranslator(LocaleDigits, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := prompt.Spec{Task: prompt.Translate, From: langOf(tt.from), To: langOf("th"), Terms: tt.terms, Document: tt.doc}
			out := tr.Reply(spec)
			if got := strings.Count(out, "§0§"); got != tt.want {
				t.Errorf("target form %d times in %q, want %d", got, out, tt.want)
			}
		})
	}
}

func TestSummaryTermAcrossLines(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	spec := prompt.Spec{Task: prompt.Summarize, From: en, To: langOf("th"), Style: "paragraph",
		Terms:    []prompt.Term{{Source: "Belt and Road Initiative", Target: "§0§"}},
		Document: "The Belt and\n   Road\u00a0Initiative grew in Laos.\n\nIt built the\u200b Belt and  Road\nInitiative line.\n"}
	out := tr.Reply(spec)
	body := out[strings.LastIndex(out, "\n")+1:]
	if strings.Count(body, "§0§") != 2 {
		t.Errorf("summary %q: want the target form twice in its paragraph", out)
	}
}

// visible reads s as matching does: without ignorable characters, a run
// of whitespace as one space.
func visible(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case ignorable(r):
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return b.String()
}

func TestTermsWithSpacesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vocab := []string{"asean", "ASEAN", "expo", "china", "China", "belt", "road", "and", "x", "tons", "2021", "AS\u200bEAN", "ro\u2060ad"}
	seps := []string{" ", "  ", "\t", "\u00a0", "\u3000", " \u200b", "\u200b", "-", ", ", " \t "}
	tr := NewTranslator(LocaleDigits, nil)
	marker := regexp.MustCompile(`§([0-9]+)§`)
	for n := range 2000 {
		// Forms that read alike would tie; glossaries do not hold them.
		var terms []prompt.Term
		alike := map[string]bool{}
		for range 1 + rng.IntN(4) {
			var words []string
			for range 1 + rng.IntN(3) {
				words = append(words, vocab[rng.IntN(len(vocab))])
			}
			src := strings.Join(words, seps[rng.IntN(len(seps))])
			if k := strings.ToLower(strings.TrimSpace(visible(src))); !alike[k] {
				alike[k] = true
				terms = append(terms, prompt.Term{Source: src, Target: fmt.Sprintf("§%d§", len(terms))})
			}
		}
		var doc strings.Builder
		for range rng.IntN(12) {
			doc.WriteString(vocab[rng.IntN(len(vocab))])
			doc.WriteString(seps[rng.IntN(len(seps))])
		}
		// The brute force reads the document and the forms as matching
		// does, then compares them letter for letter.
		seen := make([]prompt.Term, len(terms))
		for i, tm := range terms {
			seen[i] = prompt.Term{Source: strings.TrimSpace(visible(tm.Source)), Target: tm.Target}
		}
		want := bruteTerms(strings.TrimPrefix(visible(doc.String()), " "), seen)
		spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf("th"), Terms: terms, Document: doc.String()}
		out := tr.Reply(spec)
		var got []int
		for _, m := range marker.FindAllStringSubmatch(out, -1) {
			k, _ := strconv.Atoi(m[1])
			got = append(got, k)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("case %d: doc %q terms %q\n got %v\nwant %v\n%s", n, doc.String(), terms, got, want, out)
		}
	}
}

func TestTranslationTermAcrossLines(t *testing.T) {
	bri := []prompt.Term{{Source: "Belt and Road Initiative", Target: "§0§"}}
	tests := []struct {
		name string
		doc  string
		want int
	}{
		{"hard wrap", "The Belt and Road\nInitiative grew in Laos.", 1},
		{"indented", "- The Belt and\n  Road Initiative grew\n  in Laos.", 1},
		{"rest fills the line", "The Belt and Road\nInitiative", 1},
		{"start fills the line", "Belt and Road\nInitiative grew.", 1},
		{"CRLF", "The Belt and Road\r\nInitiative grew.", 1},
		{"two in a paragraph", "The Belt and\nRoad Initiative and the Belt\nand Road Initiative.", 2},
		{"quoted", "> The Belt and\n> Road Initiative grew.", 0},
		{"new list item", "- The Belt and\n- Road Initiative grew.", 0},
		{"paragraph break", "The Belt and Road\n\nInitiative grew.", 0},
		{"code after", "The Belt and Road\n```\nInitiative\n```", 0},
	}
	tr := NewTranslator(LocaleDigits, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf("th"), Terms: bri, Document: tt.doc}
			out := tr.Reply(spec)
			if got := strings.Count(out, "§0§"); got != tt.want {
				t.Errorf("target form %d times in %q, want %d", got, out, tt.want)
			}
			if got, want := strings.Count(out, "\n"), strings.Count(tt.doc, "\n"); got != want {
				t.Errorf("%d lines in %q, want %d", got+1, out, want+1)
			}
		})
	}
}
