package numbers

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// floresLines reads one FLORES-200 devtest file from the shared corpus
// beside the checkout, or skips the test.
func floresLines(t testing.TB, code string) []string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpus", "flores200-devtest", code+".devtest")
		if f, err := os.Open(p); err == nil {
			defer f.Close()
			var out []string
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				out = append(out, sc.Text())
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			return out
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/corpus/flores200-devtest/%s.devtest not found above the package: skipping the extended test", code)
		}
		dir = parent
	}
}

// checked reports whether a number is one Compare requires on the other
// side.
func checked(ns []Number) bool {
	for _, n := range ns {
		if !exempt(n) {
			return true
		}
	}
	return false
}

// mutate raises (or, for a 9, lowers) the first digit of the first
// checked number of text, or returns false when there is none.
func mutate(text, lang string) (string, bool) {
	for _, n := range Extract(text, lang) {
		if exempt(n) || n.Spelled {
			continue
		}
		c, size := utf8.DecodeRuneInString(text[n.Start:])
		d, _ := digitValue(c)
		nd := c + 1
		if d == 9 {
			nd = c - 1
		}
		return text[:n.Start] + string(nd) + text[n.Start+size:], true
	}
	return "", false
}

// TestFLORESAgreement compares the numbers of 1,012 human-translated
// FLORES-200 sentences in English with their translations into nine
// languages of the region. It reports how often they agree (the
// translations are faithful, so disagreement is mostly a real change by
// the translator or a reading juru gets wrong), and how often a digit
// changed on purpose in the translation is caught.
func TestFLORESAgreement(t *testing.T) {
	eng := floresLines(t, "eng_Latn")
	langs := []struct{ code, tag string }{
		{"ind_Latn", "id"}, {"zsm_Latn", "ms"}, {"vie_Latn", "vi"}, {"tha_Thai", "th"}, {"zho_Hans", "zh-Hans"},
		{"tgl_Latn", "fil"}, {"khm_Khmr", "km"}, {"lao_Laoo", "lo"}, {"mya_Mymr", "my"},
	}
	en := NewReader("en")
	for _, l := range langs {
		t.Run(l.tag, func(t *testing.T) {
			lines := floresLines(t, l.code)
			if len(lines) != len(eng) {
				t.Fatalf("%d lines, English has %d", len(lines), len(eng))
			}
			r := NewReader(l.tag)
			withNumbers, agree, caught, mutated := 0, 0, 0, 0
			var disagreements []string
			for i := range eng {
				src, tgt := en.Extract(eng[i]), r.Extract(lines[i])
				if !checked(src) && !checked(tgt) {
					continue
				}
				withNumbers++
				ms := CompareNumbers(src, "en", tgt, l.tag, Options{Extra: true})
				if len(ms) > 0 {
					if len(disagreements) < 5 {
						disagreements = append(disagreements, ms[0].Message)
					}
					continue
				}
				agree++
				if changed, ok := mutate(lines[i], l.tag); ok {
					mutated++
					if len(Compare(eng[i], "en", changed, l.tag, Options{Extra: true})) > 0 {
						caught++
					} else {
						t.Logf("change not caught: %q", changed)
					}
				}
			}
			rate := float64(agree) / float64(withNumbers)
			t.Logf("%s: numbers agree in %d of %d sentences with numbers (%.1f%%); %d of %d changed digits caught",
				l.code, agree, withNumbers, 100*rate, caught, mutated)
			if rate < 0.95 {
				t.Errorf("agreement %.3f below 0.95; first disagreements:\n%s", rate, strings.Join(disagreements, "\n"))
			}
			if caught != mutated {
				t.Errorf("%d changed digits went unnoticed", mutated-caught)
			}
		})
	}
}
