package summarize

import (
	"context"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/openai"
	"github.com/juru-cli/juru/internal/prompt"
)

// startMock serves the mock endpoint and returns a client for it.
func startMock(tb testing.TB, o mock.Options) (*mock.Server, llm.Completer) {
	tb.Helper()
	srv := mock.New(o)
	if err := srv.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(srv.Close)
	c, err := openai.New(openai.Config{BaseURL: srv.URL(), APIKey: "x", Model: "m"})
	if err != nil {
		tb.Fatal(err)
	}
	return srv, c
}

// TestMockStyles summarizes the fixture article in every style and many
// languages through a real HTTP client: the mock's summaries keep the
// shape, the numbers by value and the glossary, so none may need a repair.
func TestMockStyles(t *testing.T) {
	src := readFixture(t, "article.md")
	_, c := startMock(t, mock.Options{Digits: mock.NativeDigits})
	for _, to := range []string{"en", "id", "ms", "vi", "fil", "th", "lo", "km", "my", "zh-Hans", "zh-Hant", "ta"} {
		for _, style := range Styles() {
			t.Run(to+"/"+style, func(t *testing.T) {
				o := opts(style)
				o.To = to
				res, err := Summarize(context.Background(), c, src, o)
				if err != nil {
					t.Fatal(err)
				}
				if res.Attempts != 1 || len(res.Violations)+len(res.Warnings) > 0 {
					t.Errorf("%d attempts, problems %v %v in\n%s", res.Attempts, res.Violations, res.Warnings, res.Text)
				}
				if res.Usage.Total() == 0 || res.HTTPAttempts != 1 {
					t.Errorf("usage %+v, %d HTTP attempts", res.Usage, res.HTTPAttempts)
				}
			})
		}
	}
}

// TestMockRepairsTerms has the mock write the glossary terms wrongly on
// the first attempt of every conversation.
func TestMockRepairsTerms(t *testing.T) {
	src := readFixture(t, "article.md")
	srv, c := startMock(t, mock.Options{Script: mock.FirstAttemptCorruptsTerms()})
	for _, to := range []string{"id", "vi"} {
		t.Run(to, func(t *testing.T) {
			srv.Reset()
			o := opts(Short)
			o.To = to
			res, err := Summarize(context.Background(), c, src, o)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK() || res.Attempts != 2 || res.Requests != 1 {
				t.Fatalf("%d requests, %d attempts, violations %v", res.Requests, res.Attempts, res.Violations)
			}
			reqs := srv.ChatRequests()
			if len(reqs) != 2 {
				t.Fatalf("%d chat requests", len(reqs))
			}
			msgs := make([]llm.Message, 0, len(reqs[1].Call.Request.Messages))
			for _, m := range reqs[1].Call.Request.Messages {
				msgs = append(msgs, llm.Message{Role: llm.Role(m.Role), Content: m.Content})
			}
			turns, err := prompt.Conversation(msgs)
			if err != nil || len(turns) != 1 {
				t.Fatalf("repair conversation %v %v", turns, err)
			}
			want := map[string]string{"id": `write "Ekspo China-ASEAN", not "China-ASEAN Expo"`, "vi": `write "Hội chợ Trung Quốc - ASEAN", not "China-ASEAN Expo"`}[to]
			if strings.Join(turns[0].Problems, "|") != want {
				t.Errorf("repair asked for %q, want %q", turns[0].Problems, want)
			}
			if !strings.Contains(res.Text, map[string]string{"id": "Ekspo China-ASEAN", "vi": "Hội chợ Trung Quốc - ASEAN"}[to]) {
				t.Errorf("summary without the required form:\n%s", res.Text)
			}
		})
	}
}

// TestMockMapReduce summarizes a long article through the mock in parts.
func TestMockMapReduce(t *testing.T) {
	src := longArticle(t, 30)
	srv, c := startMock(t, mock.Options{})
	o := opts(Bullets)
	o.To, o.ChunkTokens = "th", 150
	res, err := Summarize(context.Background(), c, src, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Chunks < 4 || srv.Count() != res.Attempts || len(res.Violations) > 0 {
		t.Errorf("%d chunks, %d server requests for %d attempts, violations %v", res.Chunks, srv.Count(), res.Attempts, res.Violations)
	}
}
