package mock_test

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/prompt"
)

// A translation keeps the Markdown, writes glossary terms in their
// required form, numbers the target's way and other words as pseudo-words
// in the target's script.
func ExampleTranslator_Reply() {
	tr := mock.NewTranslator(mock.LocaleDigits, nil)
	for _, to := range []string{"id", "vi", "th", "my", "zh-Hans"} {
		fmt.Println(tr.Reply(prompt.Spec{
			Task: prompt.Translate,
			From: prompt.Lang{Code: "en", Name: "English"},
			To:   prompt.Lang{Code: to},
			Terms: []prompt.Term{{Source: "ASEAN", Target: map[string]string{
				"id": "ASEAN", "vi": "ASEAN", "th": "อาเซียน", "my": "အာဆီယံ", "zh-Hans": "东盟",
			}[to]}},
			Document: "- **Trade** with asean grew 34.35% to 1,200 deals, see `code` and {{link}}.",
		}))
	}
	// Output:
	// - **Wtigo** yuwk ASEAN jtoy 34,35% wa 1.200 goinv, voo `code` iqg {{link}}.
	// - **Zxơkư** cêzn ASEAN mxưc 34,35% zâ 1.200 kươry, yưư `code` ơtk {{link}}.
	// - **ดษะผี** ยุดฉอาเซียนฬษีย 34.35% ดา 1,200 ผีอะวค, คีอี `code` อะซผ {{link}}.
	// - **ဍဟာဒု** ရဲဍဆအာဆီယံဠဟုရ ၃၄.၃၅% ဍီ ၁,၂၀၀ ဒုအာလစ, စုအု `code` အာညဒ {{link}}.
	// - **实经** 时东盟济 34.35% 济 1,200 门国, 国 `code` 这 {{link}}.
}

// A test starts a server, points the client at URL and asserts on what
// the server recorded.
func ExampleServer() {
	s := mock.New(mock.Options{
		Models: []string{"gpt-4o-mini"},
		Script: mock.Chain(mock.FailEvery(2, http.StatusServiceUnavailable), mock.Latency(time.Millisecond)),
	})
	if err := s.Start(); err != nil {
		panic(err)
	}
	defer s.Close()
	body := `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello"}]}`
	for range 3 {
		resp, err := http.Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	for _, r := range s.Requests() {
		fmt.Printf("request %d, call %d: %d %q\n", r.Seq, r.Call.N, r.Status, r.Fault.Kind)
	}
	// Output:
	// 200
	// 503
	// 200
	// request 1, call 1: 200 ""
	// request 2, call 2: 503 "status"
	// request 3, call 3: 200 ""
}

// A Server is an http.Handler, so a small command can serve it on a fixed
// port for benchmarks and kill tests.
func ExampleNew_fixedPort() {
	s := mock.New(mock.Options{
		Latency:   200 * time.Millisecond,
		RateLimit: mock.RateLimit{Requests: 600},
		Script:    mock.Randomly(1, map[mock.FaultKind]float64{mock.ServerError: 0.10, mock.RateLimited: 0.05}),
	})
	_ = http.ListenAndServe("127.0.0.1:4011", s)
}
