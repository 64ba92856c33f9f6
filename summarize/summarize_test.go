package summarize

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

func TestSummarizeStyles(t *testing.T) {
	src := readFixture(t, "article.md")
	for _, style := range Styles() {
		t.Run(style, func(t *testing.T) {
			f := &fake{}
			o := opts(style)
			o.Words = 60
			res, err := Summarize(context.Background(), f, src, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations)+len(res.Warnings) > 0 {
				t.Fatalf("problems: %v %v\n%s", res.Violations, res.Warnings, res.Text)
			}
			if res.Requests != 1 || res.Attempts != 1 || res.Chunks != 1 {
				t.Errorf("requests %d, attempts %d, chunks %d; want 1, 1, 1", res.Requests, res.Attempts, res.Chunks)
			}
			if !strings.HasPrefix(res.Text, "# "+res.Headline+"\n") || !strings.HasSuffix(res.Text, "\n") {
				t.Errorf("text %q does not start with the headline %q", res.Text, res.Headline)
			}
			if res.Text != Format(res.Headline, res.Body) {
				t.Errorf("text %q is not Format(headline, body)", res.Text)
			}
			a := ParseAnswer(res.Text)
			switch style {
			case Headline:
				if res.Body != "" {
					t.Errorf("headline style has a body %q", res.Body)
				}
			case Bullets:
				if n := len(a.Bullets); n < 3 || n > 5 {
					t.Errorf("%d bullets", n)
				}
			case Short, Paragraph:
				if res.Body == "" || len(a.Bullets) > 0 {
					t.Errorf("body %q", res.Body)
				}
			}
			spec := f.specs(t)[0]
			if spec.Task != prompt.Summarize || spec.Style != style || spec.To.Code != "en" {
				t.Errorf("prompt %+v", spec)
			}
			if style == Paragraph && spec.Words != 60 {
				t.Errorf("prompt asks for %d words", spec.Words)
			}
			if res.Usage.Total() == 0 {
				t.Error("usage not counted")
			}
		})
	}
}

// scripted answers each attempt with the next of answers (the last one
// repeated) and records the repair requests.
func scripted(answers ...string) *fake {
	return &fake{reply: func(s prompt.Spec, turns []prompt.Turn) (string, error) {
		return answers[min(len(turns), len(answers)-1)], nil
	}}
}

func TestRepairs(t *testing.T) {
	src := readFixture(t, "article.md")
	good := "# Ekspo China-ASEAN ke-18 ditutup\n\nKesepakatan senilai 34,35 miliar dolar ditandatangani."
	cases := []struct {
		name, to, first string
		want            string // the one problem of the first answer
		kind            Kind
	}{
		{"wrong number", "id", "# Ekspo China-ASEAN ke-18 ditutup\n\nKesepakatan senilai 45,3 miliar dolar ditandatangani.",
			`the number "45,3 miliar" does not occur in the article`, Number},
		{"forbidden term", "id", "# Ekspo China-ASEAN ke-18 ditutup\n\nPameran itu etalase OBOR.",
			`write "Inisiatif Sabuk dan Jalan", not "OBOR"`, Forbidden},
		{"source term left", "id", "# Ekspo China-ASEAN ke-18 ditutup\n\nPameran itu etalase Belt and Road Initiative.",
			`write "Inisiatif Sabuk dan Jalan", not "Belt and Road Initiative"`, Untranslated},
		{"deprecated source term", "id", "# Ekspo China-ASEAN ke-18 ditutup\n\nPameran itu etalase One Belt One Road.",
			`write "Inisiatif Sabuk dan Jalan", not "One Belt One Road"`, Untranslated},
		{"wrong case", "id", "# Ekspo China-ASEAN ke-18 ditutup\n\nNegara Asean hadir.",
			`write "ASEAN" with exactly this case, not "Asean"`, WrongCase},
		{"source form of a longer entry", "id", "# China-ASEAN Expo ke-18 ditutup\n\nKesepakatan ditandatangani.",
			`write "Ekspo China-ASEAN", not "China-ASEAN Expo"`, Untranslated},
		{"headline too long", "id", "# " + strings.Repeat("kata ", 22) + "\n\nKesepakatan ditandatangani.",
			"the headline has 22 words; at most 15", Shape},
		{"no headline", "id", "Kesepakatan ditandatangani.",
			`the answer must begin with a line "# " followed by the headline`, Shape},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := scripted(c.first, good)
			o := opts(Short)
			o.To = c.to
			res, err := Summarize(context.Background(), f, src, o)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK() || len(res.Warnings) > 0 || res.Attempts != 2 || res.Requests != 1 {
				t.Fatalf("result %+v", res)
			}
			if res.Text != Format("Ekspo China-ASEAN ke-18 ditutup", "Kesepakatan senilai 34,35 miliar dolar ditandatangani.") {
				t.Errorf("text %q", res.Text)
			}
			turns, err := prompt.Conversation(f.requests()[1].Messages)
			if err != nil {
				t.Fatal(err)
			}
			if len(turns) != 1 || len(turns[0].Problems) != 1 || turns[0].Problems[0] != c.want || turns[0].Answer != c.first {
				t.Errorf("repair request %+v, want the one problem %q", turns, c.want)
			}
			// The same answer left unrepaired is reported with its kind.
			o.MaxRepairs = -1
			res, err = Summarize(context.Background(), scripted(c.first), src, o)
			if err != nil {
				t.Fatal(err)
			}
			got := append(append([]Problem(nil), res.Violations...), res.Warnings...)
			if len(got) != 1 || got[0].Kind != c.kind || got[0].Message != c.want || res.OK() == c.kind.Violation() {
				t.Errorf("problems %+v, want one %s %q", got, c.kind, c.want)
			}
		})
	}
}

func TestRepairBudget(t *testing.T) {
	src := readFixture(t, "article.md")
	bad := "# Expo closes\n\nDeals worth 99 billion dollars were signed."
	worse := "# Expo closes\n\nDeals worth 99 billion dollars and 77 million were signed under the One Belt One Road."
	cases := []struct {
		name     string
		repairs  int
		answers  []string
		attempts int
		found    []string
	}{
		{"default budget", 0, []string{bad}, 3, []string{"99 billion"}},
		{"no repairs", -1, []string{bad}, 1, []string{"99 billion"}},
		{"one repair", 1, []string{bad}, 2, []string{"99 billion"}},
		{"best answer kept", 0, []string{bad, worse, worse}, 3, []string{"99 billion"}},
		{"later answer better", 0, []string{worse, bad}, 3, []string{"99 billion"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := opts(Short)
			o.MaxRepairs = c.repairs
			res, err := Summarize(context.Background(), scripted(c.answers...), src, o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Attempts != c.attempts {
				t.Errorf("attempts %d, want %d", res.Attempts, c.attempts)
			}
			var found []string
			for _, v := range res.Violations {
				found = append(found, v.Found)
			}
			if strings.Join(found, "|") != strings.Join(c.found, "|") {
				t.Errorf("violations %+v, want %q", res.Violations, c.found)
			}
			if v := res.Violations[0]; v.Line != 3 || v.Col != 13 {
				t.Errorf("violation at %d:%d, want 3:13 in %q", v.Line, v.Col, res.Text)
			}
		})
	}
}

func TestStrict(t *testing.T) {
	src := readFixture(t, "article.md")
	o := opts(Short)
	o.Strict = true
	_, err := Summarize(context.Background(), scripted("# Expo closes\n\nDeals worth 99 billion dollars were signed."), src, o)
	var ve *ViolationsError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v, want a *ViolationsError", err)
	}
	if ve.Result.Attempts != 3 || len(ve.Result.Violations) != 1 || ve.Result.Text == "" {
		t.Errorf("result %+v", ve.Result)
	}
	if !strings.Contains(err.Error(), "1 problem remain") {
		t.Errorf("message %q", err)
	}
	// Warnings alone never fail a strict summary.
	res, err := Summarize(context.Background(), scripted("# Expo closes\n\nOne. Two. Three. Four."), src, o)
	if err != nil || len(res.Warnings) != 1 {
		t.Errorf("strict with a warning: %v, %+v", err, res)
	}
}

func TestCancellation(t *testing.T) {
	src := readFixture(t, "article.md")
	for _, long := range []bool{false, true} {
		name := map[bool]string{false: "one request", true: "map-reduce"}[long]
		t.Run(name, func(t *testing.T) {
			f := &fake{block: true}
			o := opts(Short)
			if long {
				o.ChunkTokens = 60
			}
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				for len(f.requests()) == 0 {
					time.Sleep(time.Millisecond)
				}
				cancel()
			}()
			_, err := Summarize(ctx, f, src, o)
			if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "summary stopped") {
				t.Fatalf("error %v, want a stop wrapping context.Canceled", err)
			}
		})
	}
}

func TestAnswerErrors(t *testing.T) {
	src := readFixture(t, "article.md")
	refused := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		return llm.Response{Refusal: "no", Usage: llm.Usage{PromptTokens: 5}}, nil
	})
	res, err := Summarize(context.Background(), refused, src, opts(Short))
	if !errors.Is(err, llm.ErrRefused) || res != nil {
		t.Errorf("refusal: %v", err)
	}
	apiErr := &llm.APIError{StatusCode: 401, Message: "bad key"}
	failing := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		return llm.Response{}, apiErr
	})
	if _, err := Summarize(context.Background(), failing, src, opts(Short)); !errors.Is(err, apiErr) || !llm.IsFatal(err) {
		t.Errorf("endpoint error: %v", err)
	}
	// A repair that comes back empty keeps the best answer so far.
	n := 0
	emptyRepair := llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		n++
		if n == 1 {
			return llm.Response{Content: "# Expo\n\nDeals worth 99 billion dollars.", FinishReason: "stop"}, nil
		}
		return llm.Response{FinishReason: "stop"}, nil
	})
	res, err = Summarize(context.Background(), emptyRepair, src, opts(Short))
	if err != nil || res.Attempts != 2 || len(res.Violations) != 1 {
		t.Errorf("empty repair: %v %+v", err, res)
	}
}

func TestInvalidInput(t *testing.T) {
	cases := []struct {
		name string
		src  string
		o    Options
		want error
	}{
		{"empty", " \n\t", Options{}, ErrEmptyDocument},
		{"invalid UTF-8", "a\xffb", Options{}, ErrInvalidUTF8},
		{"unknown style", "text", Options{Style: "long"}, ErrOptions},
		{"unknown language", "text", Options{To: "xx"}, ErrOptions},
		{"unknown source language", "text", Options{From: "englsh"}, ErrOptions},
		{"too few words", "text", Options{Style: Paragraph, Words: 3}, ErrOptions},
		{"negative budget", "text", Options{ChunkTokens: -1}, ErrOptions},
		{"negative concurrency", "text", Options{Concurrency: -1}, ErrOptions},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.o.Estimator = testEstimator
			f := &fake{}
			if _, err := Summarize(context.Background(), f, c.src, c.o); !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			if len(f.requests()) != 0 {
				t.Error("a request was sent")
			}
		})
	}
}

func TestOptionsDefaults(t *testing.T) {
	f := &fake{}
	res, err := Summarize(context.Background(), f, "Talks ended on Monday. Both sides agreed to meet again.", Options{From: "EN", To: "tl", Estimator: testEstimator, Words: 80})
	if err != nil {
		t.Fatal(err)
	}
	if res.From != "en" || res.To != "fil" || res.Style != Short || res.Words != 0 {
		t.Errorf("resolved to %s→%s %s %d", res.From, res.To, res.Style, res.Words)
	}
	s := f.specs(t)[0]
	if s.Words != 0 || s.To.Name != "Filipino" || s.From.Name != "English" {
		t.Errorf("prompt %+v", s)
	}
	res, err = Summarize(context.Background(), &fake{}, "Talks ended on Monday.", Options{From: "id", Estimator: testEstimator, Style: Paragraph})
	if err != nil || res.To != "id" || res.Words != DefaultWords {
		t.Errorf("defaults: %v %+v", err, res)
	}
}
