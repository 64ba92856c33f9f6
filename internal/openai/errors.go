package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/juru-cli/juru/internal/llm"
)

// fail turns an error from go-openai into juru's error types, using what
// the doer recorded about the call.
func (c *Client) fail(ctx context.Context, cl *call, err error) error {
	var api *goopenai.APIError
	if errors.As(err, &api) && api.HTTPStatusCode > 0 {
		return c.apiError(cl, api.HTTPStatusCode, api.Type, errorCode(cl.body, api.Code), api.Message)
	}
	var reqErr *goopenai.RequestError
	if errors.As(err, &reqErr) && reqErr.HTTPStatusCode > 0 {
		typ, code, msg := parseErrorBody(reqErr.Body)
		if msg == "" {
			msg = describeBody(reqErr.Body, mediaType(cl.rec.Header))
		}
		return c.apiError(cl, reqErr.HTTPStatusCode, typ, code, msg)
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		if errors.Is(ctxErr, context.DeadlineExceeded) && cl.rec.StatusCode == 0 {
			return &llm.UnreachableError{URL: c.url, Attempts: cl.rec.Attempts,
				Err: fmt.Errorf("no answer before the deadline: %w", ctxErr)}
		}
		return fmt.Errorf("endpoint call stopped: %w", ctxErr)
	}
	switch status := cl.rec.StatusCode; {
	case cl.rec.Attempts == 0:
		return fmt.Errorf("prepare request: %w", c.red.cleanErr(err))
	case status == 0:
		last := cl.rec.Err
		if last == nil {
			last = err
		}
		return &llm.UnreachableError{URL: c.url, Attempts: cl.rec.Attempts, Err: c.red.cleanErr(last)}
	case status >= 200 && status < 300:
		return malformed(llm.Response{Attempts: cl.rec.Attempts}, c.malformedDetail(cl, err))
	default:
		return c.apiError(cl, status, "", "", describeBody(cl.body, mediaType(cl.rec.Header)))
	}
}

func (c *Client) apiError(cl *call, status int, typ, code, msg string) *llm.APIError {
	if msg == "" {
		msg = http.StatusText(status)
	}
	return &llm.APIError{
		StatusCode: status,
		Type:       c.red.clean(typ),
		Code:       c.red.clean(code),
		Message:    c.red.clean(oneLine(msg, 500)),
		RetryAfter: cl.rec.RetryAfter,
		Attempts:   cl.rec.Attempts,
	}
}

// checkType rejects an answer whose content type is not what was asked
// for: JSON, or an event stream when stream is set.
func (c *Client) checkType(cl *call, stream bool) error {
	mt := mediaType(cl.rec.Header)
	if mt == "" || isJSONType(mt) && !stream || mt == "text/event-stream" && stream {
		return nil
	}
	want := "JSON"
	if stream {
		want = "an event stream"
	}
	detail := fmt.Sprintf("content type %s instead of %s", mt, want)
	if d := describeBody(cl.body, mt); d != "" {
		detail += ": " + d
	}
	return malformed(llm.Response{Attempts: cl.rec.Attempts}, c.red.clean(detail))
}

func isJSONType(mt string) bool {
	return mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")
}

// malformedDetail explains why a successful answer could not be read.
func (c *Client) malformedDetail(cl *call, err error) string {
	mt := mediaType(cl.rec.Header)
	var detail string
	switch {
	case mt != "" && !isJSONType(mt):
		detail = fmt.Sprintf("content type %s instead of JSON", mt)
	case len(cl.body) == 0:
		detail = "empty answer body"
	case errors.Is(err, io.ErrUnexpectedEOF):
		detail = "answer body ends early"
	case isJSONError(err):
		detail = "invalid JSON: " + err.Error()
	default:
		detail = "cannot read the answer: " + transportMessage(err)
	}
	if d := describeBody(cl.body, mt); d != "" {
		detail += " (" + d + ")"
	}
	return c.red.clean(detail)
}

func isJSONError(err error) bool {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(err, &syntax) || errors.As(err, &typ)
}

// transportMessage is the message of a transport error without the
// request URL that net/http puts in front of it.
func transportMessage(err error) string {
	var u *url.Error
	if errors.As(err, &u) {
		return u.Err.Error()
	}
	return err.Error()
}

// parseErrorBody reads the error shapes OpenAI-compatible servers send:
// OpenAI's {"error":{"message":...}}, a top-level message (vLLM), an
// error string (LM Studio, some proxies) or a detail field (FastAPI).
func parseErrorBody(body []byte) (typ, code, msg string) {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message json.RawMessage `json:"message"`
		Detail  json.RawMessage `json:"detail"`
		Type    json.RawMessage `json:"type"`
		Code    json.RawMessage `json:"code"`
	}
	if json.Unmarshal(body, &v) != nil {
		return "", "", ""
	}
	var inner struct {
		Message json.RawMessage `json:"message"`
		Type    json.RawMessage `json:"type"`
		Code    json.RawMessage `json:"code"`
	}
	if json.Unmarshal(v.Error, &inner) == nil && scalar(inner.Message) != "" {
		return scalar(inner.Type), scalar(inner.Code), scalar(inner.Message)
	}
	for _, m := range []json.RawMessage{v.Error, v.Message, v.Detail} {
		if msg = scalar(m); msg != "" {
			break
		}
	}
	return scalar(v.Type), scalar(v.Code), msg
}

// scalar renders a JSON string or number as text, anything else as "".
func scalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// errorCode renders the code of a JSON error body. go-openai reads a null
// code as 0, so the body itself is asked first.
func errorCode(body []byte, parsed any) string {
	var v struct {
		Error struct {
			Code json.RawMessage `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &v) == nil {
		return scalar(v.Error.Code)
	}
	if parsed == nil {
		return ""
	}
	return fmt.Sprint(parsed)
}

var htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// describeBody sums up an unexpected body in a few words: an HTML page by
// its title, anything else by its first line.
func describeBody(body []byte, mt string) string {
	s := strings.TrimSpace(string(body))
	if s == "" {
		return ""
	}
	if mt == "text/html" || strings.HasPrefix(s, "<") {
		if m := htmlTitle.FindStringSubmatch(s); m != nil && strings.TrimSpace(m[1]) != "" {
			return fmt.Sprintf("HTML page %q", oneLine(m[1], 100))
		}
		return "HTML page"
	}
	return fmt.Sprintf("answer begins %q", oneLine(s, 120))
}

// oneLine squeezes white space and control characters out of s and cuts
// it to at most n runes.
func oneLine(s string, n int) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	s = strings.Join(f, " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}

// quotaExhausted reports whether an error answer says the account's quota
// is spent, which no retry cures although it comes as HTTP 429.
func quotaExhausted(_ *http.Response, body []byte) bool {
	var v struct {
		Error struct {
			Type string `json:"type"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &v) != nil {
		return false
	}
	return v.Error.Type == "insufficient_quota" || errorCode(body, nil) == "insufficient_quota"
}
