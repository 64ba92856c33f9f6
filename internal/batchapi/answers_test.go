package batchapi

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/openai"
)

func req(text string) llm.Request {
	return llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.User, Content: text}}}
}

func idOf(r llm.Request) string { return NewID(TaskTranslate, "th", "a.md", 0, Key(r)).String() }

// answerLine is a result line with a chat completion.
func answerLine(r llm.Request, content, finish string) string {
	body, _ := json.Marshal(map[string]any{
		"id": "c", "object": "chat.completion", "model": "m",
		"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": content}, "finish_reason": finish}},
		"usage":   map[string]any{"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
	})
	line, _ := json.Marshal(map[string]any{"id": "r", "custom_id": idOf(r),
		"response": map[string]any{"status_code": 200, "body": json.RawMessage(body)}, "error": nil})
	return string(line)
}

// errorLine is a result line for a request that was not answered.
func errorLine(r llm.Request, code string) string {
	line, _ := json.Marshal(map[string]any{"id": "r", "custom_id": idOf(r), "response": nil,
		"error": map[string]any{"code": code, "message": "not done"}})
	return string(line)
}

func writeLines(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func parser(t *testing.T) *openai.Client {
	t.Helper()
	c, err := parserF()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// parserF is a client that only reads result lines.
func parserF() (*openai.Client, error) {
	return openai.New(openai.Config{BaseURL: "http://127.0.0.1:1/v1"})
}

// fakeLive answers every request with "live" and counts them.
type fakeLive struct{ n int }

func (f *fakeLive) Complete(ctx context.Context, r llm.Request) (llm.Response, error) {
	f.n++
	return llm.Response{Content: "live", FinishReason: "stop", Usage: llm.Usage{PromptTokens: 1, CompletionTokens: 1}}, nil
}

func TestAnswersAndReplay(t *testing.T) {
	dir := t.TempDir()
	good, cut, failed, retried, missing, repair := req("good"), req("cut"), req("failed"), req("retried"), req("missing"), req("repair")
	first := writeLines(t, dir, "first.jsonl",
		answerLine(good, "fine", "stop"),
		answerLine(cut, "half", "length"),
		errorLine(failed, "batch_expired"),
		errorLine(retried, "batch_expired"),
		`{"id":"x","custom_id":"someone-else","response":{"status_code":200,"body":{}},"error":null}`,
	)
	second := writeLines(t, dir, "second.jsonl", answerLine(retried, "second try", "stop"), answerLine(good, "other", "stop"))
	a := NewAnswers(parser(t))
	defer a.Close()
	for _, p := range []string{first, second} {
		if err := a.AddFile(p); err != nil {
			t.Fatal(err)
		}
	}
	if answered, failedN := a.Len(); answered != 3 || failedN != 1 || a.Foreign != 1 {
		t.Errorf("answered %d, failed %d, foreign %d", answered, failedN, a.Foreign)
	}
	if why, ok := a.Failure(Key(failed)); !ok || !strings.Contains(why, "not done") {
		t.Errorf("failure %q %v", why, ok)
	}

	live := &fakeLive{}
	r := NewReplay(a, live)
	ctx := WithFirstRequests(context.Background(), []string{Key(good), Key(cut), Key(failed), Key(retried), Key(missing)})
	cases := []struct {
		name    string
		req     llm.Request
		content string
		err     error
		pending bool
	}{
		{"the first good answer wins", good, "fine", nil, false},
		{"a cut answer is replayed as cut", cut, "half", llm.ErrTruncated, false},
		{"a failed request is pending", failed, "", nil, true},
		{"a later good answer replaces a failure", retried, "second try", nil, false},
		{"an unanswered first request is pending", missing, "", nil, true},
		{"a repair goes live", repair, "live", nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := r.Complete(ctx, tc.req)
			var pe *PendingError
			switch {
			case tc.pending:
				if !errors.As(err, &pe) {
					t.Fatalf("err %v, want pending", err)
				}
			case tc.err != nil:
				if !errors.Is(err, tc.err) {
					t.Fatalf("err %v, want %v", err, tc.err)
				}
			case err != nil:
				t.Fatal(err)
			}
			if resp.Content != tc.content {
				t.Errorf("content %q, want %q", resp.Content, tc.content)
			}
		})
	}
	st := r.Stats()
	if live.n != 1 || st.Live != 1 || st.Replayed != 3 || st.Pending != 2 || st.BatchUsage.PromptTokens != 30 {
		t.Errorf("live %d, stats %+v", live.n, st)
	}
	if _, err := NewReplay(a, nil).Complete(context.Background(), repair); !errors.Is(err, ErrNoLive) {
		t.Errorf("without a live endpoint: %v", err)
	}
	if _, err := r.Complete(context.Background(), missing); err != nil {
		t.Errorf("a request not marked first went live with error %v", err)
	}
}

func TestAnswersRejectUnreadableFiles(t *testing.T) {
	a := NewAnswers(parser(t))
	defer a.Close()
	if err := a.AddFile(filepath.Join(t.TempDir(), "none.jsonl")); err == nil {
		t.Error("a missing file was indexed")
	}
	p := writeLines(t, t.TempDir(), "bad.jsonl", "{not json")
	if err := a.AddFile(p); err != nil {
		t.Fatalf("an unreadable line should count as foreign, not fail: %v", err)
	}
	if a.Foreign != 1 {
		t.Errorf("foreign %d", a.Foreign)
	}
}
