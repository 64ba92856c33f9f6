package mock

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/juru-cli/juru/internal/prompt"
)

// lineShape is what a translation must keep of each line: blank or not,
// its Markdown prefix, and fence lines as they are.
func lineShape(doc string) []string {
	var out []string
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case strings.TrimSpace(l) == "":
			out = append(out, "blank")
		case fenceOpen.MatchString(l) && !strings.Contains(strings.TrimLeft(l, " `"), "`"):
			out = append(out, "fence "+l)
		default:
			out = append(out, "prefix "+linePrefix.FindString(l))
		}
	}
	return out
}

func FuzzTranslate(f *testing.F) {
	f.Add(fixture(f), uint8(0), uint8(0))
	for i, line := range strings.Split(fixture(f), "\n") {
		f.Add(line, uint8(i), uint8(i))
	}
	f.Add("1. ๑. x\n> ≯ y\n- [ ] z\n~~~\nkeep\n~~~", uint8(2), uint8(0))
	f.Add("The OBOR and ASEAN grew 1,234.5% on 18,2021", uint8(7), uint8(1))
	tr := NewTranslator(LocaleDigits, nil)
	f.Fuzz(func(t *testing.T, doc string, to, task uint8) {
		spec := prompt.Spec{
			Task: []prompt.Task{prompt.Translate, prompt.Summarize, prompt.Notes}[int(task)%3],
			From: en, To: langOf(allTargets[int(to)%len(allTargets)]), Style: "bullets",
			Terms: fixtureTerms(allTargets[int(to)%len(allTargets)]), Document: doc,
		}
		out := tr.Reply(spec)
		if utf8.ValidString(doc) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from valid input: %q", out)
		}
		switch spec.Task {
		case prompt.Translate:
			if want, got := lineShape(norm.NFC.String(doc)), lineShape(out); !slices.Equal(want, got) {
				t.Fatalf("line structure changed:\n in %q\nout %q\nwant %q\n got %q", doc, out, want, got)
			}
		case prompt.Summarize:
			if !strings.HasPrefix(out, "# ") {
				t.Fatalf("summary without headline: %q", out)
			}
		}
	})
}

func FuzzParseChat(f *testing.F) {
	body, _ := json.Marshal(chatBody(prompt.Build(translateSpec(f, "id")), map[string]any{"temperature": 0, "stream": true, "stream_options": map[string]any{"include_usage": true}}))
	f.Add(body, false)
	f.Add([]byte(`{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a"}]}],"stop":["x"],"n":2}`), true)
	f.Add([]byte(`{"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[]}],"temperature":2}`), false)
	f.Add([]byte(`{"model":"m","messages":[],"temperature":-1}`), false)
	f.Fuzz(func(t *testing.T, body []byte, lenient bool) {
		req, e := parseChat(body, lenient, true)
		if (req == nil) == (e == nil) {
			t.Fatalf("request %v and error %v", req, e)
		}
		if e != nil {
			if e.status != 400 || e.Message == "" || !json.Valid(e.body()) {
				t.Fatalf("bad error %+v", e)
			}
			return
		}
		if req.Model == "" || len(req.Messages) == 0 {
			t.Fatalf("accepted without model or messages: %s", body)
		}
		for _, m := range req.Messages {
			if !validRole(m.Role) {
				t.Fatalf("accepted role %q", m.Role)
			}
		}
		if p := req.Temperature; p != nil && (*p < 0 || *p > 2) {
			t.Fatalf("accepted temperature %v", *p)
		}
		if req.StreamOptions != nil && !req.Stream {
			t.Fatal("accepted stream_options without stream")
		}
		if n := req.Choices(); n < 1 || n > 128 {
			t.Fatalf("accepted n %d", n)
		}
	})
}
