package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/juru-cli/juru/internal/llm"
)

// canned answers every request with one event stream body, optionally
// one byte per read.
type canned struct {
	body     []byte
	bytewise bool
}

func (c canned) RoundTrip(*http.Request) (*http.Response, error) {
	var r io.Reader = bytes.NewReader(c.body)
	if c.bytewise {
		r = iotest.OneByteReader(r)
	}
	return &http.Response{
		StatusCode: 200,
		Status:     "200 OK",
		Header:     http.Header{"Content-Type": {"text/event-stream"}},
		Body:       io.NopCloser(r),
	}, nil
}

func streamOver(t testing.TB, body []byte, bytewise bool) (llm.Response, string, error) {
	c, err := New(Config{
		BaseURL:    "http://fake.invalid/v1",
		Model:      "m",
		MaxRetries: NoRetries,
		HTTPClient: &http.Client{Transport: canned{body, bytewise}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var deltas strings.Builder
	req := request("x")
	req.Stream = func(d string) { deltas.WriteString(d) }
	resp, err := c.Complete(context.Background(), req)
	return resp, deltas.String(), err
}

func FuzzStream(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "stream", "*.sse"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
		f.Add(b, true)
	}
	f.Fuzz(func(t *testing.T, body []byte, bytewise bool) {
		resp, deltas, err := streamOver(t, body, bytewise)
		if resp.Content != deltas {
			t.Fatalf("content %q but deltas %q", resp.Content, deltas)
		}
		var (
			ae  *llm.AnswerError
			api *llm.APIError
			un  *llm.UnreachableError
		)
		switch {
		case err == nil:
			if strings.TrimSpace(resp.Content) == "" || resp.Refusal != "" || resp.FinishReason == "length" {
				t.Fatalf("unusable answer %+v accepted", resp)
			}
		case errors.As(err, &ae), errors.As(err, &api), errors.As(err, &un):
		default:
			t.Fatalf("untyped error %T %v", err, err)
		}
		// The same bytes give the same result however they are split.
		resp2, _, err2 := streamOver(t, body, !bytewise)
		if resp2 != resp || fmt.Sprint(err2) != fmt.Sprint(err) {
			t.Fatalf("split changes the result: %+v %v / %+v %v", resp, err, resp2, err2)
		}
	})
}

// TestStreamRandom builds well-formed streams from random deltas and
// checks that the answer is exactly their concatenation.
func TestStreamRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []rune("ab ñ\"\\\n\tสวัสดีမြန်မာ中文{}[]:,data")
	for i := range 300 {
		var b bytes.Buffer
		var want strings.Builder
		for range rng.IntN(8) + 1 {
			var d strings.Builder
			for range rng.IntN(12) + 1 {
				d.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
			want.WriteString(d.String())
			j, _ := json.Marshal(d.String())
			fmt.Fprintf(&b, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":%s}}]}\n\n", j)
			if rng.IntN(4) == 0 {
				b.WriteString(": keep-alive\n\n")
			}
		}
		b.WriteString("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
		if rng.IntN(2) == 0 {
			b.WriteString("data: [DONE]\n\n")
		}
		resp, deltas, err := streamOver(t, b.Bytes(), i%2 == 0)
		if strings.TrimSpace(want.String()) == "" {
			if !errors.Is(err, llm.ErrEmpty) {
				t.Fatalf("blank answer gave %v", err)
			}
			continue
		}
		if err != nil || resp.Content != want.String() || deltas != want.String() {
			t.Fatalf("stream %q\ngave %q, %v; want %q", b.String(), resp.Content, err, want.String())
		}
	}
}

func TestStreamSeeds(t *testing.T) {
	tests := map[string]struct {
		content string
		err     error
	}{
		"openai-usage.sse":     {"Sáng kiến Vành đai và Con đường", nil},
		"crlf.sse":             {"สวัสดี", nil},
		"comments-no-done.sse": {"Halo", nil},
		"cut.sse":              {"Halo", llm.ErrMalformed},
		"error-event.sse":      {"Halo", llm.ErrMalformed},
		"refusal-nospace.sse":  {"", llm.ErrRefused},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "stream", name))
			if err != nil {
				t.Fatal(err)
			}
			resp, _, err := streamOver(t, b, false)
			if resp.Content != tt.content || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("got %q, %v; want %q, %v", resp.Content, err, tt.content, tt.err)
			}
		})
	}
}
