package translate

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/prompt"
)

func TestRepair(t *testing.T) {
	src := "The Belt and Road Initiative, or the Belt and Road Initiative for short, opened the China-ASEAN Expo.\n"
	tests := []struct {
		name         string
		fake         *fake
		strict       bool
		maxRepairs   int
		wantAttempts int
		wantKinds    []glossary.Kind
		wantStrict   bool
	}{
		{name: "fixed on the second attempt", fake: &fake{dropTerms: func(turns int) bool { return turns == 0 }}, wantAttempts: 2},
		{name: "never fixed, kept and reported", fake: &fake{dropTerms: func(int) bool { return true }}, wantAttempts: 3,
			wantKinds: []glossary.Kind{glossary.Missing, glossary.Missing}},
		{name: "never fixed, strict", fake: &fake{dropTerms: func(int) bool { return true }}, strict: true, wantAttempts: 3, wantStrict: true},
		{name: "no repairs allowed", fake: &fake{dropTerms: func(int) bool { return true }}, maxRepairs: -1, wantAttempts: 1,
			wantKinds: []glossary.Kind{glossary.Missing, glossary.Missing}},
		{name: "forbidden form", fake: &fake{forbidden: " (OBOR)"}, wantAttempts: 3, wantKinds: []glossary.Kind{glossary.ForbiddenUse}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := baseOptions("id")
			opts.Strict = tt.strict
			opts.MaxRepairs = tt.maxRepairs
			res, err := Translate(context.Background(), tt.fake, src, opts)
			if calls := len(tt.fake.requests()); calls != tt.wantAttempts {
				t.Errorf("%d calls, want %d", calls, tt.wantAttempts)
			}
			var ve *ViolationsError
			if tt.wantStrict {
				if !errors.As(err, &ve) || res != nil || len(ve.Result.Violations) == 0 {
					t.Fatalf("want a *ViolationsError and no result, got %v, %v", res, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Attempts != tt.wantAttempts || res.Requests != 1 {
				t.Errorf("attempts %d requests %d, want %d and 1", res.Attempts, res.Requests, tt.wantAttempts)
			}
			var kinds []glossary.Kind
			for _, v := range res.Violations {
				kinds = append(kinds, v.Kind)
				switch v.Kind {
				case glossary.ForbiddenUse:
					if res.Text[v.Start:v.End] != v.Found {
						t.Errorf("violation at %d:%d is %q in the output, want %q", v.Start, v.End, res.Text[v.Start:v.End], v.Found)
					}
				case glossary.Missing:
					if src[v.Start:v.End] != v.Source || v.Line != 1 {
						t.Errorf("missing term located at %d:%d line %d", v.Start, v.End, v.Line)
					}
				}
			}
			if !slices.Equal(kinds, tt.wantKinds) {
				t.Errorf("violation kinds %q, want %q", kinds, tt.wantKinds)
			}
		})
	}
}

// TestRepairWording checks the exact problems sent back to the model.
func TestRepairWording(t *testing.T) {
	src := "The Belt and Road Initiative, or the Belt and Road Initiative for short, opened the China-ASEAN Expo.\n"
	f := &fake{dropTerms: func(turns int) bool { return turns == 0 }, forbidden: " OBOR"}
	opts := baseOptions("id")
	opts.MaxRepairs = 1
	if _, err := Translate(context.Background(), f, src, opts); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d calls, want 2", len(reqs))
	}
	turns, err := prompt.Conversation(reqs[1].Messages)
	if err != nil || len(turns) != 1 {
		t.Fatalf("repair conversation: %v, %v", turns, err)
	}
	want := []string{
		`forbidden form "OBOR" must not appear; write "Inisiatif Sabuk dan Jalan" instead`,
		`"Belt and Road Initiative" must be translated as "Inisiatif Sabuk dan Jalan" (2 in the source, 1 in your answer)`,
		`"China-ASEAN Expo" must be translated as "Ekspo China-ASEAN" (1 in the source, 0 in your answer)`,
	}
	if !slices.Equal(turns[0].Problems, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", turns[0].Problems, want)
	}
}

func TestPlaceholderRepair(t *testing.T) {
	src := "Run `make test` and read https://example.org/docs first.\n"
	t.Run("fixed", func(t *testing.T) {
		f := &fake{dropPlaceholders: func(turns int) bool { return turns == 0 }}
		res, err := Translate(context.Background(), f, src, baseOptions("vi"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Text, "`make test`") || !strings.Contains(res.Text, "https://example.org/docs") || res.Attempts != 2 {
			t.Errorf("text %q after %d attempts", res.Text, res.Attempts)
		}
		turns, _ := prompt.Conversation(f.requests()[1].Messages)
		if len(turns) != 1 || !strings.Contains(strings.Join(turns[0].Problems, "\n"), "⟦1⟧ is missing") {
			t.Errorf("repair problems: %+v", turns)
		}
	})
	t.Run("never fixed", func(t *testing.T) {
		f := &fake{dropPlaceholders: func(int) bool { return true }}
		_, err := Translate(context.Background(), f, src, baseOptions("vi"))
		var ce *ChunkError
		if !errors.Is(err, ErrProtected) || !errors.As(err, &ce) || ce.Line != 1 {
			t.Errorf("err = %v, want ErrProtected in a *ChunkError", err)
		}
	})
}
