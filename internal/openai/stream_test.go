package openai

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

func TestStream(t *testing.T) {
	tests := []struct {
		name      string
		handlers  []http.HandlerFunc
		want      string
		wantUsage llm.Usage
		wantErr   error
		attempts  int
	}{
		{
			name:      "with usage",
			handlers:  []http.HandlerFunc{events(delta("Halo"), delta(", "), delta("dunia"), finish("stop"), usageEvent, doneEvent)},
			want:      "Halo, dunia",
			wantUsage: llm.Usage{PromptTokens: 5, CompletionTokens: 3},
			attempts:  1,
		},
		{
			name:     "server ignores include_usage",
			handlers: []http.HandlerFunc{events(delta("Halo"), finish("stop"), doneEvent)},
			want:     "Halo",
			attempts: 1,
		},
		{
			name:     "keep-alive comments and no final DONE",
			handlers: []http.HandlerFunc{events(": PROCESSING\n\n", delta("Halo"), ": PROCESSING\n\n", finish("stop"))},
			want:     "Halo",
			attempts: 1,
		},
		{
			name:     "CRLF line ends",
			handlers: []http.HandlerFunc{events(strings.ReplaceAll(delta("Halo")+finish("stop")+doneEvent, "\n", "\r\n"))},
			want:     "Halo",
			attempts: 1,
		},
		{
			name:     "retried before the first byte",
			handlers: []http.HandlerFunc{hangUp, events(), events(delta("Halo"), finish("stop"), doneEvent)},
			want:     "Halo",
			attempts: 3,
		},
		{
			name:      "server ignores stream",
			handlers:  []http.HandlerFunc{completion("Halo", "stop")},
			want:      "Halo",
			wantUsage: llm.Usage{PromptTokens: 11, CompletionTokens: 7},
			attempts:  1,
		},
		{
			name:     "cut mid-event",
			handlers: []http.HandlerFunc{cutAfter(delta("Halo"), `data: {"id":"c1","choices":[{"index":0,"delta":{"content":"du`)},
			want:     "Halo",
			wantErr:  llm.ErrMalformed,
			attempts: 1,
		},
		{
			name:     "cut between events",
			handlers: []http.HandlerFunc{cutAfter(delta("Halo"))},
			want:     "Halo",
			wantErr:  llm.ErrMalformed,
			attempts: 1,
		},
		{
			name:     "error event",
			handlers: []http.HandlerFunc{events(delta("Halo"), "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n")},
			want:     "Halo",
			wantErr:  llm.ErrMalformed,
			attempts: 1,
		},
		{
			name:     "invalid JSON event",
			handlers: []http.HandlerFunc{events(delta("Halo"), "data: {not json}\n\n", doneEvent)},
			want:     "Halo",
			wantErr:  llm.ErrMalformed,
			attempts: 1,
		},
		{
			name:     "truncated",
			handlers: []http.HandlerFunc{events(delta("Halo"), finish("length"), doneEvent)},
			want:     "Halo",
			wantErr:  llm.ErrTruncated,
			attempts: 1,
		},
		{
			name:     "refusal",
			handlers: []http.HandlerFunc{events("data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I cannot\"},\"finish_reason\":null}]}\n\n", finish("stop"), doneEvent)},
			wantErr:  llm.ErrRefused,
			attempts: 1,
		},
		{
			name:     "HTML page",
			handlers: []http.HandlerFunc{answerWith(200, "text/html", "<html><title>Login</title></html>")},
			wantErr:  llm.ErrMalformed,
			attempts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEndpoint(t, tt.handlers...)
			req := request("Hello")
			var deltas []string
			req.Stream = func(d string) { deltas = append(deltas, d) }
			resp, err := e.client(nil).Complete(context.Background(), req)
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			t.Logf("err: %v", err)
			var ae *llm.AnswerError
			if tt.wantErr != nil && !errors.As(err, &ae) {
				t.Errorf("err %T, want *llm.AnswerError", err)
			}
			if resp.Content != tt.want || strings.Join(deltas, "") != tt.want {
				t.Errorf("content %q, deltas %q; want %q", resp.Content, deltas, tt.want)
			}
			if resp.Usage != tt.wantUsage || resp.Attempts != tt.attempts {
				t.Errorf("usage %+v after %d attempts, want %+v after %d", resp.Usage, resp.Attempts, tt.wantUsage, tt.attempts)
			}
			body := e.seen()[0].Body
			opts, _ := body["stream_options"].(map[string]any)
			if body["stream"] != true || opts["include_usage"] != true {
				t.Errorf("stream fields %v %v", body["stream"], body["stream_options"])
			}
		})
	}
}

func TestStreamCancelled(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	e := newEndpoint(t, func(w http.ResponseWriter, r *http.Request) {
		events(delta("Halo"))(w, r)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	req := request("Hello")
	req.Stream = func(string) { cancel() }
	_, err := e.client(nil).Complete(ctx, req)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}
