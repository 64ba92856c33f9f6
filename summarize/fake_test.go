package summarize

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/internal/tokens"
)

// testEstimator is shared by the tests so that the encoding is built once.
var testEstimator = tokens.New()

// testGlossary holds English, Indonesian, Vietnamese and Thai forms, with
// forbidden forms and a case-sensitive acronym.
func testGlossary() *glossary.Glossary {
	form := func(text string, st glossary.Status) glossary.Form { return glossary.Form{Text: text, Status: st} }
	return &glossary.Glossary{Entries: []*glossary.Entry{
		{ID: "terms.csv:2", Terms: map[string][]glossary.Form{
			"en": {form("Belt and Road Initiative", glossary.Preferred), form("One Belt One Road", glossary.Forbidden)},
			"id": {form("Inisiatif Sabuk dan Jalan", glossary.Preferred), form("OBOR", glossary.Forbidden)},
			"vi": {form("Sáng kiến Vành đai và Con đường", glossary.Preferred)},
			"th": {form("ข้อริเริ่มสายแถบและเส้นทาง", glossary.Preferred)},
		}},
		{ID: "terms.csv:3", Terms: map[string][]glossary.Form{
			"en": {form("China-ASEAN Expo", glossary.Preferred)},
			"id": {form("Ekspo China-ASEAN", glossary.Preferred), form("CAEXPO", glossary.Admitted)},
			"vi": {form("Hội chợ Trung Quốc - ASEAN", glossary.Preferred)},
		}},
		{ID: "terms.csv:4", CaseSensitive: true, Terms: map[string][]glossary.Form{
			"en": {form("ASEAN", glossary.Preferred)},
			"id": {form("ASEAN", glossary.Preferred)},
			"vi": {form("ASEAN", glossary.Preferred)},
		}},
		{ID: "terms.csv:5", Terms: map[string][]glossary.Form{
			"en": {form("memorandum of understanding", glossary.Preferred)},
			"id": {form("nota kesepahaman", glossary.Preferred)},
		}},
	}}
}

// readFixture reads a file of testdata.
func readFixture(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// sharedDir returns the shared corpus folder beside the checkout, or
// skips the test when it is absent.
func sharedDir(tb testing.TB, sub string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("extended test needs %s beside the checkout: %v", dir, err)
	}
	return dir
}

// fake is a scriptable endpoint that reads juru's prompts back. By
// default it answers extractively: the summary is made of the document's
// own sentences with every glossary term replaced by its required form,
// and notes are the document's sentences as "- " lines.
type fake struct {
	// reply, when set, writes the answer instead; turns are the repairs
	// asked so far.
	reply func(s prompt.Spec, turns []prompt.Turn) (string, error)
	// delay returns how long to wait before answering a document.
	delay func(doc string) time.Duration
	// block waits for the context to end before answering.
	block bool

	mu    sync.Mutex
	calls []llm.Request
}

func (f *fake) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	f.mu.Unlock()
	s, err := prompt.Parse(req.Messages)
	if err != nil {
		return llm.Response{}, err
	}
	turns, err := prompt.Conversation(req.Messages)
	if err != nil {
		return llm.Response{}, err
	}
	wait := time.Duration(0)
	if f.delay != nil {
		wait = f.delay(s.Document)
	}
	if f.block {
		wait = time.Hour
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		case <-t.C:
		}
	}
	reply := f.reply
	if reply == nil {
		reply = extractive
	}
	content, err := reply(s, turns)
	in := 0
	for _, m := range req.Messages {
		in += len(m.Content) / 4
	}
	return llm.Response{
		Content: content, FinishReason: llm.FinishStop, Attempts: 1,
		Usage: llm.Usage{PromptTokens: in, CompletionTokens: len(content)/4 + 1},
	}, err
}

// requests returns the calls made so far.
func (f *fake) requests() []llm.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]llm.Request(nil), f.calls...)
}

// specs returns the prompts of the calls made so far.
func (f *fake) specs(tb testing.TB) []prompt.Spec {
	tb.Helper()
	var out []prompt.Spec
	for _, r := range f.requests() {
		s, err := prompt.Parse(r.Messages)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// extractive writes a summary or notes from the document's sentences.
func extractive(s prompt.Spec, _ []prompt.Turn) (string, error) {
	doc := s.Document
	for _, t := range s.Terms {
		doc = strings.ReplaceAll(doc, t.Source, t.Target)
	}
	sents := plainSentences(doc)
	if len(sents) == 0 {
		sents = []string{"Nothing."}
	}
	if s.Task == prompt.Notes {
		return "- " + strings.Join(sents, "\n- "), nil
	}
	head := "# " + firstWords(strings.TrimRight(sents[0], "."), 10)
	switch s.Style {
	case Headline:
		return head, nil
	case Bullets:
		return head + "\n\n- " + strings.Join(sents[:min(len(sents), 4)], "\n- "), nil
	case Paragraph:
		var out []string
		n := 0
		for _, x := range sents {
			if n >= s.Words {
				break
			}
			out = append(out, x)
			n += len(strings.Fields(x))
		}
		return head + "\n\n" + strings.Join(out, " "), nil
	}
	return head + "\n\n" + sents[0], nil
}

// plainSentences cuts a document into sentences without headings or
// list markers: after ". " and at line ends.
func plainSentences(doc string) []string {
	var out []string
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimLeft(strings.TrimSpace(line), "#-* ")
		for line != "" {
			i := strings.Index(line, ". ")
			if i < 0 {
				out = append(out, line)
				break
			}
			out = append(out, line[:i+1])
			line = strings.TrimSpace(line[i+2:])
		}
	}
	return out
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// opts returns the options the tests start from.
func opts(style string) Options {
	return Options{Style: style, Estimator: testEstimator, Glossary: testGlossary()}
}
