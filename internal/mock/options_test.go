package mock

import (
	"bufio"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

func TestLatencyEndsWhenClientCancels(t *testing.T) {
	s := start(t, Options{Latency: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/chat/completions", jsonReader(chatBody([]llm.Message{{Role: llm.User, Content: "hi"}}, nil)))
	errc := make(chan error, 1)
	go func() {
		resp, err := client().Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	waitCall(t, s, 1)
	cancel()
	if err := <-errc; err == nil {
		t.Error("answered despite an hour of latency")
	}
	if rec := waitDone(t, s, 1); rec.Status != 499 {
		t.Errorf("status %d, want 499", rec.Status)
	}
}

func TestChunkIntervalStopsWithTheClient(t *testing.T) {
	s := start(t, Options{ChunkInterval: time.Hour})
	resp, err := client().Post(s.URL()+"/chat/completions", "application/json", jsonReader(chatBody([]llm.Message{{Role: llm.User, Content: "hello there"}}, map[string]any{"stream": true})))
	if err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "data: {") {
		t.Fatalf("first event %q: %v", line, err)
	}
	resp.Body.Close()
	if rec := waitDone(t, s, 1); rec.Status != 200 || rec.Answer != "hello there" {
		t.Errorf("record %+v", rec)
	}
}

func TestNoUsage(t *testing.T) {
	s := start(t, Options{NoUsage: true})
	c := decode(t, must(post(t, s.URL()+"/chat/completions", chatBody([]llm.Message{{Role: llm.User, Content: "hi"}}, nil))))
	if c.Usage != nil || c.content(t) != "hi" {
		t.Errorf("answer %+v", c)
	}
	if u := s.Requests()[0].Usage; u.PromptTokens != 1 || u.CompletionTokens != 1 {
		t.Errorf("recorded usage %+v", u)
	}
}
