package mock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/prompt"
)

// faultRequest sends the fixture's Indonesian translation prompt.
func faultRequest(t *testing.T, s *Server, stream bool) (*http.Response, error) {
	t.Helper()
	extra := map[string]any{}
	if stream {
		extra["stream"] = true
		extra["stream_options"] = map[string]any{"include_usage": true}
	}
	b, _ := json.Marshal(chatBody(prompt.Build(translateSpec(t, "id")), extra))
	return client().Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(string(b)))
}

func TestPlainFaults(t *testing.T) {
	full := NewTranslator(LocaleDigits, nil).Reply(translateSpec(t, "id"))
	cases := []struct {
		name  string
		fault Fault
		check func(t *testing.T, resp *http.Response, body []byte, err error)
	}{
		{"status with headers", Fault{Kind: Status, Status: 503, Header: http.Header{"X-Should-Retry": {"false"}}, Body: `{"error":{"message":"busy"}}`},
			func(t *testing.T, resp *http.Response, body []byte, err error) {
				wantStatus(t, resp, err, 503)
				if resp.Header.Get("x-should-retry") != "false" || string(body) != `{"error":{"message":"busy"}}` {
					t.Errorf("headers %v body %s", resp.Header, body)
				}
			}},
		{"status default body", Fault{Kind: Status, Status: 401}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 401)
			wantErrorCode(t, body, "invalid_api_key")
		}},
		{"server error", Fault{Kind: ServerError}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 500)
			wantErrorType(t, body, "server_error")
		}},
		{"overloaded", Fault{Kind: Overloaded}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 503)
		}},
		{"rate limited", Fault{Kind: RateLimited, RetryAfter: 1500 * time.Millisecond}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 429)
			if resp.Header.Get("Retry-After") != "2" || resp.Header.Get("retry-after-ms") != "1500" {
				t.Errorf("retry headers %q %q", resp.Header.Get("Retry-After"), resp.Header.Get("retry-after-ms"))
			}
			wantErrorCode(t, body, "rate_limit_exceeded")
		}},
		{"reset", Fault{Kind: Reset}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			if err == nil {
				t.Fatalf("a reset connection answered %d", resp.StatusCode)
			}
		}},
		{"truncated", Fault{Kind: Truncated}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("reading a truncated body: %v", err)
			}
			if json.Valid(body) || len(body) == 0 {
				t.Errorf("truncated body is empty or valid JSON: %q", body)
			}
		}},
		{"slow", Fault{Kind: Slow, Delay: 20 * time.Millisecond}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			if decode(t, body).content(t) != full {
				t.Error("a slow answer differs from the normal one")
			}
		}},
		{"length", Fault{Kind: Length}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			c := decode(t, body)
			got := c.content(t)
			if c.Choices[0].FinishReason != "length" || got == "" || len(got) >= len(full) || !strings.HasPrefix(full, got) {
				t.Errorf("finish %q, %d of %d bytes", c.Choices[0].FinishReason, len(got), len(full))
			}
		}},
		{"refusal", Fault{Kind: Refusal}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			c := decode(t, body)
			if m := c.Choices[0].Message; m.Refusal == nil || *m.Refusal == "" || m.Content != nil {
				t.Errorf("refusal answer %s", body)
			}
		}},
		{"content filter", Fault{Kind: ContentFilter}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			c := decode(t, body)
			if c.content(t) != "" || c.Choices[0].FinishReason != "content_filter" {
				t.Errorf("content filter answer %s", body)
			}
		}},
		{"empty", Fault{Kind: Empty}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			if c := decode(t, body); c.content(t) != "" || c.Choices[0].FinishReason != "stop" {
				t.Errorf("empty answer %s", body)
			}
		}},
		{"html 502", Fault{Kind: HTMLPage}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 502)
			wantHTML(t, resp, body)
		}},
		{"html 200", Fault{Kind: HTMLPage, Status: 200}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			wantHTML(t, resp, body)
		}},
		{"wrong content type", Fault{Kind: WrongContentType}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") || json.Valid(body) {
				t.Errorf("content type %q body %q", resp.Header.Get("Content-Type"), body)
			}
		}},
		{"bad json", Fault{Kind: BadJSON}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			if resp.Header.Get("Content-Type") != "application/json" || json.Valid(body) {
				t.Errorf("content type %q body %q", resp.Header.Get("Content-Type"), body)
			}
		}},
		{"no choices", Fault{Kind: NoChoices}, func(t *testing.T, resp *http.Response, body []byte, err error) {
			wantStatus(t, resp, err, 200)
			if c := decode(t, body); len(c.Choices) != 0 || c.Object != "chat.completion" {
				t.Errorf("answer %s", body)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := start(t, Options{Script: Sequence(c.fault)})
			resp, err := faultRequest(t, s, false)
			var body []byte
			if err == nil {
				body, err = io.ReadAll(resp.Body)
				resp.Body.Close()
			}
			c.check(t, resp, body, err)
			rec := waitDone(t, s, 1)
			if rec.Fault.Kind != c.fault.Kind || rec.Call.N != 1 {
				t.Errorf("record has fault %q call %d", rec.Fault.Kind, rec.Call.N)
			}
			if c.fault.Kind == Reset && rec.Status != 0 {
				t.Errorf("reset recorded with status %d", rec.Status)
			}
			// The next request meets no fault.
			resp2, err := faultRequest(t, s, false)
			if err != nil {
				t.Fatal(err)
			}
			b2, _ := io.ReadAll(resp2.Body)
			resp2.Body.Close()
			if resp2.StatusCode != 200 || decode(t, b2).content(t) != full {
				t.Errorf("second request: %d", resp2.StatusCode)
			}
		})
	}
}

func wantStatus(t *testing.T, resp *http.Response, err error, status int) {
	t.Helper()
	if err != nil {
		t.Fatalf("want HTTP %d, got error %v", status, err)
	}
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d", resp.StatusCode, status)
	}
}

func wantErrorCode(t *testing.T, body []byte, code string) {
	t.Helper()
	var e struct{ Error struct{ Code *string } }
	if json.Unmarshal(body, &e) != nil || e.Error.Code == nil || *e.Error.Code != code {
		t.Errorf("error body %s lacks code %q", body, code)
	}
}

func wantErrorType(t *testing.T, body []byte, typ string) {
	t.Helper()
	var e struct{ Error struct{ Type string } }
	if json.Unmarshal(body, &e) != nil || e.Error.Type != typ {
		t.Errorf("error body %s lacks type %q", body, typ)
	}
}

func wantHTML(t *testing.T, resp *http.Response, body []byte) {
	t.Helper()
	if resp.Header.Get("Content-Type") != "text/html" || !strings.HasPrefix(string(body), "<html>") {
		t.Errorf("not an HTML page: %q %q", resp.Header.Get("Content-Type"), body)
	}
}

// waitDone waits until request seq has been answered and returns its record.
func waitDone(t *testing.T, s *Server, seq int) Recorded {
	t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		for _, r := range s.Requests() {
			if r.Seq == seq && r.Done {
				return r
			}
		}
		select {
		case <-deadline.C:
			t.Fatalf("request %d never finished", seq)
		case <-tick.C:
		}
	}
}

func TestSlowAnswerEndsWhenClientCancels(t *testing.T) {
	s := start(t, Options{Script: Sequence(Fault{Kind: Slow, Delay: time.Hour})})
	ctx, cancel := context.WithCancel(context.Background())
	b, _ := json.Marshal(chatBody(prompt.Build(translateSpec(t, "id")), nil))
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/chat/completions", strings.NewReader(string(b)))
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
		t.Error("a cancelled request got an answer")
	}
	if rec := waitDone(t, s, 1); rec.Status != 499 {
		t.Errorf("cancelled request recorded with status %d", rec.Status)
	}
}

// waitCall waits until the Script has seen chat request n.
func waitCall(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for len(s.ChatRequests()) < n {
		select {
		case <-deadline.C:
			t.Fatalf("call %d never arrived", n)
		case <-tick.C:
		}
	}
}

func TestScriptHelpers(t *testing.T) {
	calls := func(n int) []Call {
		out := make([]Call, n)
		for i := range out {
			out[i] = Call{N: i + 1, Key: fmt.Sprintf("k%d", i%7), KeyN: 1 + i/7, Attempt: 1}
		}
		return out
	}
	t.Run("fail every", func(t *testing.T) {
		f := FailEvery(3, 502)
		for _, c := range calls(10) {
			got := f(c)
			if want := c.N%3 == 0; (got.Kind == Status && got.Status == 502) != want {
				t.Errorf("call %d: %+v", c.N, got)
			}
		}
	})
	t.Run("sequence", func(t *testing.T) {
		f := Sequence(Fault{Kind: Reset}, Fault{}, Fault{Kind: Empty})
		var got []FaultKind
		for _, c := range calls(5) {
			got = append(got, f(c).Kind)
		}
		if fmt.Sprint(got) != fmt.Sprint([]FaultKind{Reset, NoFault, Empty, NoFault, NoFault}) {
			t.Errorf("sequence %v", got)
		}
	})
	t.Run("chain", func(t *testing.T) {
		f := Chain(Latency(10*time.Millisecond), Script(func(Call) Fault { return Fault{Kind: Slow} }), FailEvery(1, 500), Latency(5*time.Millisecond))
		got := f(Call{N: 1})
		if got.Kind != Status || got.Status != 500 || got.Delay != 10*time.Millisecond+defaultSlow+5*time.Millisecond {
			t.Errorf("chain %+v", got)
		}
		if got := Chain(Latency(time.Millisecond))(Call{N: 1}); got.Kind != NoFault || got.Delay != time.Millisecond {
			t.Errorf("latency alone %+v", got)
		}
	})
	t.Run("first attempt drops terms", func(t *testing.T) {
		spec := translateSpec(t, "id")
		f := FirstAttemptDropsTerms()
		if f(Call{Attempt: 1, Spec: &spec}).Kind != DropTerms || f(Call{Attempt: 2, Spec: &spec}).Kind != NoFault || f(Call{Attempt: 1}).Kind != NoFault {
			t.Error("drops terms on the wrong calls")
		}
		noTerms := spec
		noTerms.Terms = nil
		if f(Call{Attempt: 1, Spec: &noTerms}).Kind != NoFault {
			t.Error("drops terms of a prompt without terms")
		}
	})
	t.Run("randomly", func(t *testing.T) {
		rates := map[FaultKind]float64{ServerError: 0.10, RateLimited: 0.05, Reset: 0.02, Truncated: 0.01}
		const n = 20000
		count := func(seed int64) map[FaultKind]int {
			f := Randomly(seed, rates)
			m := map[FaultKind]int{}
			for i := range n {
				m[f(Call{N: i + 1, Key: fmt.Sprintf("doc%d", i), KeyN: 1}).Kind]++
			}
			return m
		}
		a, b := count(7), count(7)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("same seed, different faults: %v %v", a, b)
		}
		if fmt.Sprint(a) == fmt.Sprint(count(8)) {
			t.Error("another seed gives the same faults")
		}
		for k, r := range rates {
			if got := float64(a[k]) / n; got < r*0.8 || got > r*1.2 {
				t.Errorf("%s: rate %.4f, want about %.2f", k, got, r)
			}
		}
		f := Randomly(7, map[FaultKind]float64{ServerError: 0.5})
		same, differ := 0, 0
		for i := range 1000 {
			c := Call{Key: fmt.Sprintf("doc%d", i), KeyN: 1}
			x := f(c).Kind
			c.N = 999 // arrival order does not matter
			if f(c).Kind != x {
				t.Fatal("the draw depends on arrival order")
			}
			c.KeyN = 2
			if f(c).Kind == x {
				same++
			} else {
				differ++
			}
		}
		if differ < 300 {
			t.Errorf("a retry redraws too rarely: %d same, %d different", same, differ)
		}
	})
}
