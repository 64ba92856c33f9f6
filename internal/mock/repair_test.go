package mock

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// fixtureGlossary is the glossary behind fixtureTerms, for juru's checker.
func fixtureGlossary(to string) *glossary.Glossary {
	g := &glossary.Glossary{}
	for i, term := range fixtureTerms(to) {
		e := &glossary.Entry{ID: fmt.Sprint(i + 1), Terms: map[string][]glossary.Form{}}
		e.Terms["en"] = []glossary.Form{{Text: term.Source, Status: glossary.Preferred}}
		forms := []glossary.Form{{Text: term.Target, Status: glossary.Preferred}}
		for _, a := range term.Accepted {
			forms = append(forms, glossary.Form{Text: a, Status: glossary.Admitted})
		}
		for _, f := range term.Forbidden {
			forms = append(forms, glossary.Form{Text: f, Status: glossary.Forbidden})
			e.Terms["en"] = append(e.Terms["en"], glossary.Form{Text: f, Status: glossary.Forbidden})
		}
		if to == "en" {
			forms = e.Terms["en"]
		}
		e.Terms[to] = forms
		g.Entries = append(g.Entries, e)
	}
	return g
}

// problems words a checker report as a repair request would.
func problems(rep glossary.Report) []string {
	var out []string
	for _, v := range rep.Violations {
		out = append(out, fmt.Sprintf("%s: use %q for %q (found %q)", v.Kind, v.Required, v.Source, v.Found))
	}
	return out
}

var repairLangs = []string{"id", "vi", "th", "zh-Hans", "my", "km", "ta"}

func TestTranslationsPassTheGlossaryCheck(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	for _, to := range repairLangs {
		t.Run(to, func(t *testing.T) {
			spec := translateSpec(t, to)
			chk := glossary.NewChecker(fixtureGlossary(to), "en", to)
			if rep := chk.Check(spec.Document, tr.Reply(spec)); !rep.OK() || len(rep.Hits) != 3 {
				t.Errorf("compliant translation: hits %d, violations %v", len(rep.Hits), problems(rep))
			}
			r := tr.newRender(&spec, termsDropped)
			if rep := chk.Check(spec.Document, r.translateDoc(spec.Document)); len(rep.Violations) != 3 {
				t.Errorf("dropped terms: want 3 missing entries, got %v", problems(rep))
			}
			r = tr.newRender(&spec, termsCorrupt)
			rep := chk.Check(spec.Document, r.translateDoc(spec.Document))
			forbidden := 0
			for _, v := range rep.Violations {
				if v.Kind == glossary.ForbiddenUse && v.Found == "One Belt One Road" {
					forbidden++
				}
			}
			if forbidden != 3 {
				t.Errorf("corrupt terms: want the forbidden form 3 times, got %v", problems(rep))
			}
		})
	}
}

func TestRepairConversation(t *testing.T) {
	for _, to := range repairLangs {
		t.Run(to, func(t *testing.T) {
			s := start(t, Options{Script: FirstAttemptDropsTerms()})
			spec := translateSpec(t, to)
			chk := glossary.NewChecker(fixtureGlossary(to), "en", to)
			msgs := prompt.Build(spec)
			first := decode(t, must(post(t, s.URL()+"/chat/completions", chatBody(msgs, nil)))).content(t)
			rep := chk.Check(spec.Document, first)
			if rep.OK() {
				t.Fatal("the first attempt kept the terms")
			}
			msgs = prompt.Repair(msgs, first, problems(rep))
			second := decode(t, must(post(t, s.URL()+"/chat/completions", chatBody(msgs, nil)))).content(t)
			if rep := chk.Check(spec.Document, second); !rep.OK() {
				t.Errorf("the repair is not compliant: %v", problems(rep))
			}
			if second != s.Translator().Reply(spec) {
				t.Error("the repair differs from the plain reply")
			}
			recs := s.ChatRequests()
			if len(recs) != 2 || recs[0].Call.Attempt != 1 || recs[1].Call.Attempt != 2 ||
				recs[0].Call.Key != recs[1].Call.Key || recs[1].Call.KeyN != 2 || recs[0].Fault.Kind != DropTerms || recs[1].Fault.Kind != NoFault {
				t.Errorf("calls %+v / %+v", recs[0].Call, recs[1].Call)
			}
		})
	}
}

// fakeClock is a clock that tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestRateLimitRequests(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)}
	s := start(t, Options{RateLimit: RateLimit{Requests: 3}, Now: clock.Now})
	body := chatBody([]llm.Message{{Role: llm.User, Content: "hi"}}, nil)
	for i, want := range []string{"2", "1", "0"} {
		resp, out := post(t, s.URL()+"/chat/completions", body)
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: %d %s", i+1, resp.StatusCode, out)
		}
		if got := resp.Header.Get("x-ratelimit-remaining-requests"); got != want || resp.Header.Get("x-ratelimit-limit-requests") != "3" {
			t.Errorf("request %d: remaining %q, want %q", i+1, got, want)
		}
		if got := resp.Header.Get("x-ratelimit-reset-requests"); got != formatReset(time.Minute-time.Duration(i)*10*time.Second) {
			t.Errorf("request %d: reset %q", i+1, got)
		}
		clock.Add(10 * time.Second)
	}
	// 30 s after the first request: the oldest frees in 30 s.
	resp, out := post(t, s.URL()+"/chat/completions", body)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "30" || resp.Header.Get("retry-after-ms") != "30000" {
		t.Fatalf("over the limit: %d %v %s", resp.StatusCode, resp.Header, out)
	}
	wantErrorCode(t, out, "rate_limit_exceeded")
	clock.Add(30 * time.Second)
	if resp, out := post(t, s.URL()+"/chat/completions", body); resp.StatusCode != 200 || resp.Header.Get("x-ratelimit-remaining-requests") != "0" {
		t.Fatalf("after the window moved: %d %s", resp.StatusCode, out)
	}
	if n := len(s.ChatRequests()); n != 4 {
		t.Errorf("%d requests reached the script, want 4 (the refused one does not)", n)
	}
}

func TestRateLimitTokens(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)}
	s := start(t, Options{RateLimit: RateLimit{Tokens: 100, Window: 10 * time.Second}, Now: clock.Now})
	body := chatBody([]llm.Message{{Role: llm.User, Content: string(make([]byte, 160))}}, nil) // 40 tokens
	for i, want := range []string{"60", "20"} {
		resp, _ := post(t, s.URL()+"/chat/completions", body)
		if resp.StatusCode != 200 || resp.Header.Get("x-ratelimit-remaining-tokens") != want {
			t.Fatalf("request %d: %d remaining %q", i+1, resp.StatusCode, resp.Header.Get("x-ratelimit-remaining-tokens"))
		}
		clock.Add(time.Second)
	}
	resp, out := post(t, s.URL()+"/chat/completions", body)
	if resp.StatusCode != 429 || resp.Header.Get("retry-after-ms") != "8000" {
		t.Fatalf("over the token limit: %d %q %s", resp.StatusCode, resp.Header.Get("retry-after-ms"), out)
	}
	wantErrorType(t, out, "tokens")
}

func TestRestart(t *testing.T) {
	s := start(t, Options{Script: Sequence(Fault{}, Fault{Kind: Slow, Delay: time.Hour})})
	body := chatBody([]llm.Message{{Role: llm.User, Content: "hi"}}, nil)
	url := s.URL()
	if resp, _ := post(t, url+"/chat/completions", body); resp.StatusCode != 200 {
		t.Fatal("first request failed")
	}
	errc := make(chan error, 1)
	go func() {
		resp, err := client().Post(url+"/chat/completions", "application/json", jsonReader(body))
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	waitCall(t, s, 2)
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := <-errc; err == nil {
		t.Error("the request in flight survived a restart")
	}
	if s.URL() != url {
		t.Errorf("restarted on %s, was %s", s.URL(), url)
	}
	if resp, _ := post(t, url+"/chat/completions", body); resp.StatusCode != 200 {
		t.Error("no answer after the restart")
	}
	s.Stop()
	if resp, err := client().Post(url+"/chat/completions", "application/json", jsonReader(body)); err == nil {
		resp.Body.Close()
		t.Error("a stopped server answered")
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != ErrStarted {
		t.Errorf("second Start: %v", err)
	}
	if resp, _ := post(t, url+"/chat/completions", body); resp.StatusCode != 200 {
		t.Error("no answer after Stop and Start")
	}
	if got := len(s.ChatRequests()); got != 4 {
		t.Errorf("%d chat requests recorded across restarts, want 4", got)
	}
}

func TestConcurrentRequests(t *testing.T) {
	s := start(t, Options{Script: Randomly(1, map[FaultKind]float64{ServerError: 0.2, Length: 0.1, DropTerms: 0.1})})
	const workers, each = 16, 8
	var specs []prompt.Spec
	for _, to := range []string{"id", "th", "vi"} {
		spec := translateSpec(t, to)
		spec.Document = "The Belt and Road Initiative met 1,200 firms.\n\n- ASEAN grew 7.5%."
		specs = append(specs, spec)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				extra := map[string]any{"stream": (w+i)%2 == 0}
				resp, err := client().Post(s.URL()+"/chat/completions", "application/json", jsonReader(chatBody(prompt.Build(specs[(w+i)%3]), extra)))
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = readAll(resp)
			}
		}()
	}
	wg.Wait()
	recs := s.Requests()
	if len(recs) != workers*each || s.Count() != workers*each {
		t.Fatalf("%d records, want %d", len(recs), workers*each)
	}
	seen := map[int]bool{}
	perKey := map[string][]int{}
	for _, r := range recs {
		if seen[r.Call.N] || r.Call.N < 1 || r.Call.N > workers*each {
			t.Errorf("call number %d repeated or out of range", r.Call.N)
		}
		seen[r.Call.N] = true
		perKey[r.Call.Key] = append(perKey[r.Call.Key], r.Call.KeyN)
	}
	if len(perKey) != 3 {
		t.Errorf("%d conversation keys, want 3", len(perKey))
	}
	for k, ns := range perKey {
		got := map[int]bool{}
		for _, n := range ns {
			got[n] = true
		}
		for i := 1; i <= len(ns); i++ {
			if !got[i] {
				t.Errorf("key %s: KeyN %d missing from %v", k, i, ns)
			}
		}
	}
	s.Reset()
	if s.Count() != 0 || len(s.Requests()) != 0 {
		t.Error("Reset kept records")
	}
}
