package mock

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// start serves a mock for the length of a test.
func start(t testing.TB, o Options) *Server {
	t.Helper()
	s := New(o)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// client is a plain net/http client without connection reuse between
// tests' faults.
func client() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
}

// post sends a JSON body and returns the response and its body.
func post(t testing.TB, url string, body any, header ...string) (*http.Response, []byte) {
	t.Helper()
	var b []byte
	switch v := body.(type) {
	case []byte:
		b = v
	case string:
		b = []byte(v)
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client().Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp, out
}

// chatBody builds a request body for messages, with extra fields.
func chatBody(msgs []llm.Message, extra map[string]any) map[string]any {
	m := map[string]any{"model": DefaultModel, "messages": msgs}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// completion is what tests read from a plain answer.
type completion struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Model   string `json:"model"`
	Choices []struct {
		Index   int `json:"index"`
		Message struct {
			Role    string  `json:"role"`
			Content *string `json:"content"`
			Refusal *string `json:"refusal"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage *struct {
		PromptTokens     int `json:"prompt_tokens"`
		CompletionTokens int `json:"completion_tokens"`
		TotalTokens      int `json:"total_tokens"`
	} `json:"usage"`
}

func decode(t testing.TB, b []byte) completion {
	t.Helper()
	var c completion
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, b)
	}
	return c
}

// content returns the first choice's content.
func (c completion) content(t testing.TB) string {
	t.Helper()
	if len(c.Choices) == 0 || c.Choices[0].Message.Content == nil {
		t.Fatalf("no content in %+v", c)
	}
	return *c.Choices[0].Message.Content
}

// streamed is what tests read from a stream.
type streamed struct {
	Content, Refusal, Finish string
	Usage                    *struct{ PromptTokens, CompletionTokens int }
	Done                     bool
	Chunks                   int
	Err                      error
}

// readSSE reads server-sent events until [DONE] or the end.
func readSSE(r io.Reader) streamed {
	var s streamed
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			continue
		}
		if data == "[DONE]" {
			s.Done = true
			break
		}
		var c struct {
			Choices []struct {
				Delta struct {
					Content *string `json:"content"`
					Refusal *string `json:"refusal"`
				} `json:"delta"`
				FinishReason *string `json:"finish_reason"`
			} `json:"choices"`
			Usage *struct {
				PromptTokens     int `json:"prompt_tokens"`
				CompletionTokens int `json:"completion_tokens"`
			} `json:"usage"`
		}
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			s.Err = err
			return s
		}
		s.Chunks++
		for _, ch := range c.Choices {
			if ch.Delta.Content != nil {
				s.Content += *ch.Delta.Content
			}
			if ch.Delta.Refusal != nil {
				s.Refusal += *ch.Delta.Refusal
			}
			if ch.FinishReason != nil {
				s.Finish = *ch.FinishReason
			}
		}
		if c.Usage != nil {
			s.Usage = &struct{ PromptTokens, CompletionTokens int }{c.Usage.PromptTokens, c.Usage.CompletionTokens}
		}
	}
	if s.Err == nil {
		s.Err = sc.Err()
	}
	return s
}

// fixture reads the test article.
func fixture(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	en = prompt.Lang{Code: "en", Name: "English"}
)

// langOf names a target language for a spec.
func langOf(code string) prompt.Lang { return prompt.Lang{Code: code, Name: code} }

// fixtureTerms are the glossary entries the fixture uses, for a target.
func fixtureTerms(to string) []prompt.Term {
	targets := map[string][3]string{
		"en":      {"Belt and Road Initiative", "China-ASEAN Expo", "ASEAN"},
		"id":      {"Inisiatif Sabuk dan Jalan", "China-ASEAN Expo", "ASEAN"},
		"vi":      {"Sáng kiến Vành đai và Con đường", "Hội chợ Trung Quốc - ASEAN", "ASEAN"},
		"th":      {"ข้อริเริ่มสายแถบและเส้นทาง", "มหกรรมสินค้าจีน-อาเซียน", "อาเซียน"},
		"zh-Hans": {"一带一路倡议", "中国—东盟博览会", "东盟"},
		"my":      {"ခါးပတ်နှင့်လမ်း အစပျိုးမှု", "တရုတ်-အာဆီယံ ကုန်စည်ပြပွဲ", "အာဆီယံ"},
	}
	tg, ok := targets[to]
	if !ok {
		tg = [3]string{"BRI-" + to, "CAEXPO-" + to, "ASEAN"}
	}
	return []prompt.Term{
		{Source: "Belt and Road Initiative", Target: tg[0], Forbidden: []string{"One Belt One Road", "OBOR"}},
		{Source: "China-ASEAN Expo", Target: tg[1], Accepted: []string{"CAEXPO"}},
		{Source: "ASEAN", Target: tg[2]},
	}
}

// translateSpec is the fixture's translation into a language.
func translateSpec(t testing.TB, to string) prompt.Spec {
	return prompt.Spec{Task: prompt.Translate, From: en, To: langOf(to), Terms: fixtureTerms(to), Document: fixture(t)}
}

// jsonReader encodes v as a request body.
func jsonReader(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

// readAll reads and closes a response body.
func readAll(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
