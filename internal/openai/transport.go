package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/juru-cli/juru/internal/retry"
)

// keepBody is how much of a non-stream answer a call keeps for its error
// messages.
const keepBody = 64 << 10

// call is what one Complete, Ping or batch call shares with the doer
// through the request context.
type call struct {
	// rec is filled by the retry doer.
	rec retry.Record
	// fields are set in the JSON request body, replacing what go-openai
	// wrote under the same names.
	fields map[string]any
	// body is the start of the last answer body, if it was not a stream.
	body []byte
	// tail describes how the event stream ended, if it was one.
	tail streamTail
}

type callKey struct{}

func withCall(ctx context.Context, cl *call) context.Context {
	return retry.WithRecord(context.WithValue(ctx, callKey{}, cl), &cl.rec)
}

func callFrom(ctx context.Context) *call {
	cl, _ := ctx.Value(callKey{}).(*call)
	return cl
}

// doer sits between go-openai and the retry doer: it adds the configured
// headers, amends the request body, and notes what the adapter needs of
// the answer.
type doer struct {
	next    *retry.Doer
	headers http.Header
}

func (d *doer) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	req = req.Clone(ctx)
	for k, vs := range d.headers {
		req.Header[k] = vs
	}
	cl := callFrom(ctx)
	if cl != nil && len(cl.fields) > 0 && req.Body != nil && req.Body != http.NoBody {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read request body: %w", err)
		}
		if body, err = setFields(body, cl.fields); err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		req.ContentLength = int64(len(body))
	}
	resp, err := d.next.Do(req)
	if err != nil || cl == nil {
		return resp, err
	}
	if retryIsEventStream(resp.Header) {
		resp.Body = &tracker{rc: resp.Body, tail: &cl.tail}
		return resp, nil
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, keepBody))
	cl.body = b
	rest := resp.Body
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(b), errReader{err}, rest), rest}
	return resp, nil
}

// setFields sets top-level fields of a JSON object.
func setFields(body []byte, fields map[string]any) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return nil, fmt.Errorf("amend request body: not a JSON object")
	}
	for k, v := range fields {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("amend request body: field %s: %w", k, err)
		}
		m[k] = b
	}
	return json.Marshal(m)
}

func canonical(h map[string]string) http.Header {
	out := http.Header{}
	for k, v := range h {
		out.Set(k, v)
	}
	return out
}

func retryIsEventStream(h http.Header) bool {
	return mediaType(h) == "text/event-stream"
}

// mediaType returns the lower-case media type of a Content-Type header.
func mediaType(h http.Header) string {
	ct := h.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

type readCloser struct {
	io.Reader
	io.Closer
}

// errReader returns its error once the reader before it is drained, or
// ends at once when the error is nil.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err == nil {
		return 0, io.EOF
	}
	return 0, e.err
}
