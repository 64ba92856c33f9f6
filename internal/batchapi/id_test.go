package batchapi

import (
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

func TestKey(t *testing.T) {
	zero, one := float32(0), float32(1)
	seed := 3
	base := llm.Request{Model: "m", Messages: []llm.Message{{Role: llm.User, Content: "x"}}, Temperature: &zero}
	same := base
	same.Stream = func(string) {}
	if Key(base) != Key(same) {
		t.Error("the stream callback changed the key")
	}
	changes := map[string]func(r *llm.Request){
		"model":          func(r *llm.Request) { r.Model = "n" },
		"message":        func(r *llm.Request) { r.Messages = []llm.Message{{Role: llm.User, Content: "y"}} },
		"role":           func(r *llm.Request) { r.Messages = []llm.Message{{Role: llm.System, Content: "x"}} },
		"temperature":    func(r *llm.Request) { r.Temperature = &one },
		"no temperature": func(r *llm.Request) { r.Temperature = nil },
		"seed":           func(r *llm.Request) { r.Seed = &seed },
		"cap":            func(r *llm.Request) { r.MaxTokens = 10 },
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			r := base
			change(&r)
			if Key(r) == Key(base) {
				t.Errorf("changing the %s kept the key", name)
			}
		})
	}
	if len(Key(base)) != 64 || len(ShortKey(Key(base))) != keyDigits {
		t.Errorf("key %q", Key(base))
	}
}

func TestIDRoundTrip(t *testing.T) {
	key := Key(llm.Request{Model: "m"})
	cases := []struct{ task, lang, rel string }{
		{TaskTranslate, "th", "news/2026-11-27/expo.md"},
		{TaskSummarize, "zh-Hans", "a b/ข่าว.html"},
		{TaskTranslate, "fil", "-"},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			id := NewID(tc.task, tc.lang, tc.rel, 7, key)
			s := id.String()
			if len(s) > 64 || strings.ContainsAny(s, " /\"\\") {
				t.Errorf("custom_id %q is long or unsafe", s)
			}
			back, err := ParseID(s)
			if err != nil {
				t.Fatal(err)
			}
			if back != id || back.Source != SourceHash(tc.rel) || back.Key != ShortKey(key) {
				t.Errorf("%+v came back as %+v", id, back)
			}
		})
	}
}

func TestParseIDRejects(t *testing.T) {
	good := NewID(TaskTranslate, "th", "a.md", 0, Key(llm.Request{})).String()
	for _, bad := range []string{
		"", "item-1", strings.Replace(good, "tr.", "xx.", 1), strings.Replace(good, ".0.", ".-1.", 1),
		strings.Replace(good, ".0.", ".x.", 1), good + "0", good[:len(good)-1] + "G", "tr..12345678.0." + strings.Repeat("a", 20),
		good + ".extra",
	} {
		if _, err := ParseID(bad); err == nil {
			t.Errorf("ParseID(%q) accepted it", bad)
		}
	}
}

// FuzzParseID checks that whatever ParseID accepts renders back to the
// same custom_id.
func FuzzParseID(f *testing.F) {
	f.Add(NewID(TaskTranslate, "th", "a.md", 3, Key(llm.Request{})).String())
	f.Add("su.zh-Hans.0123abcd.12.0123456789abcdef0123")
	f.Add("tr.id.zzzzzzzz.0.0123456789abcdef0123")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		if err != nil {
			return
		}
		if id.String() != s {
			t.Errorf("ParseID(%q) renders back as %q", s, id.String())
		}
	})
}
