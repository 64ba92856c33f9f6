package mock

import (
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/prompt"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// allTargets are the languages juru translates into.
var allTargets = []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans", "zh-Hant", "ta", "tet", "pt"}

// structure is what a translation must keep of each line.
func structure(doc string) []string {
	var out []string
	fence := false
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(strings.TrimSpace(l), "```"):
			fence = !fence
			out = append(out, "fence "+l)
		case fence:
			out = append(out, "code "+l)
		case strings.TrimSpace(l) == "":
			out = append(out, "blank")
		default:
			out = append(out, "prefix "+linePrefix.FindString(l))
		}
	}
	return out
}

func TestTranslationKeepsStructure(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	doc := fixture(t)
	kept := []string{"(https://example.org/customs?id=42&lang=en)", "`EXPO-2023-RC1`", "⟦1⟧", "{{city}}", "news@example.org", "<https://example.org/expo>", "curl -s https://example.org/api/deals?year=2023", "| --- | ---: | ---: |", "**"}
	for _, to := range allTargets {
		t.Run(to, func(t *testing.T) {
			out := tr.Reply(translateSpec(t, to))
			if !slices.Equal(structure(doc), structure(out)) {
				t.Errorf("structure changed:\n%s", out)
			}
			for _, k := range kept {
				if !strings.Contains(out, k) {
					t.Errorf("%q not kept", k)
				}
			}
			if strings.Contains(out, "Nanning") || strings.Contains(out, "organisers") {
				t.Error("source words left untranslated")
			}
		})
	}
}

// readNumbers is the obvious number reader: every run of digits of any
// family, with the separators a locale gives, as exact values. Separators
// must be followed by digits (three for a group).
func readNumbers(text, group, decimal string) []string {
	var ascii strings.Builder
	for _, r := range text {
		if v, ok := digitValue(r); ok {
			ascii.WriteByte(byte('0' + v))
		} else {
			ascii.WriteRune(r)
		}
	}
	g, d := regexp.QuoteMeta(group), regexp.QuoteMeta(decimal)
	grouped := regexp.MustCompile(`^[0-9]{1,3}(?:` + g + `[0-9]{3})+(?:` + d + `[0-9]+)?`)
	plain := regexp.MustCompile(`^[0-9]+(?:` + d + `[0-9]+)?`)
	var out []string
	s := ascii.String()
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		m := grouped.FindString(s[i:])
		if m == "" || (i+len(m) < len(s) && s[i+len(m)] >= '0' && s[i+len(m)] <= '9') {
			m = plain.FindString(s[i:])
		}
		i += len(m)
		v := strings.ReplaceAll(m, group, "")
		v = strings.Replace(v, decimal, ".", 1)
		r, ok := new(big.Rat).SetString(v)
		if !ok {
			continue
		}
		out = append(out, r.RatString())
	}
	slices.Sort(out)
	return out
}

// separators asks golang.org/x/text how a language writes 1,234.5.
func separators(code string) (group, decimal string) {
	tag := language.Make(code + "-u-nu-latn")
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234.5, number.Scale(1)))
	return s[1 : len(s)-5], s[len(s)-2 : len(s)-1]
}

func TestTranslationKeepsNumbers(t *testing.T) {
	doc := fixture(t)
	want := readNumbers(doc, ",", ".")
	if len(want) < 20 {
		t.Fatalf("the fixture has only %d numbers", len(want))
	}
	for _, digits := range []Digits{LocaleDigits, LatinDigits, NativeDigits} {
		tr := NewTranslator(digits, nil)
		for _, to := range allTargets {
			t.Run(to, func(t *testing.T) {
				out := tr.Reply(translateSpec(t, to))
				g, d := separators(to)
				if got := readNumbers(out, g, d); !slices.Equal(got, want) {
					t.Errorf("digits %d: numbers\n got %v\nwant %v\n%s", digits, got, want, out)
				}
			})
		}
	}
}

func TestNumbersPerLanguage(t *testing.T) {
	cases := []struct {
		code   string
		digits Digits
		in     []string
		want   []string
	}{
		{"id", LocaleDigits, []string{"34.35", "1,200", "0.8", "2023", "1,234,567.25"}, []string{"34,35", "1.200", "0,8", "2023", "1.234.567,25"}},
		{"vi", LocaleDigits, []string{"34.35", "1,200"}, []string{"34,35", "1.200"}},
		{"ms", LocaleDigits, []string{"34.35", "1,200"}, []string{"34.35", "1,200"}},
		{"km", LocaleDigits, []string{"34.35", "1,200"}, []string{"34,35", "1.200"}},
		{"lo", LocaleDigits, []string{"34.35", "1,200"}, []string{"34,35", "1.200"}},
		{"pt", LocaleDigits, []string{"34.35"}, []string{"34,35"}},
		{"ta", LocaleDigits, []string{"1,234,567.25", "3.50"}, []string{"12,34,567.25", "3.50"}},
		{"th", LocaleDigits, []string{"1,200.5"}, []string{"1,200.5"}},
		{"th", NativeDigits, []string{"1,200.5"}, []string{"๑,๒๐๐.๕"}},
		{"lo", NativeDigits, []string{"1,200.5"}, []string{"໑.໒໐໐,໕"}},
		{"km", NativeDigits, []string{"1,200.5"}, []string{"១.២០០,៥"}},
		{"my", LocaleDigits, []string{"1,200.5", "007"}, []string{"၁,၂၀၀.၅", "၀၀၇"}},
		{"my", LatinDigits, []string{"1,200.5"}, []string{"1,200.5"}},
		{"id", NativeDigits, []string{"1,200.5"}, []string{"1.200,5"}},
		{"id", LocaleDigits, []string{"09", "12345678901234567.5"}, []string{"09", "12345678901234567,5"}},
		{"id", LocaleDigits, []string{"12,345,678,901,234,567"}, []string{"12.345.678.901.234.567"}},
	}
	for _, c := range cases {
		tr := NewTranslator(c.digits, nil)
		for i, in := range c.in {
			if got := tr.Number(c.code, in); got != c.want[i] {
				t.Errorf("%s digits %d: %s → %q, want %q", c.code, c.digits, in, got, c.want[i])
			}
		}
	}
}

// scriptOf is the Unicode range table of a language's letters.
func scriptOf(t *testing.T, code string) *unicode.RangeTable {
	l, err := lang.New().Lookup(code)
	if err != nil {
		t.Fatal(err)
	}
	switch l.Script {
	case "Latn":
		return unicode.Latin
	case "Thai":
		return unicode.Thai
	case "Laoo":
		return unicode.Lao
	case "Khmr":
		return unicode.Khmer
	case "Mymr":
		return unicode.Myanmar
	case "Taml":
		return unicode.Tamil
	case "Hans", "Hant":
		return unicode.Han
	}
	t.Fatalf("no script table for %s", l.Script)
	return nil
}

func TestTranslationIsInTheTargetScript(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	code := regexp.MustCompile("`[^`]*`")
	for _, to := range allTargets {
		t.Run(to, func(t *testing.T) {
			spec := translateSpec(t, to)
			out := tr.Reply(spec)
			for _, term := range spec.Terms {
				out = strings.ReplaceAll(out, term.Target, " ")
			}
			letters, vietnamese := 0, 0
			script := scriptOf(t, to)
			fence := false
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "```") {
					fence = !fence
					continue
				}
				if fence {
					continue
				}
				line = tr.keep.ReplaceAllString(code.ReplaceAllString(line, " "), " ")
				for _, r := range line {
					if !unicode.IsLetter(r) {
						continue
					}
					letters++
					if !unicode.Is(script, r) {
						t.Errorf("letter %q outside the script in %q", r, line)
						return
					}
					if strings.ContainsRune("ăâêôơưđĂÂÊÔƠƯĐ", r) {
						vietnamese++
					}
					if (to == "zh-Hans" && strings.ContainsRune(hanTraditional, r)) || (to == "zh-Hant" && strings.ContainsRune(hanSimplified, r)) {
						t.Errorf("%q belongs to the other written form of Chinese", r)
					}
				}
			}
			if letters < 100 {
				t.Errorf("only %d letters checked", letters)
			}
			if to == "vi" && vietnamese < letters/5 {
				t.Errorf("Vietnamese output has %d Vietnamese letters of %d", vietnamese, letters)
			}
		})
	}
}

func TestTranslationIsDeterministic(t *testing.T) {
	a, b := NewTranslator(LocaleDigits, nil), NewTranslator(LocaleDigits, nil)
	for _, to := range allTargets {
		spec := translateSpec(t, to)
		if x, y, z := a.Reply(spec), b.Reply(spec), a.Reply(spec); x != y || x != z {
			t.Errorf("%s: replies differ", to)
		}
	}
	// Latin-script languages each write their own pseudo-words.
	seen := map[string]string{}
	for _, to := range []string{"id", "ms", "fil", "tet", "pt", "vi", "en"} {
		w := a.Word(to, "cooperation")
		if other, ok := seen[w]; ok {
			t.Errorf("%s and %s both write %q", to, other, w)
		}
		seen[w] = to
		if strings.EqualFold(w, "cooperation") || len([]rune(w)) != len("cooperation") {
			t.Errorf("%s: pseudo-word %q", to, w)
		}
	}
}

func TestTermsLongestFirstAnyCase(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf("th"), Terms: []prompt.Term{
		{Source: "ASEAN", Target: "อาเซียน"},
		{Source: "China-ASEAN Expo", Target: "มหกรรม"},
		{Source: "Expo", Target: "งาน"},
	}, Document: "the CHINA-asean expo, ASEAN and Expos and the expo; aseanic"}
	out := tr.Reply(spec)
	for _, want := range []string{"มหกรรม", "อาเซียน", "งาน"} {
		if strings.Count(out, want) != 1 {
			t.Errorf("%q occurs %d times in %q", want, strings.Count(out, want), out)
		}
	}
	if strings.Contains(strings.ToLower(out), "asean") || strings.Contains(strings.ToLower(out), "expo") {
		t.Errorf("source terms left in %q", out)
	}
}

func TestSameLanguageKeepsWords(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	spec := prompt.Spec{Task: prompt.Translate, From: en, To: en, Terms: []prompt.Term{{Source: "Belt and Road Initiative", Target: "Belt and Road Initiative", Forbidden: []string{"OBOR"}}}, Document: "The OBOR, now the belt and road initiative, has 1,200 projects."}
	if got, want := tr.Reply(spec), "The Belt and Road Initiative, now the Belt and Road Initiative, has 1,200 projects."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCustomPlaceholders(t *testing.T) {
	tr := NewTranslator(LocaleDigits, regexp.MustCompile(`%[A-Z_]+%|<x id="\d+"/>`))
	spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf("th"), Document: `Hello %USER_NAME%, see <x id="3"/> and ⟦1⟧`}
	out := tr.Reply(spec)
	if !strings.Contains(out, "%USER_NAME%") || !strings.Contains(out, `<x id="3"/>`) || !strings.Contains(out, "⟦") {
		t.Errorf("placeholders lost: %q", out)
	}
}

func TestGoldenTranslations(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	for _, to := range []string{"id", "vi", "th", "my", "zh-Hans", "km", "lo", "ta"} {
		t.Run(to, func(t *testing.T) {
			got := tr.Reply(translateSpec(t, to))
			golden(t, filepath.Join("testdata", "golden", "article."+to+".md"), got)
		})
	}
}

// golden compares got with a golden file, rewriting it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, got)
	}
}

func TestReplyCache(t *testing.T) {
	tr := NewTranslator(LocaleDigits, nil)
	spec := translateSpec(t, "id")
	for i := range maxReplies + 100 {
		s := spec
		s.Document = strings.Repeat("word ", i%7) + spec.Document[:i%len(spec.Document)]
		if got, want := tr.Reply(s), tr.compose(&s, termsRequired); got != want {
			t.Fatalf("cached reply %d differs", i)
		}
		if tr.Reply(s) != tr.compose(&s, termsRequired) {
			t.Fatalf("second reply %d differs", i)
		}
	}
	if n := len(tr.replies); n > maxReplies {
		t.Errorf("cache holds %d replies", n)
	}
	other := spec
	other.Terms = append([]prompt.Term(nil), spec.Terms...)
	other.Terms[0].Forbidden = nil
	if specKey(&spec, termsRequired) == specKey(&other, termsRequired) || specKey(&spec, termsRequired) == specKey(&spec, termsDropped) {
		t.Error("different specs share a cache key")
	}
}
