package mock

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

func TestPlainAnswerIsTheTranslation(t *testing.T) {
	s := start(t, Options{})
	spec := translateSpec(t, "id")
	msgs := prompt.Build(spec)
	resp, body := post(t, s.URL()+"/chat/completions", chatBody(msgs, map[string]any{"temperature": 0}))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	c := decode(t, body)
	if got, want := c.content(t), s.Translator().Reply(spec); got != want {
		t.Errorf("content is not the translator's reply:\n%s\n---\n%s", got, want)
	}
	if c.Object != "chat.completion" || c.Model != DefaultModel || c.Choices[0].FinishReason != "stop" {
		t.Errorf("unexpected envelope %+v", c)
	}
	promptBytes := len(msgs[0].Content) + len(msgs[1].Content)
	if c.Usage == nil || c.Usage.PromptTokens != (promptBytes+3)/4 || c.Usage.CompletionTokens != Tokens(c.content(t)) ||
		c.Usage.TotalTokens != c.Usage.PromptTokens+c.Usage.CompletionTokens {
		t.Errorf("usage %+v, want prompt %d completion %d", c.Usage, (promptBytes+3)/4, Tokens(c.content(t)))
	}
	recs := s.Requests()
	if len(recs) != 1 || recs[0].Chat == nil || recs[0].Chat.Temperature == nil || *recs[0].Chat.Temperature != 0 {
		t.Fatalf("temperature 0 not recorded: %+v", recs)
	}
	if recs[0].Call.Spec == nil || recs[0].Call.Spec.To.Code != "id" || recs[0].Call.Attempt != 1 || recs[0].Status != 200 {
		t.Errorf("record %+v", recs[0])
	}
}

func TestStreamingAnswer(t *testing.T) {
	for _, usage := range []bool{false, true} {
		t.Run(map[bool]string{false: "no usage", true: "usage"}[usage], func(t *testing.T) {
			s := start(t, Options{ChunkSize: 7})
			spec := translateSpec(t, "th")
			extra := map[string]any{"stream": true}
			if usage {
				extra["stream_options"] = map[string]any{"include_usage": true}
			}
			body, _ := json.Marshal(chatBody(prompt.Build(spec), extra))
			resp, err := client().Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
				t.Errorf("content type %q", ct)
			}
			got := readSSE(resp.Body)
			if got.Err != nil || !got.Done {
				t.Fatalf("stream ended badly: %+v", got)
			}
			if want := s.Translator().Reply(spec); got.Content != want {
				t.Errorf("streamed content differs from the reply")
			}
			if got.Finish != "stop" {
				t.Errorf("finish %q", got.Finish)
			}
			if got.Chunks < 10 {
				t.Errorf("only %d chunks with 7-byte deltas", got.Chunks)
			}
			if usage != (got.Usage != nil) {
				t.Fatalf("usage chunk present = %v, asked %v", got.Usage != nil, usage)
			}
			if usage && got.Usage.CompletionTokens != Tokens(got.Content) {
				t.Errorf("usage %+v for %d bytes", got.Usage, len(got.Content))
			}
		})
	}
}

func TestPathsAndModels(t *testing.T) {
	s := start(t, Options{Models: []string{"gpt-x", "dep1"}})
	root := "http://" + s.Addr()
	msgs := []llm.Message{{Role: llm.User, Content: "hello"}}
	cases := []struct {
		name, path string
		body       map[string]any
		status     int
		code       string
	}{
		{"v1", "/v1/chat/completions", map[string]any{"model": "gpt-x", "messages": msgs}, 200, ""},
		{"no v1", "/chat/completions", map[string]any{"model": "gpt-x", "messages": msgs}, 200, ""},
		{"azure", "/openai/deployments/dep1/chat/completions?api-version=2024-10-21", map[string]any{"messages": msgs}, 200, ""},
		{"azure no version", "/openai/deployments/dep1/chat/completions", map[string]any{"messages": msgs}, 404, "404"},
		{"azure unknown deployment", "/openai/deployments/nope/chat/completions?api-version=2024-10-21", map[string]any{"messages": msgs}, 404, "DeploymentNotFound"},
		{"unknown model", "/v1/chat/completions", map[string]any{"model": "gpt-y", "messages": msgs}, 404, "model_not_found"},
		{"unknown path", "/v1/completions/chat", map[string]any{"model": "gpt-x", "messages": msgs}, 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := post(t, root+c.path, c.body)
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.status, body)
			}
			var e struct {
				Error struct{ Code *string } `json:"error"`
			}
			_ = json.Unmarshal(body, &e)
			if c.code != "" && (e.Error.Code == nil || *e.Error.Code != c.code) {
				t.Errorf("code %v, want %q: %s", e.Error.Code, c.code, body)
			}
			if c.status == 200 && decode(t, body).content(t) != "hello" {
				t.Errorf("a message that is not a juru prompt is not echoed: %s", body)
			}
		})
	}
	resp, err := client().Get(s.URL() + "/models")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Object string
		Data   []struct{ ID, Object string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if list.Object != "list" || len(list.Data) != 2 || list.Data[0].ID != "gpt-x" || list.Data[1].Object != "model" {
		t.Errorf("model list %+v", list)
	}
	resp2, err := client().Get(s.URL() + "/chat/completions")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET chat/completions: %d", resp2.StatusCode)
	}
}

func TestAPIKey(t *testing.T) {
	const key = "sk-test-SECRETKEY-0123456789"
	s := start(t, Options{APIKey: key})
	body := chatBody([]llm.Message{{Role: llm.User, Content: "x"}}, nil)
	cases := []struct {
		name   string
		header []string
		status int
		code   string
	}{
		{"bearer", []string{"Authorization", "Bearer " + key}, 200, ""},
		{"azure header", []string{"api-key", key}, 200, ""},
		{"missing", nil, 401, ""},
		{"wrong", []string{"Authorization", "Bearer sk-wrong-key"}, 401, "invalid_api_key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, out := post(t, s.URL()+"/chat/completions", body, c.header...)
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.status, out)
			}
			if strings.Contains(string(out), "sk-") {
				t.Errorf("answer repeats a key: %s", out)
			}
			if c.code != "" && !strings.Contains(string(out), `"code":"`+c.code+`"`) {
				t.Errorf("answer %s lacks code %s", out, c.code)
			}
		})
	}
	for _, r := range s.Requests() {
		for k, vs := range r.Header {
			for _, v := range vs {
				if strings.Contains(v, "SECRETKEY") || strings.Contains(v, "wrong-key") {
					t.Errorf("recorded header %s holds a key: %q", k, v)
				}
			}
		}
	}
}

func TestValidation(t *testing.T) {
	s := start(t, Options{})
	url := s.URL() + "/chat/completions"
	user := `[{"role":"user","content":"hi"}]`
	cases := []struct {
		name, body, param, code string
	}{
		{"not json", `{"model":`, "", ""},
		{"not an object", `[1,2]`, "", ""},
		{"trailing data", `{"model":"m","messages":` + user + `} {}`, "", ""},
		{"no model", `{"messages":` + user + `}`, "", ""},
		{"model not a string", `{"model":3,"messages":` + user + `}`, "model", "invalid_type"},
		{"no messages", `{"model":"m"}`, "messages", "missing_required_parameter"},
		{"empty messages", `{"model":"m","messages":[]}`, "messages", "empty_array"},
		{"bad role", `{"model":"m","messages":[{"role":"robot","content":"x"}]}`, "messages[0].role", "invalid_value"},
		{"no content", `{"model":"m","messages":[{"role":"user"}]}`, "messages[0].content", "missing_required_parameter"},
		{"content number", `{"model":"m","messages":[{"role":"user","content":5}]}`, "messages[0].content", "invalid_type"},
		{"temperature high", `{"model":"m","messages":` + user + `,"temperature":2.5}`, "temperature", "decimal_above_max_value"},
		{"temperature low", `{"model":"m","messages":` + user + `,"temperature":-0.1}`, "temperature", "decimal_below_min_value"},
		{"temperature string", `{"model":"m","messages":` + user + `,"temperature":"0"}`, "temperature", "invalid_type"},
		{"top_p high", `{"model":"m","messages":` + user + `,"top_p":1.5}`, "top_p", "decimal_above_max_value"},
		{"n zero", `{"model":"m","messages":` + user + `,"n":0}`, "n", "integer_below_min_value"},
		{"max_tokens decimal", `{"model":"m","messages":` + user + `,"max_tokens":1.5}`, "max_tokens", "invalid_type"},
		{"stream_options without stream", `{"model":"m","messages":` + user + `,"stream_options":{"include_usage":true}}`, "stream_options", ""},
		{"unknown field", `{"model":"m","messages":` + user + `,"temprature":0}`, "", ""},
		{"too many stops", `{"model":"m","messages":` + user + `,"stop":["a","b","c","d","e"]}`, "stop", "array_above_max_length"},
		{"bad part", `{"model":"m","messages":[{"role":"user","content":[{"type":"video"}]}]}`, "messages[0].content[0].type", "invalid_value"},
		{"tool without id", `{"model":"m","messages":[{"role":"tool","content":"x"}]}`, "messages[0].tool_call_id", "missing_required_parameter"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, out := post(t, url, c.body)
			if resp.StatusCode != 400 {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, out)
			}
			var e struct {
				Error struct {
					Message string
					Type    string
					Param   *string
					Code    *string
				}
			}
			if err := json.Unmarshal(out, &e); err != nil || e.Error.Message == "" || e.Error.Type != "invalid_request_error" {
				t.Fatalf("not an OpenAI error body: %s", out)
			}
			if got := deref(e.Error.Param); got != c.param {
				t.Errorf("param %q, want %q", got, c.param)
			}
			if got := deref(e.Error.Code); got != c.code {
				t.Errorf("code %q, want %q", got, c.code)
			}
		})
	}
	valid := []string{
		`{"model":"m","messages":` + user + `,"temperature":0,"top_p":1,"n":1,"seed":7,"max_tokens":100,"stop":"\n\n","user":"u","stream":false}`,
		`{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},{"role":"assistant","content":null,"tool_calls":[]},{"role":"developer","content":"d"}],"temperature":2}`,
		`{"model":"m","messages":` + user + `,"stream":true,"stream_options":{"include_usage":false}}`,
	}
	for i, b := range valid {
		if resp, out := post(t, url, b); resp.StatusCode != 200 {
			t.Errorf("valid body %d refused: %s", i, out)
		}
	}
	lenient := start(t, Options{Lenient: true})
	if resp, out := post(t, lenient.URL()+"/chat/completions", `{"model":"m","messages":`+user+`,"chat_template_kwargs":{}}`); resp.StatusCode != 200 {
		t.Errorf("lenient server refused an extra field: %s", out)
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestChoicesStopAndMaxTokens(t *testing.T) {
	s := start(t, Options{})
	msgs := []llm.Message{{Role: llm.User, Content: "alpha beta. gamma delta epsilon zeta eta theta"}}
	c := decode(t, must(post(t, s.URL()+"/chat/completions", chatBody(msgs, map[string]any{"n": 3}))))
	if len(c.Choices) != 3 || c.Choices[2].Index != 2 {
		t.Errorf("want 3 choices, got %+v", c.Choices)
	}
	c = decode(t, must(post(t, s.URL()+"/chat/completions", chatBody(msgs, map[string]any{"stop": ". "}))))
	if got := c.content(t); got != "alpha beta" || c.Choices[0].FinishReason != "stop" {
		t.Errorf("stop: %q %q", got, c.Choices[0].FinishReason)
	}
	c = decode(t, must(post(t, s.URL()+"/chat/completions", chatBody(msgs, map[string]any{"max_tokens": 2}))))
	if got := c.content(t); len(got) > 8 || !strings.HasPrefix(msgs[0].Content, got) || c.Choices[0].FinishReason != "length" {
		t.Errorf("max_tokens 2: %q %q", got, c.Choices[0].FinishReason)
	}
}

// must drops the response of post, keeping the body.
func must(_ *http.Response, body []byte) []byte { return body }

func TestContextLength(t *testing.T) {
	s := start(t, Options{ContextTokens: 10})
	msgs := []llm.Message{{Role: llm.User, Content: strings.Repeat("word ", 20)}}
	resp, out := post(t, s.URL()+"/chat/completions", chatBody(msgs, nil))
	if resp.StatusCode != 400 || !strings.Contains(string(out), "context_length_exceeded") {
		t.Errorf("status %d: %s", resp.StatusCode, out)
	}
}
