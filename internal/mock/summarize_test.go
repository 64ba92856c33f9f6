package mock

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/prompt"
)

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"It grew 34.35 billion. Then it fell.", []string{"It grew 34.35 billion.", "Then it fell."}},
		{`He said "stop." She left.`, []string{`He said "stop."`, "She left."}},
		{"No end", []string{"No end"}},
		{"Wait... what? (Yes.) ok", []string{"Wait...", "what?", "(Yes.)", "ok"}},
		{"中国。东盟！好", []string{"中国。", "东盟！", "好"}},
		{"1. 2. 3.", nil},
		{"see example.org/a.b now.", []string{"see example.org/a.b now."}},
	}
	for _, c := range cases {
		if got := splitSentences(c.in); !slices.Equal(got, c.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSentencesOfMarkdown(t *testing.T) {
	doc := "# Title here\n\nFirst line\ncontinues here. Second.\n\n- item one\n- item two.\n\n```\ncode. More code.\n```\n\n    indented. code.\n\nLast."
	want := []string{"Title here", "First line continues here.", "Second.", "item one", "item two.", "Last."}
	if got := sentences(doc); !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func summarySpec(t *testing.T, task prompt.Task, style string, words int, to string) prompt.Spec {
	return prompt.Spec{Task: task, Style: style, Words: words, From: en, To: langOf(to), Terms: fixtureTerms(to), Document: fixture(t)}
}

// words counts the words of a summary line as the mock does.
func wordsOf(tr *Translator, to, line string) int {
	r := tr.newRender(&prompt.Spec{From: en, To: langOf(to)}, termsRequired)
	if r.toSpaced {
		return len(strings.Fields(line))
	}
	return len(r.inline(line)) // an approximation from above for unspaced scripts
}

func TestSummaryStyles(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	nSent := len(sentences(fixture(t)))
	for _, to := range []string{"id", "th", "vi", "zh-Hans", "en"} {
		t.Run(to, func(t *testing.T) {
			g, d := separators(to)
			source := readNumbers(fixture(t), ",", ".")
			chk := glossary.NewChecker(fixtureGlossary(to), "en", to)
			for _, style := range []string{"headline", "short", "bullets", "paragraph"} {
				out := tr.Reply(summarySpec(t, prompt.Summarize, style, 40, to))
				lines := strings.Split(out, "\n")
				head, ok := strings.CutPrefix(lines[0], "# ")
				if !ok || head == "" {
					t.Fatalf("%s: no headline in %q", style, out)
				}
				if to != "zh-Hans" && to != "th" && len(strings.Fields(head)) > headlineWords {
					t.Errorf("%s: headline of %d words", style, len(strings.Fields(head)))
				}
				switch style {
				case "headline":
					if len(lines) != 1 {
						t.Errorf("headline style gave %d lines", len(lines))
					}
				case "short":
					if len(lines) != 3 || lines[1] != "" || lines[2] == "" {
						t.Errorf("short: %q", lines)
					}
				case "bullets":
					n := len(lines) - 2
					if lines[1] != "" || n < 3 || n > 5 {
						t.Errorf("bullets: %d points", n)
					}
					for _, l := range lines[2:] {
						if !strings.HasPrefix(l, "- ") {
							t.Errorf("bullet %q", l)
						}
					}
				case "paragraph":
					if len(lines) != 3 || lines[1] != "" {
						t.Fatalf("paragraph: %q", lines)
					}
					if to != "zh-Hans" && to != "th" {
						if n := len(strings.Fields(lines[2])); n < 32 || n > 48 {
							t.Errorf("paragraph of %d words, asked 40", n)
						}
					}
				}
				for _, v := range readNumbers(out, g, d) {
					if !slices.Contains(source, v) {
						t.Errorf("%s: number %s is not in the source", style, v)
					}
				}
				if v := chk.Forbidden(out); len(v) > 0 {
					t.Errorf("%s: forbidden forms %v", style, v)
				}
			}
			notes := tr.Reply(summarySpec(t, prompt.Notes, "", 0, to))
			lines := strings.Split(notes, "\n")
			if len(lines) != nSent {
				t.Errorf("notes: %d lines for %d sentences", len(lines), nSent)
			}
			if rep := chk.Check(fixture(t), notes); !rep.OK() {
				t.Errorf("notes break the glossary: %v", problems(rep))
			}
			if got := readNumbers(notes, g, d); !slices.Equal(got, readNumbers(strings.Join(sentences(fixture(t)), " "), ",", ".")) {
				t.Errorf("notes numbers %v", got)
			}
		})
	}
}

func TestGoldenSummaries(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	for _, to := range []string{"id", "th"} {
		var b strings.Builder
		for _, style := range []string{"headline", "short", "bullets", "paragraph"} {
			fmt.Fprintf(&b, "== %s\n%s\n", style, tr.Reply(summarySpec(t, prompt.Summarize, style, 60, to)))
		}
		fmt.Fprintf(&b, "== notes\n%s\n", tr.Reply(summarySpec(t, prompt.Notes, "", 0, to)))
		golden(t, filepath.Join("testdata", "golden", "summaries."+to+".txt"), b.String())
	}
}
