package translate

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/internal/tokens"
)

// rePlaceholderAny matches any placeholder, for a fake that loses them.
var rePlaceholderAny = regexp.MustCompile(`⟦[^⟧]*⟧|\{\{[^}]*\}\}`)

// testEstimator is shared by the tests so that the encoding is built once.
var testEstimator = tokens.New()

// testGlossary builds the glossary the tests use: English to Indonesian
// and Vietnamese, with forbidden forms and a case-sensitive acronym.
func testGlossary() *glossary.Glossary {
	form := func(text string, st glossary.Status) glossary.Form { return glossary.Form{Text: text, Status: st} }
	return &glossary.Glossary{Entries: []*glossary.Entry{
		{ID: "terms.csv:2", Terms: map[string][]glossary.Form{
			"en": {form("Belt and Road Initiative", glossary.Preferred), form("One Belt One Road", glossary.Forbidden)},
			"id": {form("Inisiatif Sabuk dan Jalan", glossary.Preferred), form("OBOR", glossary.Forbidden)},
			"vi": {form("Sáng kiến Vành đai và Con đường", glossary.Preferred)},
		}},
		{ID: "terms.csv:3", Terms: map[string][]glossary.Form{
			"en": {form("China-ASEAN Expo", glossary.Preferred)},
			"id": {form("Ekspo China-ASEAN", glossary.Preferred), form("CAEXPO", glossary.Admitted)},
			"vi": {form("Hội chợ Trung Quốc - ASEAN", glossary.Preferred)},
		}},
		{ID: "terms.csv:4", Terms: map[string][]glossary.Form{
			"en": {form("National Development and Reform Commission", glossary.Preferred)},
			"id": {form("Komisi Pembangunan dan Reformasi Nasional", glossary.Preferred)},
		}},
		{ID: "terms.csv:5", Terms: map[string][]glossary.Form{
			"en": {form("Expo Secretariat", glossary.Preferred)},
			"vi": {form("Ban Thư ký Hội chợ", glossary.Preferred)},
		}},
	}}
}

// fake is a scriptable pseudo-translator. It reads the prompt back with
// prompt.Parse, writes every glossary term in its required form and
// reverses every other word, keeping placeholders, spaces and
// punctuation, so that a translation is deterministic and local: the
// translation of a text is the concatenation of the translations of its
// parts.
type fake struct {
	// dropTerms returns true when an answer should leave the first
	// occurrence of every term untranslated; turns counts the repairs so far.
	dropTerms func(turns int) bool
	// forbidden, when set, is appended to every answer.
	forbidden string
	// dropPlaceholders returns true when an answer should lose its placeholders.
	dropPlaceholders func(turns int) bool
	// truncateOver makes documents longer than this many bytes come back
	// cut off at the token limit; 0 means never.
	truncateOver int
	// fail, when set, replaces the answer by an error.
	fail func(doc string) error
	// delay returns how long to wait before answering.
	delay func() time.Duration
	// stream sends the answer to req.Stream in pieces of this many bytes.
	stream int
	// identity answers with the document unchanged.
	identity bool
	// block waits for the context to end before answering.
	block bool

	mu    sync.Mutex
	calls []llm.Request
	began chan struct{} // receives a value as each call starts, when not nil
}

func (f *fake) Complete(ctx context.Context, req llm.Request) (llm.Response, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	f.mu.Unlock()
	if f.began != nil {
		f.began <- struct{}{}
	}
	if f.block {
		<-ctx.Done()
		return llm.Response{}, ctx.Err()
	}
	if f.delay != nil {
		select {
		case <-time.After(f.delay()):
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		}
	}
	spec, err := prompt.Parse(req.Messages)
	if err != nil {
		return llm.Response{}, err
	}
	turns, err := prompt.Conversation(req.Messages)
	if err != nil {
		return llm.Response{}, err
	}
	usage := llm.Usage{PromptTokens: len(req.Messages[1].Content) / 4, CompletionTokens: len(spec.Document) / 4}
	if f.fail != nil {
		if err := f.fail(spec.Document); err != nil {
			return llm.Response{}, err
		}
	}
	if f.truncateOver > 0 && len(spec.Document) > f.truncateOver {
		resp := llm.Response{Content: spec.Document[:f.truncateOver/2], FinishReason: llm.FinishLength, Usage: usage, Attempts: 1}
		return resp, llm.CheckAnswer(resp)
	}
	out := spec.Document
	if !f.identity {
		out = pseudo(spec.Document, spec.Terms, f.dropTerms != nil && f.dropTerms(len(turns)))
	}
	if f.dropPlaceholders != nil && f.dropPlaceholders(len(turns)) {
		out = rePlaceholderAny.ReplaceAllString(out, "")
	}
	out += f.forbidden
	if req.Stream != nil && f.stream > 0 {
		for i := 0; i < len(out); i += f.stream {
			req.Stream(out[i:min(i+f.stream, len(out))])
		}
	}
	resp := llm.Response{Content: out, FinishReason: llm.FinishStop, Usage: usage, Attempts: 1}
	return resp, llm.CheckAnswer(resp)
}

func (f *fake) requests() []llm.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]llm.Request(nil), f.calls...)
}

// pseudo translates a document: terms become their target form (the
// first occurrence of each stays in the source form when drop is set)
// and every other run of letters is reversed.
func pseudo(doc string, terms []prompt.Term, drop bool) string {
	var b strings.Builder
	dropped := map[int]bool{}
	lower := strings.ToLower(doc)
	for i := 0; i < len(doc); {
		matched := false
		for k, t := range terms {
			if t.Source == "" || !strings.HasPrefix(lower[i:], strings.ToLower(t.Source)) {
				continue
			}
			if drop && !dropped[k] {
				dropped[k] = true
				b.WriteString(doc[i : i+len(t.Source)])
			} else {
				b.WriteString(t.Target)
			}
			i += len(t.Source)
			matched = true
			break
		}
		if matched {
			continue
		}
		j := i
		for j < len(doc) {
			r, n := utf8.DecodeRuneInString(doc[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if j == i {
			_, n := utf8.DecodeRuneInString(doc[i:])
			b.WriteString(doc[i : i+n])
			i += n
			continue
		}
		b.WriteString(reverse(doc[i:j]))
		i = j
	}
	return b.String()
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
