package translate

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestInlineSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"code spans", "Use `go test` or ``a ` b`` here", []string{"`go test`", "``a ` b``"}},
		{"unclosed code span", "a `b c", nil},
		{"code span not across a blank line", "a `b\n\nc` d", nil},
		{"link target only", `See [the site](https://x.org/a_(b) "Title") now`, []string{"https://x.org/a_(b)"}},
		{"image target", "![alt text](img/a.png)", []string{"img/a.png"}},
		{"reference link and definition", "[text][guide]\n\n[guide]: https://x.org/g", []string{"guide", "guide", "https://x.org/g"}},
		{"bare URL without final punctuation", "Go to https://caexpo.org/x?y=1. Then", []string{"https://caexpo.org/x?y=1"}},
		{"www URL", "(www.example.com)", []string{"www.example.com"}},
		{"e-mail", "Write to press@caexpo.org.", []string{"press@caexpo.org"}},
		{"autolink", "<https://x.org> and <a@b.org>", []string{"<https://x.org>", "<a@b.org>"}},
		{"html and entities", "a<br/>b &amp; <span class=\"x\">c</span> <!-- n -->", []string{"<br/>", "&amp;", "<span class=\"x\">", "</span>", "<!-- n -->"}},
		{"footnote", "Fact[^1].", []string{"[^1]"}},
		{"URL inside code stays in the code span", "`curl https://x.org`", []string{"`curl https://x.org`"}},
		{"nothing", "Plain text, no code.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range inlineSpans(tt.text) {
				got = append(got, tt.text[sp.a:sp.b])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("spans (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProtectRestore(t *testing.T) {
	text := "See `x` at https://a.org/c and [t](http://q \"T\")."
	p := protect(text)
	if want := "See ⟦1⟧ at ⟦2⟧ and [t](⟦3⟧ \"T\")."; p.Text != want {
		t.Fatalf("protected %q, want %q", p.Text, want)
	}
	tests := []struct {
		name     string
		answer   string
		want     string
		problems int
	}{
		{"all back", "Lihat ⟦1⟧ di ⟦2⟧ dan [t](⟦3⟧ \"T\").", "Lihat `x` di https://a.org/c dan [t](http://q \"T\").", 0},
		{"spaces and Thai digits", "ดู ⟦ ๑ ⟧ ที่ ⟦2⟧ [t](⟦3⟧)", "ดู `x` ที่ https://a.org/c [t](http://q)", 0},
		{"missing", "Lihat ⟦1⟧ dan [t](⟦3⟧).", "Lihat `x` dan [t](http://q).", 1},
		{"repeated", "⟦1⟧ ⟦1⟧ ⟦2⟧ ⟦3⟧", "`x` `x` https://a.org/c http://q", 1},
		{"unknown", "⟦1⟧ ⟦2⟧ ⟦3⟧ ⟦4⟧", "`x` https://a.org/c http://q ⟦4⟧", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems := p.restore(tt.answer)
			if got != tt.want {
				t.Errorf("restore = %q, want %q", got, tt.want)
			}
			if len(problems) != tt.problems {
				t.Errorf("problems = %q, want %d", problems, tt.problems)
			}
		})
	}
}

func TestProtectBrackets(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"white square brackets", "a `b`", "a ⟦1⟧"},
		{"text has white square brackets", "⟦x⟧ `b`", "⟦x⟧ {{1}}"},
		{"text has both", "⟦x⟧ {{y}} `b`", "⟦x⟧ {{y}} `b`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := protect(tt.text)
			if p.Text != tt.want {
				t.Errorf("protect = %q, want %q", p.Text, tt.want)
			}
			if got, problems := p.restore(p.Text); got != tt.text || len(problems) > 0 {
				t.Errorf("restore = %q %q", got, problems)
			}
		})
	}
}

func TestDigitValue(t *testing.T) {
	for _, zero := range []rune{'0', '٠', '०', '๐', '໐', '០', '၀', '０', '𝟎'} {
		for d := 0; d < 10; d++ {
			if v, ok := digitValue(zero + rune(d)); !ok || v != d {
				t.Errorf("digitValue(%q) = %d, %v; want %d", zero+rune(d), v, ok, d)
			}
		}
	}
	if _, ok := digitValue('a'); ok {
		t.Errorf("digitValue('a') accepted")
	}
}

// checkMask checks that masking keeps length, line ends and the
// characters outside protected spans.
func checkMask(t *testing.T, text string) {
	t.Helper()
	m := mask(text)
	if len(m) != len(text) || utf8.RuneCountInString(m) != utf8.RuneCountInString(text) {
		t.Fatalf("mask changed the length of %q: %q", text, m)
	}
	for i := 0; i < len(text); i++ {
		if (text[i] == '\n') != (m[i] == '\n') {
			t.Fatalf("mask moved a line end in %q: %q", text, m)
		}
	}
	if strings.Contains(text, "```") || strings.Contains(text, "~~~") {
		return
	}
	for _, p := range paragraphs(m) {
		if len(codeSpans(m[p.a:p.b])) > 0 {
			t.Fatalf("mask left a code span in %q: %q", text, m)
		}
	}
}

func TestMask(t *testing.T) {
	text := "OBOR `OBOR` https://x.org/OBOR\n\n```\nOBOR\n```\nOBOR"
	want := "OBOR" + strings.Repeat(" ", 7) + strings.Repeat(" ", 19) + "\n\n   \n    \n   \nOBOR"
	if got := mask(text); got != want {
		t.Errorf("mask = %q, want %q", got, want)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		checkMask(t, genMarkdown(r))
	}
}

func FuzzProtect(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20; i++ {
		f.Add(genMarkdown(r))
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		p := protect(text)
		got, problems := p.restore(p.Text)
		if got != text || len(problems) > 0 {
			t.Fatalf("restore(protect(%q)) = %q, problems %q", text, got, problems)
		}
		for _, k := range p.kept {
			if k == "" {
				t.Fatalf("empty protected span in %q", text)
			}
		}
		checkMask(t, text)
	})
}
