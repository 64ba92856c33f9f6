package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
)

// vllmRunBatch answers a request file as 'vllm run-batch' does, in
// shuffled order, with the mock's pseudo-translation; fail picks
// requests that get an error line instead.
func vllmRunBatch(t *testing.T, tr *mock.Translator, in, out string, fail func(id string) bool) int {
	t.Helper()
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var req struct {
			CustomID string `json:"custom_id"`
			Method   string `json:"method"`
			URL      string `json:"url"`
			Body     struct {
				Model    string        `json:"model"`
				Messages []llm.Message `json:"messages"`
			} `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &req); err != nil {
			t.Fatalf("request line: %v", err)
		}
		if req.Method != "POST" || req.URL != "/v1/chat/completions" {
			t.Fatalf("request line %s %s", req.Method, req.URL)
		}
		n := len(lines) + 1
		var line any
		if fail != nil && fail(req.CustomID) {
			line = map[string]any{"id": fmt.Sprintf("vllm-%d", n), "custom_id": req.CustomID,
				"response": map[string]any{"status_code": 400, "request_id": fmt.Sprintf("vllm-batch-%d", n),
					"body": map[string]any{"object": "error", "message": "This model's maximum context length is exceeded", "type": "BadRequestError", "param": nil, "code": 400}},
				"error": nil}
		} else {
			text, err := tr.ReplyTo(req.Body.Messages)
			if err != nil {
				t.Fatal(err)
			}
			prompt := 0
			for _, m := range req.Body.Messages {
				prompt += len(m.Content)
			}
			line = map[string]any{"id": fmt.Sprintf("vllm-%d", n), "custom_id": req.CustomID,
				"response": map[string]any{"status_code": 200, "request_id": fmt.Sprintf("vllm-batch-%d", n), "body": map[string]any{
					"id": fmt.Sprintf("chatcmpl-%d", n), "object": "chat.completion", "created": 1764000000, "model": req.Body.Model,
					"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": text, "tool_calls": []any{}},
						"logprobs": nil, "finish_reason": "stop", "stop_reason": nil}},
					"usage":           map[string]any{"prompt_tokens": (prompt + 3) / 4, "completion_tokens": mock.Tokens(text), "total_tokens": (prompt+3)/4 + mock.Tokens(text)},
					"prompt_logprobs": nil}},
				"error": nil}
		}
		b, _ := json.Marshal(line)
		lines = append(lines, string(b))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	data := strings.Join(lines, "\n")
	if len(lines) > 0 {
		data += "\n"
	}
	if err := os.WriteFile(out, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return len(lines)
}

// TestVLLMRoundTrip prepares requests, answers them as vLLM's run-batch
// would, and collects the results: the outputs equal an interactive
// run's; a request that failed leaves its item pending until a second
// prepare and run-batch answer it.
func TestVLLMRoundTrip(t *testing.T) {
	t.Parallel()
	e := newBatchEnv(t, mock.Options{})
	news := e.writeArticles(12, 3)
	task := []string{"--to", "th,vi", "-g", "../../testdata/glossary/asean.csv", "--no-cache", "--progress", "none"}
	e.must(0, append(append([]string{"translate"}, task...), "-o", e.path("interactive"), news)...)
	e.srv.Reset()

	reqs, results := e.path("requests.jsonl"), e.path("results.jsonl")
	e.must(0, append(append([]string{"batch", "prepare"}, task...), "-o", reqs, news)...)
	if e.srv.Count() != 0 {
		t.Fatal("prepare talked to the endpoint")
	}
	failed := ""
	n := vllmRunBatch(t, e.srv.Translator(), reqs, results, func(id string) bool {
		if failed == "" && strings.HasPrefix(id, "tr.vi.") {
			failed = id
		}
		return id == failed
	})
	if n < 24 {
		t.Fatalf("%d requests for 24 items", n)
	}
	out := e.path("out")
	collect := append(append([]string{"batch", "collect"}, task...), "--from-file", results, "-o", out, news)
	stderr := e.must(exitPartial, collect...)
	if !strings.Contains(stderr, "pending:") || !strings.Contains(stderr, "the results file holds an error") {
		t.Errorf("collect said:\n%s", stderr)
	}
	if e.chatRequests() != 0 {
		t.Errorf("collect sent %d requests live", e.chatRequests())
	}

	reqs2, results2 := e.path("requests2.jsonl"), e.path("results2.jsonl")
	e.must(0, append(append([]string{"batch", "prepare"}, task...), "--out-dir", out, "-o", reqs2, news)...)
	if n2 := vllmRunBatch(t, e.srv.Translator(), reqs2, results2, nil); n2 < 1 || n2 >= n {
		t.Errorf("the second prepare wrote %d requests; want those of the one pending item", n2)
	}
	collect = append(append([]string{"batch", "collect"}, task...), "--from-file", results, "--from-file", results2, "-o", out, news)
	e.must(0, collect...)
	sameTree(t, e.path("interactive"), out)
	sameRecords(t, e.path("interactive"), out)
	if e.chatRequests() != 0 {
		t.Errorf("collect sent %d requests live", e.chatRequests())
	}
}
