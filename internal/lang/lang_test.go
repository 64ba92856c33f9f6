package lang

import (
	"errors"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	r := New()
	tests := []struct {
		in, want, script string
		spaced           bool
	}{
		{"id", "id", "Latn", true},
		{"in", "id", "Latn", true},
		{"TH", "th", "Thai", false},
		{"tl", "fil", "Latn", true},
		{"fil", "fil", "Latn", true},
		{"zh", "zh-Hans", "Hans", false},
		{"zh-CN", "zh-Hans", "Hans", false},
		{"zh_TW", "zh-Hant", "Hant", false},
		{"zh-Hant", "zh-Hant", "Hant", false},
		{"en-US", "en", "Latn", true},
		{"km", "km", "Khmr", false},
		{"lo", "lo", "Laoo", false},
		{"my", "my", "Mymr", false},
		{"tet", "tet", "Latn", true},
		{"pt-TL", "pt", "Latn", true},
		{"ta", "ta", "Taml", true},
		{"tha", "th", "Thai", false},
		{"vie", "vi", "Latn", true},
		{"Thai", "th", "Thai", false},
		{"burmese", "my", "Mymr", false},
		{"Simplified Chinese", "zh-Hans", "Hans", false},
		{"chinese", "zh-Hans", "Hans", false},
		{"Tagalog", "fil", "Latn", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			l, err := r.Lookup(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if l.Code != tt.want || l.Script != tt.script || l.Spaced != tt.spaced {
				t.Errorf("Lookup(%q) = %s/%s/spaced=%v, want %s/%s/%v", tt.in, l.Code, l.Script, l.Spaced, tt.want, tt.script, tt.spaced)
			}
			if l.English == "" || l.Native == "" {
				t.Errorf("Lookup(%q): missing names %q/%q", tt.in, l.English, l.Native)
			}
		})
	}
}

func TestLookupUnknownSuggests(t *testing.T) {
	r := New()
	tests := []struct{ in, suggestion string }{
		{"thaii", "th"},
		{"vn", "vi"},
		{"indonesain", "id"},
		{"asaen", "asean"},
		{"xx-qq-zz", ""},
		{"fr", ""},
		{"xx", ""},
		{"und", ""},
		{"mul", ""},
		{"zxx", ""},
	}
	for _, tt := range tests {
		_, err := r.Lookup(tt.in)
		var u *UnknownError
		if !errors.As(err, &u) {
			t.Fatalf("Lookup(%q): err = %v, want *UnknownError", tt.in, err)
		}
		if tt.suggestion != "" && u.Suggestion != tt.suggestion {
			t.Errorf("Lookup(%q) suggestion = %q, want %q", tt.in, u.Suggestion, tt.suggestion)
		}
		if tt.suggestion == "" && (u.Suggestion != "" || strings.Contains(err.Error(), "did you mean")) {
			t.Errorf("Lookup(%q) suggests %q, want no suggestion", tt.in, u.Suggestion)
		}
	}
}

func TestParseList(t *testing.T) {
	r := New()
	got, err := r.Parse("asean, th, zh-Hans,id")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, l := range got {
		codes = append(codes, l.Code)
	}
	if want := "id,ms,th,vi,fil,km,lo,my,zh-Hans"; strings.Join(codes, ",") != want {
		t.Errorf("Parse = %s, want %s", strings.Join(codes, ","), want)
	}
	if _, err := r.Parse(" , "); err == nil {
		t.Error("Parse of an empty list: want error")
	}
	if _, err := r.Parse("id,xq"); err == nil {
		t.Error("Parse with an unknown tag: want error")
	}
}

func TestAllHaveNames(t *testing.T) {
	for _, l := range New().All() {
		if l.English == "" || l.Native == "" || l.Script == "" {
			t.Errorf("%s: incomplete entry %+v", l.Code, l)
		}
	}
}
