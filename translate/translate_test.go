package translate

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func baseOptions(to string) Options {
	return Options{To: to, Model: "gpt-4o", Glossary: testGlossary(), Estimator: testEstimator}
}

func TestTranslateArticle(t *testing.T) {
	src := readFixture(t, "article.md")
	f := &fake{}
	res, err := Translate(context.Background(), f, src, baseOptions("id"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Errorf("violations: %+v", res.Violations)
	}
	for _, keep := range []string{
		"https://www.caexpo.org/index.php?m=content&c=index", "`projects.csv`", "press@caexpo.org",
		"[guide]: https://www.caexpo.org/guidelines", "| 120    | +8%    |",
		"```sh\ncurl -s https://api.example.com/v1/expo | jq '.deals[] | select(.usd > 1e9)'\n```",
		"Ekspo China-ASEAN", "Inisiatif Sabuk dan Jalan", "Komisi Pembangunan dan Reformasi Nasional",
	} {
		if !strings.Contains(res.Text, keep) {
			t.Errorf("translation lost %q:\n%s", keep, res.Text)
		}
	}
	if got, want := strings.Count(res.Text, "\n"), strings.Count(src, "\n"); got != want {
		t.Errorf("translation has %d lines, source %d", got, want)
	}
	if res.From != "en" || res.To != "id" || res.Chunks == 0 || res.Requests == 0 || res.Attempts != res.Requests {
		t.Errorf("result: %+v", res)
	}
	hits := map[string]int{}
	for _, h := range res.Hits {
		hits[h.EntryID] = h.InSource
	}
	if hits["terms.csv:2"] != 2 || hits["terms.csv:3"] != 2 || hits["terms.csv:4"] != 1 {
		t.Errorf("hits = %v", hits)
	}
	if _, ok := hits["terms.csv:5"]; ok {
		t.Errorf("entry without an Indonesian form reported as a hit")
	}
	if res.Usage.Total() == 0 || res.HTTPAttempts != res.Attempts {
		t.Errorf("usage %+v, http attempts %d", res.Usage, res.HTTPAttempts)
	}
}

// TestOnlyApplicableTerms checks that each prompt carries exactly the
// entries that occur in its chunk.
func TestOnlyApplicableTerms(t *testing.T) {
	src := "The Belt and Road Initiative.\n\nThe China-ASEAN Expo opened.\n\nNothing here.\n"
	f := &fake{}
	opts := baseOptions("id")
	opts.ChunkTokens = 8
	if _, err := Translate(context.Background(), f, src, opts); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, req := range f.requests() {
		spec, err := prompt.Parse(req.Messages)
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for _, tm := range spec.Terms {
			terms = append(terms, tm.Source+"→"+tm.Target)
		}
		got[spec.Document] = terms
	}
	want := map[string][]string{
		"The Belt and Road Initiative.": {"Belt and Road Initiative→Inisiatif Sabuk dan Jalan"},
		"The China-ASEAN Expo opened.":  {"China-ASEAN Expo→Ekspo China-ASEAN"},
		"Nothing here.":                 nil,
	}
	for doc, terms := range want {
		if g, ok := got[doc]; !ok || !slices.Equal(g, terms) {
			t.Errorf("prompt for %q carried %q, want %q (all: %q)", doc, g, terms, got)
		}
	}
	for _, req := range f.requests() {
		spec, _ := prompt.Parse(req.Messages)
		if spec.Document == "The Belt and Road Initiative." && !slices.Equal(spec.Terms[0].Forbidden, []string{"OBOR"}) {
			t.Errorf("forbidden forms not carried: %+v", spec.Terms)
		}
	}
}

func TestAnswerErrors(t *testing.T) {
	src := "First paragraph here.\n\nSecond paragraph here.\n"
	tests := []struct {
		name string
		resp llm.Response
		want error
	}{
		{"refusal", llm.Response{Refusal: "I cannot help with that."}, llm.ErrRefused},
		{"content filter", llm.Response{Content: "x", FinishReason: llm.FinishContentFilter}, llm.ErrContentFilter},
		{"empty", llm.Response{Content: " \n", FinishReason: llm.FinishStop}, llm.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{fail: func(doc string) error {
				if strings.HasPrefix(doc, "Second") {
					return llm.CheckAnswer(tt.resp)
				}
				return nil
			}}
			opts := baseOptions("th")
			opts.ChunkTokens = 5
			res, err := Translate(context.Background(), f, src, opts)
			var ce *ChunkError
			var ae *llm.AnswerError
			if res != nil || !errors.Is(err, tt.want) || !errors.As(err, &ce) || !errors.As(err, &ae) {
				t.Fatalf("got %v, %v; want a *ChunkError wrapping %v", res, err, tt.want)
			}
			if ce.Chunk != 1 || ce.Line != 3 {
				t.Errorf("chunk %d line %d, want chunk 1 line 3", ce.Chunk, ce.Line)
			}
		})
	}
	t.Run("endpoint error", func(t *testing.T) {
		api := &llm.APIError{StatusCode: 401, Message: "bad key"}
		f := &fake{fail: func(string) error { return api }}
		_, err := Translate(context.Background(), f, src, baseOptions("th"))
		if !llm.IsFatal(err) {
			t.Errorf("err = %v, want the fatal API error wrapped", err)
		}
	})
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts Options
		want error
	}{
		{"empty document", " \n\n", Options{To: "id"}, ErrEmptyDocument},
		{"invalid UTF-8", "a\xffb", Options{To: "id"}, ErrInvalidUTF8},
		{"no target", "text", Options{}, ErrOptions},
		{"unknown target", "text", Options{To: "xx-nope"}, ErrOptions},
		{"same languages", "text", Options{From: "en-US", To: "en"}, ErrOptions},
		{"negative budget", "text", Options{To: "id", ChunkTokens: -1}, ErrOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Estimator = testEstimator
			f := &fake{}
			_, err := Translate(context.Background(), f, tt.src, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if len(f.requests()) != 0 {
				t.Errorf("bad input sent %d requests", len(f.requests()))
			}
		})
	}
	_, err := Translate(context.Background(), &fake{}, "x", Options{To: "indonesain", Estimator: testEstimator})
	var ue *lang.UnknownError
	if !errors.As(err, &ue) {
		t.Errorf("unknown language error not kept: %v", err)
	}
}

// TestNothingToTranslate checks that chunks with no letters outside code
// and links are kept without a request.
func TestNothingToTranslate(t *testing.T) {
	src := "Hello world.\n\n[guide]: https://x.org/g\n\n2021 – 34.35\n\n`make`\n"
	f := &fake{}
	opts := baseOptions("id")
	opts.ChunkTokens = 1
	res, err := Translate(context.Background(), f, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.requests()) != 1 || res.Requests != 1 {
		t.Errorf("%d requests, want 1", len(f.requests()))
	}
	if want := "olleH dlrow.\n\n[guide]: https://x.org/g\n\n2021 – 34.35\n\n`make`\n"; res.Text != want {
		t.Errorf("text %q, want %q", res.Text, want)
	}
	pl, err := DryRun(src, opts)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Requests != 1 {
		t.Errorf("plan counts %d requests, want 1", pl.Requests)
	}
}

// TestUncheckedCompleter checks that an answer is checked even when the
// Completer did not call llm.CheckAnswer.
func TestUncheckedCompleter(t *testing.T) {
	c := llm.CompleterFunc(func(context.Context, llm.Request) (llm.Response, error) {
		return llm.Response{Content: "", FinishReason: llm.FinishStop}, nil
	})
	res, err := Translate(context.Background(), c, "Some text.\n", Options{To: "id", Estimator: testEstimator})
	if res != nil || !errors.Is(err, llm.ErrEmpty) {
		t.Errorf("got %v, %v; want llm.ErrEmpty", res, err)
	}
}
