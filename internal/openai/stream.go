package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/juru-cli/juru/internal/llm"
)

// streamTail records how an event stream ended.
type streamTail struct {
	// done: a "data: [DONE]" line went by.
	done bool
	// partial: the stream ended inside a line.
	partial bool
	// events counts complete "data:" lines.
	events int
}

// tracker watches the lines of an event stream as go-openai reads it.
type tracker struct {
	rc   io.ReadCloser
	tail *streamTail
	line []byte // the start of the current line
	any  bool   // the current line holds more than white space
}

func (t *tracker) Read(p []byte) (int, error) {
	n, err := t.rc.Read(p)
	for _, b := range p[:n] {
		switch b {
		case '\n':
			t.endLine()
		case ' ', '\t', '\r':
			if len(t.line) < 16 {
				t.line = append(t.line, b)
			}
		default:
			t.any = true
			if len(t.line) < 16 {
				t.line = append(t.line, b)
			}
		}
	}
	if err == io.EOF && t.any {
		t.tail.partial = true
	}
	return n, err
}

func (t *tracker) endLine() {
	l := bytes.TrimSpace(t.line)
	if rest, ok := bytes.CutPrefix(l, []byte("data:")); ok {
		if string(bytes.TrimSpace(rest)) == "[DONE]" {
			t.tail.done = true
		} else {
			t.tail.events++
		}
	}
	t.line, t.any = t.line[:0], false
}

func (t *tracker) Close() error { return t.rc.Close() }

// completeStream sends a streamed completion, passing each content delta
// to emit, and returns the whole answer.
func (c *Client) completeStream(ctx context.Context, cr goopenai.ChatCompletionRequest, cl *call, emit func(string)) (llm.Response, error) {
	cr.Stream = true
	cr.StreamOptions = &goopenai.StreamOptions{IncludeUsage: true}
	s, err := c.api.CreateChatCompletionStream(ctx, cr)
	out := llm.Response{Attempts: cl.rec.Attempts}
	if err != nil {
		return out, c.fail(ctx, cl, err)
	}
	defer s.Close()
	if isJSONType(mediaType(cl.rec.Header)) {
		return c.unstreamed(cl, emit)
	}
	if err := c.checkType(cl, true); err != nil {
		return out, err
	}
	var text, refusal strings.Builder
	finished := false
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			out.Content, out.Refusal = c.red.clean(text.String()), c.red.clean(refusal.String())
			return out, c.streamFail(ctx, cl, out, err)
		}
		if chunk.Model != "" {
			out.Model = chunk.Model
		}
		if chunk.Usage != nil {
			out.Usage = usage(*chunk.Usage)
		}
		i := pick(len(chunk.Choices), func(i int) int { return chunk.Choices[i].Index })
		if i < 0 {
			continue
		}
		ch := chunk.Choices[i]
		if d := ch.Delta.Content; d != "" {
			text.WriteString(d)
			emit(d)
		}
		refusal.WriteString(ch.Delta.Refusal)
		if ch.FinishReason != "" && ch.FinishReason != goopenai.FinishReasonNull {
			out.FinishReason = string(ch.FinishReason)
			finished = true
		}
	}
	out.Content, out.Refusal = c.red.clean(text.String()), c.red.clean(refusal.String())
	switch {
	case ctx.Err() != nil:
		return out, c.fail(ctx, cl, ctx.Err())
	case cl.tail.partial:
		return out, malformed(out, "event stream cut in the middle of an event")
	case !cl.tail.done && !finished:
		return out, malformed(out, "event stream ended before the answer was complete")
	}
	if err := llm.CheckAnswer(out); err != nil {
		return out, err
	}
	return out, nil
}

// streamFail names an error met while reading an event stream.
func (c *Client) streamFail(ctx context.Context, cl *call, out llm.Response, err error) error {
	if ctx.Err() != nil {
		return c.fail(ctx, cl, err)
	}
	var api *goopenai.APIError
	if errors.As(err, &api) {
		return malformed(out, "error event in the stream: "+c.red.clean(api.Message))
	}
	if errors.Is(err, goopenai.ErrTooManyEmptyStreamMessages) {
		return malformed(out, "event stream sent too many lines without data")
	}
	if isJSONError(err) {
		return malformed(out, "invalid JSON in the event stream: "+c.red.clean(err.Error()))
	}
	return malformed(out, "event stream broken: "+c.red.clean(transportMessage(err)))
}

// unstreamed reads the whole JSON answer of a server that ignored the
// request to stream, passing its content to emit in one piece.
func (c *Client) unstreamed(cl *call, emit func(string)) (llm.Response, error) {
	var resp goopenai.ChatCompletionResponse
	if err := json.Unmarshal(cl.body, &resp); err != nil {
		return llm.Response{Attempts: cl.rec.Attempts}, c.fail(context.Background(), cl, err)
	}
	out, err := c.answer(resp, cl.rec.Attempts)
	if out.Content != "" {
		emit(out.Content)
	}
	return out, err
}
