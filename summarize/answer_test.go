package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseAnswer(t *testing.T) {
	cases := []struct {
		file string
		want Answer
	}{
		{"short.md", Answer{
			Headline: "Expo signs record deals", Marked: true,
			Body:  "The 18th China-ASEAN Expo closed with deals worth 34.35 billion dollars.",
			Prose: []string{"The 18th China-ASEAN Expo closed with deals worth 34.35 billion dollars."}, Paragraphs: 1,
		}},
		{"fenced-bullets.md", Answer{
			Headline: "Expo signs record deals", Marked: true,
			Body:       "- Deals worth 34.35 billion dollars.\n- 1,200 companies took part. Most from ASEAN.\n- Next expo in 2026.",
			Bullets:    []string{"Deals worth 34.35 billion dollars.", "1,200 companies took part. Most from ASEAN.", "Next expo in 2026."},
			Paragraphs: 1,
		}},
		{"unmarked-crlf.md", Answer{
			Headline:   "Expo signs record deals",
			Body:       "One paragraph\nwrapped over lines.\n\nA second paragraph.",
			Prose:      []string{"One paragraph", "wrapped over lines.", "A second paragraph."},
			Paragraphs: 2,
		}},
		{"thai-markers.md", Answer{
			Headline: "ข้อริเริ่มสายแถบและเส้นทาง ๓๔.๓๕ พันล้าน", Marked: true,
			Body:       "- หนึ่ง\n- สอง\n- สาม",
			Bullets:    []string{"หนึ่ง", "สอง", "สาม"},
			Paragraphs: 1,
		}},
		{"list-only.md", Answer{
			Body:       "- first point without a headline\n- second",
			Bullets:    []string{"first point without a headline", "second"},
			Paragraphs: 1,
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			got := ParseAnswer(readFixture(t, filepath.Join("answers", c.file)))
			if d := cmp.Diff(c.want, got, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestParseAnswerEdges(t *testing.T) {
	cases := []struct{ in, headline, body string }{
		{"", "", ""},
		{"#", "", ""},
		{"# #", "", ""},
		{"# Title # #", "Title", ""},
		{"#Title", "#Title", ""},
		{"**Bold** and **more**", "**Bold** and **more**", ""},
		{"### Deep heading\nbody", "Deep heading", "body"},
		{"# A\n\n\n\n- x\n\n- y", "A", "- x\n- y"},
		{"# A\n\nText\n- x", "A", "Text\n- x"},
		{"# A\n\n## Sub\ntext", "A", "## Sub\ntext"},
		{"```\n```", "", ""},
	}
	for _, c := range cases {
		a := ParseAnswer(c.in)
		if a.Headline != c.headline || a.Body != c.body {
			t.Errorf("ParseAnswer(%q) = %q, %q; want %q, %q", c.in, a.Headline, a.Body, c.headline, c.body)
		}
	}
}

func TestFormat(t *testing.T) {
	if got := Format("H", ""); got != "# H\n" {
		t.Errorf("Format(H, \"\") = %q", got)
	}
	if got := Format("H", "- a\n- b"); got != "# H\n\n- a\n- b\n" {
		t.Errorf("Format(H, list) = %q", got)
	}
}

// FuzzParseAnswer checks that reading is stable: a summary written with
// Format from what ParseAnswer read reads back the same, and reading
// never panics.
func FuzzParseAnswer(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "answers", "*.md"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("# a #\n\n1) x\n  y\n\n\n* z")
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseAnswer(s)
		if strings.Contains(a.Headline, "\n") {
			t.Fatalf("headline %q holds a line end", a.Headline)
		}
		if a.Body != strings.TrimSpace(a.Body) || strings.Contains(a.Body, "\n\n\n") {
			t.Fatalf("body %q is not tidy", a.Body)
		}
		b := ParseAnswer(Format(a.Headline, a.Body))
		if b.Headline != a.Headline || b.Body != a.Body || !b.Marked {
			t.Fatalf("%q read as %q, %q; its Format reads as %q, %q", s, a.Headline, a.Body, b.Headline, b.Body)
		}
		if len(b.Bullets) != len(a.Bullets) || len(b.Prose) != len(a.Prose) || b.Paragraphs != a.Paragraphs {
			t.Fatalf("%q: counts differ after Format: %+v and %+v", s, a, b)
		}
	})
}
