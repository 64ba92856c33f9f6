package summarize

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/translate"
)

// longArticle returns the fixture article followed by n paragraphs, each
// with its own figures.
func longArticle(tb testing.TB, n int) string {
	var b strings.Builder
	b.WriteString(readFixture(tb, "article.md"))
	for i := range n {
		fmt.Fprintf(&b, "\nDelegation %d from the %c region brought %d traders. It signed deals worth %d.%d million dollars.\n",
			i+1, 'A'+i%26, 100+7*i, i+2, i%10)
	}
	return b.String()
}

// digitless writes notes that leave out every sentence with a digit, and
// answers a summary with the given text.
func digitless(summary string) func(prompt.Spec, []prompt.Turn) (string, error) {
	return func(s prompt.Spec, turns []prompt.Turn) (string, error) {
		if s.Task != prompt.Notes {
			return summary, nil
		}
		var keep []string
		for _, x := range plainSentences(s.Document) {
			if !strings.ContainsAny(x, "0123456789") {
				keep = append(keep, "- "+x)
			}
		}
		if len(keep) == 0 {
			keep = []string{"- Nothing new."}
		}
		return strings.Join(keep, "\n"), nil
	}
}

func TestMapReduce(t *testing.T) {
	src := longArticle(t, 12)
	o := opts(Short)
	o.ChunkTokens = 120
	// 34.35 billion occurs in the article but in no note; 77 in neither.
	f := &fake{reply: digitless("# Expo signs record deals\n\nDeals worth 34.35 billion and 77 more were signed.")}
	o.MaxRepairs = -1
	res, err := Summarize(context.Background(), f, src, o)
	if err != nil {
		t.Fatal(err)
	}
	parts := translate.Split(src, o.ChunkTokens, testEstimator.Counter(""))
	if res.Chunks != len(parts) || res.Chunks < 3 || res.Requests != len(parts)+1 || res.Attempts != res.Requests {
		t.Fatalf("chunks %d (split gives %d), requests %d, attempts %d", res.Chunks, len(parts), res.Requests, res.Attempts)
	}
	specs := f.specs(t)
	var notes []string
	seen := map[string]bool{}
	for _, s := range specs[:len(parts)] {
		if s.Task != prompt.Notes || s.From.Code != "en" || s.To.Code != "en" || len(s.Terms) != 0 {
			t.Errorf("notes prompt %+v", s)
		}
		seen[s.Document] = true
	}
	for _, p := range parts {
		if !seen[p.Text] {
			t.Errorf("no notes asked for part at line %d", p.Line)
		}
		n, _ := digitless("")(prompt.Spec{Task: prompt.Notes, Document: p.Text}, nil)
		notes = append(notes, n)
	}
	last := specs[len(specs)-1]
	if last.Task != prompt.Summarize || last.Document != strings.Join(notes, "\n") {
		t.Errorf("summary written from %q, want the notes in article order", last.Document)
	}
	var terms []string
	for _, term := range last.Terms {
		terms = append(terms, term.Source)
	}
	if strings.Join(terms, "|") != "Belt and Road Initiative|China-ASEAN Expo" {
		t.Errorf("summary prompt carries %q, want the entries of the article", terms)
	}
	if len(res.Violations) != 1 || res.Violations[0].Found != "77" {
		t.Errorf("violations %+v, want only 77, checked against the article", res.Violations)
	}
}

func TestMapReduceOrderIndependent(t *testing.T) {
	src := longArticle(t, 20)
	run := func(conc int, seed uint32) (*Result, string) {
		f := &fake{delay: func(doc string) time.Duration {
			h := fnv.New32a()
			fmt.Fprint(h, seed, doc)
			return time.Duration(h.Sum32()%3000) * time.Microsecond
		}}
		o := opts(Bullets)
		o.ChunkTokens, o.Concurrency = 100, conc
		res, err := Summarize(context.Background(), f, src, o)
		if err != nil {
			t.Fatal(err)
		}
		specs := f.specs(t)
		return res, specs[len(specs)-1].Document
	}
	want, wantDoc := run(1, 0)
	if want.Chunks < 4 {
		t.Fatalf("only %d chunks", want.Chunks)
	}
	for seed := range uint32(4) {
		got, doc := run(4, seed)
		if got.Text != want.Text || doc != wantDoc || got.Requests != want.Requests || got.Usage != want.Usage {
			t.Errorf("seed %d: result differs from the sequential one:\n%s\n%s", seed, got.Text, want.Text)
		}
	}
}

func TestNotesRepair(t *testing.T) {
	src := longArticle(t, 6)
	f := &fake{reply: func(s prompt.Spec, turns []prompt.Turn) (string, error) {
		out, _ := extractive(s, turns)
		if s.Task == prompt.Notes && len(turns) == 0 && strings.Contains(s.Document, "Vietnam") {
			out += "\n- About 9,999 visitors came."
		}
		return out, nil
	}}
	o := opts(Short)
	o.ChunkTokens = 100
	res, err := Summarize(context.Background(), f, src, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Attempts != res.Requests+1 {
		t.Errorf("requests %d, attempts %d: want one repair", res.Requests, res.Attempts)
	}
	var asked []string
	for _, r := range f.requests() {
		turns, _ := prompt.Conversation(r.Messages)
		for _, tu := range turns {
			asked = append(asked, tu.Problems...)
		}
	}
	if strings.Join(asked, "|") != `the number "9,999" does not occur in the document` {
		t.Errorf("repairs asked: %q", asked)
	}
	specs := f.specs(t)
	if strings.Contains(specs[len(specs)-1].Document, "9,999") {
		t.Error("the invented figure reached the summary request")
	}
}

func TestNotesTruncated(t *testing.T) {
	src := longArticle(t, 4)
	truncating := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		s, err := prompt.Parse(req.Messages)
		if err != nil {
			return llm.Response{}, err
		}
		out, _ := extractive(s, nil)
		if s.Task == prompt.Notes && len(s.Document) > 150 {
			r := llm.Response{Content: out[:len(out)/2], FinishReason: llm.FinishLength}
			return r, &llm.AnswerError{Err: llm.ErrTruncated, Response: r}
		}
		return llm.Response{Content: out, FinishReason: llm.FinishStop}, nil
	})
	f := &fake{}
	o := opts(Bullets)
	o.ChunkTokens = 120
	res, err := Summarize(context.Background(), truncating, src, o)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := Summarize(context.Background(), f, src, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Chunks != ref.Chunks || res.Requests <= ref.Requests || res.Text != ref.Text {
		t.Errorf("halved notes: %d chunks, %d requests, %q; whole notes: %d, %d, %q", res.Chunks, res.Requests, res.Text, ref.Chunks, ref.Requests, ref.Text)
	}
}

func TestNotesFailure(t *testing.T) {
	src := longArticle(t, 4)
	f := &fake{reply: func(s prompt.Spec, turns []prompt.Turn) (string, error) {
		if s.Task == prompt.Notes && strings.Contains(s.Document, "Vietnam") {
			return "", &llm.AnswerError{Err: llm.ErrRefused, Detail: "no"}
		}
		return extractive(s, turns)
	}}
	o := opts(Short)
	o.ChunkTokens = 100
	_, err := Summarize(context.Background(), f, src, o)
	var ce *translate.ChunkError
	if !errors.As(err, &ce) || !errors.Is(err, llm.ErrRefused) {
		t.Fatalf("error %v, want a *translate.ChunkError for a refusal", err)
	}
	line := strings.Split(src, "\n")[ce.Line-1]
	parts := translate.Split(src, o.ChunkTokens, testEstimator.Counter(""))
	if !strings.Contains(parts[ce.Chunk].Text, "Vietnam") || !strings.HasPrefix(parts[ce.Chunk].Text, line) {
		t.Errorf("error names chunk %d at line %d: %q", ce.Chunk, ce.Line, line)
	}
}

func TestNotesOfNotes(t *testing.T) {
	src := longArticle(t, 60)
	firstOnly := func(s prompt.Spec, turns []prompt.Turn) (string, error) {
		if s.Task != prompt.Notes {
			return extractive(s, turns)
		}
		lines := plainSentences(s.Document)
		return "- " + strings.Join(lines[:min(2, len(lines))], "\n- "), nil
	}
	f := &fake{reply: firstOnly}
	o := opts(Short)
	o.ChunkTokens = 200
	res, err := Summarize(context.Background(), f, src, o)
	if err != nil {
		t.Fatal(err)
	}
	specs := f.specs(t)
	levels := 0
	for _, s := range specs {
		if s.Task == prompt.Notes && strings.HasPrefix(s.Document, "- ") {
			levels = 2
		}
	}
	last := specs[len(specs)-1]
	if levels != 2 || testEstimator.Count("", last.Document) > o.ChunkTokens || res.Requests != len(specs) {
		t.Errorf("%d requests, notes of notes: %v, summary of %d tokens", len(specs), levels == 2, testEstimator.Count("", last.Document))
	}
	if res.Chunks != len(translate.Split(src, o.ChunkTokens, testEstimator.Counter(""))) {
		t.Errorf("chunks %d counts more than the article's parts", res.Chunks)
	}
}

func TestVerbatimPartsNotSent(t *testing.T) {
	src := longArticle(t, 3) + "\n```\nfor i := 0; i < 99999; i++ {}\n```\n"
	f := &fake{}
	o := opts(Short)
	o.ChunkTokens = 100
	res, err := Summarize(context.Background(), f, src, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.specs(t) {
		if strings.Contains(s.Document, "99999") {
			t.Errorf("code sent: %q", s.Document)
		}
	}
	parts := translate.Split(src, o.ChunkTokens, testEstimator.Counter(""))
	if !parts[len(parts)-1].Verbatim || res.Chunks != len(parts)-1 {
		t.Errorf("%d chunks for %d parts", res.Chunks, len(parts))
	}
}
