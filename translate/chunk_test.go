package translate

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// words counts words: an additive measure, so that group sizes are exact.
func words(s string) int { return len(strings.Fields(s)) }

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		budget int
		want   []string // chunk texts; verbatim ones start with "=" here
	}{
		{
			name:   "fits in one chunk",
			text:   "# Title\n\nOne paragraph.\n\nAnother one.\n",
			budget: 100,
			want:   []string{"# Title\n\nOne paragraph.\n\nAnother one."},
		},
		{
			name:   "paragraph boundaries",
			text:   "One two three.\n\nFour five six.\n\nSeven eight nine.\n",
			budget: 6,
			want:   []string{"One two three.\n\nFour five six.", "Seven eight nine."},
		},
		{
			name:   "heading stays with what follows",
			text:   "Intro words here.\n\n## Heading\n\nBody of the section.\n",
			budget: 6,
			want:   []string{"Intro words here.", "## Heading\n\nBody of the section."},
		},
		{
			name:   "list kept whole when it fits",
			text:   "Lead paragraph.\n\n- one\n- two\n\n- three\n  continued\n\nAfter.\n",
			budget: 8,
			want:   []string{"Lead paragraph.", "- one\n- two\n\n- three\n  continued\n\nAfter."},
		},
		{
			name:   "long list cut between items",
			text:   "- alpha beta gamma\n- delta epsilon zeta\n- eta theta iota\n",
			budget: 8,
			want:   []string{"- alpha beta gamma\n- delta epsilon zeta", "- eta theta iota"},
		},
		{
			name:   "fenced code stands alone and is verbatim",
			text:   "Run this:\n```go\nfmt.Println(1)\n\nfmt.Println(2)\n```\nDone here.\n",
			budget: 100,
			want:   []string{"Run this:", "=```go\nfmt.Println(1)\n\nfmt.Println(2)\n```", "Done here."},
		},
		{
			name:   "tilde fence never closed",
			text:   "Text.\n\n~~~\ncode\n\n",
			budget: 100,
			want:   []string{"Text.", "=~~~\ncode"},
		},
		{
			name:   "table kept whole when it fits",
			text:   "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nAfter the table.\n",
			budget: 20,
			want:   []string{"| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nAfter the table."},
		},
		{
			name:   "long table cut between rows, header kept together",
			text:   "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
			budget: 10,
			want:   []string{"| a | b |\n|---|---|", "| 1 | 2 |\n| 3 | 4 |"},
		},
		{
			name:   "long paragraph cut between sentences",
			text:   "Mr. Wang arrived today. He met the press at noon! Was it useful? Nobody knows.\n",
			budget: 5,
			want:   []string{"Mr. Wang arrived today.", "He met the press at noon!", "Was it useful? Nobody knows."},
		},
		{
			name:   "no cut inside a link or a code span",
			text:   "See [the first. Second](https://x.org/a.b) here. Then `x. Y` there. End of it.\n",
			budget: 3,
			want:   []string{"See [the first. Second](https://x.org/a.b) here.", "Then `x. Y` there.", "End of it."},
		},
		{
			name:   "sentence longer than the budget",
			text:   "This single sentence has far more words than the budget allows\n",
			budget: 3,
			want:   []string{"This single sentence has far more words than the budget allows"},
		},
		{
			name:   "chinese full stops",
			text:   "中国和东盟合作。博览会在南宁举行。",
			budget: 0,
			want:   []string{"中国和东盟合作。", "博览会在南宁举行。"},
		},
		{
			name:   "CRLF and trailing spaces",
			text:   "\r\n\r\nLine one  \r\nline two\r\n\r\nNext para.  \r\n",
			budget: 4,
			want:   []string{"Line one  \r\nline two", "Next para."},
		},
		{
			name:   "white space only",
			text:   " \n\t\n",
			budget: 10,
			want:   []string{"="},
		},
		{
			name:   "empty",
			text:   "",
			budget: 10,
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := Split(tt.text, tt.budget, words)
			var got []string
			for _, c := range chunks {
				s := c.Text
				if c.Verbatim {
					s = "=" + s
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("chunk texts (-want +got):\n%s", diff)
			}
			if j := Join(chunks); j != tt.text {
				t.Errorf("Join = %q, want %q", j, tt.text)
			}
			checkChunks(t, tt.text, chunks, tt.budget, words)
		})
	}
}

// checkChunks checks what every split must hold: the chunks partition
// the text, Text is trimmed and non-empty, offsets and lines are right,
// fenced code is alone, and a chunk over the budget cannot be cut.
func checkChunks(t *testing.T, text string, chunks []Chunk, budget int, count func(string) int) {
	t.Helper()
	if Join(chunks) != text {
		t.Fatalf("Join(Split(x)) != x for %q", text)
	}
	off := 0
	for i, c := range chunks {
		off += len(c.Lead)
		if c.Offset != off && c.Text != "" {
			t.Fatalf("chunk %d: Offset %d, want %d", i, c.Offset, off)
		}
		if c.Text != "" && text[c.Offset:c.Offset+len(c.Text)] != c.Text {
			t.Fatalf("chunk %d: text not at its offset", i)
		}
		if want := 1 + strings.Count(text[:off], "\n"); c.Line != want && c.Text != "" {
			t.Fatalf("chunk %d: Line %d, want %d", i, c.Line, want)
		}
		off += len(c.Text) + len(c.Trail)
		if !isBlank(c.Lead) || !isBlank(c.Trail) {
			t.Fatalf("chunk %d: Lead %q or Trail %q holds more than white space", i, c.Lead, c.Trail)
		}
		if c.Text == "" {
			if len(chunks) != 1 || !c.Verbatim {
				t.Fatalf("chunk %d: empty text", i)
			}
			continue
		}
		if isSpaceByte(c.Text[0]) || isSpaceByte(c.Text[len(c.Text)-1]) {
			t.Fatalf("chunk %d: text %q not trimmed", i, c.Text)
		}
		blocks := scanBlocks(c.Text)
		for _, b := range blocks {
			if b.kind == kindFence && (!c.Verbatim || len(blocks) != 1) {
				t.Fatalf("chunk %d: fenced code not alone in a verbatim chunk: %q", i, c.Text)
			}
		}
		if !c.Verbatim && count(c.Text) > budget && budget > 0 {
			if _, _, ok := Halve(c.Text); ok && len(blocks) == 1 && blocks[0].kind != kindTable {
				t.Fatalf("chunk %d over the budget (%d > %d) but could be cut: %q", i, count(c.Text), budget, c.Text)
			}
		}
	}
}

func TestHalve(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		left, right string
		ok          bool
	}{
		{"blocks", "One.\n\nTwo.\n\nThree.\n\nFour.", "One.\n\nTwo.", "Three.\n\nFour.", true},
		{"list items", "- a a a\n- b\n- c\n- d d d", "- a a a\n- b", "- c\n- d d d", true},
		{"sentences", "First one here. Second one here. Third one here.", "First one here.", "Second one here. Third one here.", true},
		{"single sentence", "Only one sentence here.", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, r, ok := Halve(tt.text)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if l.Text != tt.left || r.Text != tt.right {
				t.Errorf("halves %q | %q, want %q | %q", l.Text, r.Text, tt.left, tt.right)
			}
			if Join([]Chunk{l, r}) != tt.text {
				t.Errorf("halves do not join back")
			}
		})
	}
}

// TestSplitArticle splits the fixture article and checks that code, the
// list and the table are not cut when the budget allows.
func TestSplitArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	count := testEstimator.Counter("gpt-4o")
	for _, budget := range []int{0, 20, 60, 120, 1500} {
		chunks := Split(text, budget, count)
		checkChunks(t, text, chunks, budget, count)
		if budget >= 60 {
			for _, c := range chunks {
				if strings.Contains(c.Text, "- 1,200") && !strings.Contains(c.Text, "- Three forums") {
					t.Errorf("budget %d: list cut: %q", budget, c.Text)
				}
				if strings.Contains(c.Text, "| Country") && !strings.Contains(c.Text, "| Viet Nam") {
					t.Errorf("budget %d: table cut: %q", budget, c.Text)
				}
			}
		}
	}
}
