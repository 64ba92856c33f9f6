package cost

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestCost(t *testing.T) {
	u := llm.Usage{PromptTokens: 1_000_000, CompletionTokens: 500_000}
	tests := []struct {
		name  string
		opts  Options
		model string
		want  float64
		known bool
	}{
		{"gpt-4o-mini", Options{}, "gpt-4o-mini", 0.15 + 0.30, true},
		{"gpt-4o", Options{}, "gpt-4o", 2.50 + 5.00, true},
		{"any case", Options{}, "GPT-4.1", 2.00 + 4.00, true},
		{"dated snapshot", Options{}, "gpt-4o-2024-08-06", 2.50 + 5.00, true},
		{"provider prefix", Options{}, "openai/gpt-5-mini", 0.25 + 1.00, true},
		{"no prefix guessing", Options{}, "gpt-4o-mini-tts", 0, false},
		{"local model", Options{}, "llama3.1:8b", 0, false},
		{"batch half price", Options{Batch: true}, "gpt-4.1-mini", (0.40 + 0.80) / 2, true},
		{"override", Options{Overrides: map[string]Price{"gpt-4o": {1, 2}}}, "gpt-4o", 1 + 1, true},
		{"override adds a local model", Options{Overrides: map[string]Price{"Qwen2.5-7B": {0.1, 0.1}}}, "qwen2.5-7b", 0.1 + 0.05, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := New(tt.opts)
			if got := tb.Cost(tt.model, u); !near(got, tt.want) {
				t.Errorf("cost %v, want %v", got, tt.want)
			}
			if tb.Known(tt.model) != tt.known {
				t.Errorf("known = %v", !tt.known)
			}
		})
	}
}

func TestEstimateIsLinear(t *testing.T) {
	tb := New(Options{})
	a := tb.Estimate("gpt-5", 1200, 800)
	b := tb.Estimate("gpt-5", 2400, 1600)
	if !near(2*a, b) || !near(a, (1200*1.25+800*10.0)/1e6) {
		t.Fatalf("estimate %v, double %v", a, b)
	}
}

func TestBuiltinIsACopy(t *testing.T) {
	b := Builtin()
	b["gpt-4o"] = Price{}
	if !near(New(Options{}).Cost("gpt-4o", llm.Usage{PromptTokens: 1e6}), 2.5) {
		t.Fatal("changing the copy changed the table")
	}
	for m, p := range Builtin() {
		if p.In <= 0 || p.Out < p.In || m != strings.ToLower(m) {
			t.Errorf("suspicious built-in entry %s %+v", m, p)
		}
	}
}

func TestParse(t *testing.T) {
	got, err := Parse(" gpt-4o=2.5/10 ; Local-Model=0/0,\nmistral=$0.2/$0.6,, ")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Price{"gpt-4o": {2.5, 10}, "local-model": {0, 0}, "mistral": {0.2, 0.6}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %v, want %v", k, got[k], v)
		}
	}
	for _, bad := range []string{"gpt-4o", "=1/2", "x=1", "x=a/2", "x=1/b", "x=-1/2", "x=NaN/1", "x=1/Inf", "x=1/2e9"} {
		t.Run(bad, func(t *testing.T) {
			_, err := Parse(bad)
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Entry != bad {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("gpt-4o=2.5/10,local=0/0")
	f.Add("a=1/2;b=$3/$4\nc=5/6")
	f.Add("=/")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			return
		}
		for k, p := range m {
			if k == "" || p.In < 0 || p.Out < 0 || math.IsNaN(p.In) || math.IsNaN(p.Out) {
				t.Fatalf("bad entry %q %+v", k, p)
			}
			tb := New(Options{Overrides: m})
			if c := tb.Cost(k, llm.Usage{PromptTokens: 10, CompletionTokens: 10}); c < 0 || math.IsNaN(c) {
				t.Fatalf("cost %v", c)
			}
		}
	})
}
