package lint

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// floresLines reads a FLORES-200 devtest file as its lines.
func floresLines(t *testing.T, dir, file string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file+".devtest"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// rulesByLine checks every FLORES sentence against its English original
// and returns, per rule, the sentences with a finding.
func rulesByLine(l *Linter, en, tgt []string, lang string) map[string]int {
	out := map[string]int{}
	for i := range en {
		seen := map[string]bool{}
		for _, f := range l.CheckPair(Doc{Lang: "en", Text: en[i]}, Doc{Lang: lang, Text: tgt[i]}) {
			if !seen[f.Rule] {
				seen[f.Rule] = true
				out[f.Rule]++
			}
		}
	}
	return out
}

// TestFloresFalsePositives checks the human translations of FLORES-200
// against their English originals sentence by sentence: a faithful
// translation should give few number and script findings. It logs the
// rate per language and fails above a ceiling.
func TestFloresFalsePositives(t *testing.T) {
	dir := sharedCorpus(t, "flores200-devtest")
	l := testLinter(t)
	en := floresLines(t, dir, "eng_Latn")
	var report []string
	for _, fl := range floresLangs {
		tgt := floresLines(t, dir, fl.file)
		if len(tgt) != len(en) {
			t.Fatalf("%s: %d lines, English %d", fl.file, len(tgt), len(en))
		}
		counts := rulesByLine(l, en, tgt, fl.code)
		rate := func(rule string) float64 { return float64(counts[rule]) / float64(len(en)) }
		report = append(report, fmt.Sprintf("%-8s number.mismatch %5.2f%%  script.wrong %5.2f%%  other %v",
			fl.code, 100*rate(NumberMismatch), 100*rate(ScriptWrong), others(counts)))
		if rate(NumberMismatch) > 0.06 || rate(ScriptWrong) > 0.02 {
			t.Errorf("%s: false positives above the ceiling (6%% numbers, 2%% script): %v", fl.code, counts)
		}
	}
	t.Logf("false positives per sentence on FLORES-200 devtest (%d sentences):\n%s", len(en), strings.Join(report, "\n"))
}

// others lists the rules other than number and script with findings.
func others(counts map[string]int) string {
	var out []string
	for r, n := range counts {
		if r != NumberMismatch && r != ScriptWrong {
			out = append(out, fmt.Sprintf("%s:%d", r, n))
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// changeDigit changes one digit of the last number of s with at least
// two digits, keeping its script; false when there is none.
func changeDigit(s string) (string, bool) {
	rs := []rune(s)
	for i := len(rs) - 1; i > 0; i-- {
		d, ok := digitOf(rs[i])
		if !ok {
			continue
		}
		if _, ok := digitOf(rs[i-1]); !ok {
			continue // the last digit of a run of one
		}
		rs[i] += rune((d+1)%10 - d)
		return string(rs), true
	}
	return "", false
}

// TestFloresFaults injects faults into the FLORES translations and checks
// they are found: a changed digit, a sentence left in English.
func TestFloresFaults(t *testing.T) {
	dir := sharedCorpus(t, "flores200-devtest")
	l := testLinter(t)
	en := floresLines(t, dir, "eng_Latn")
	var report []string
	for _, fl := range floresLangs {
		tgt := floresLines(t, dir, fl.file)
		digits, digitsFound, english, englishFound := 0, 0, 0, 0
		for i := range en {
			src := Doc{Lang: "en", Text: en[i]}
			clean := l.CheckPair(src, Doc{Lang: fl.code, Text: tgt[i]})
			if hasRule(clean, NumberMismatch) {
				continue // already reported: no measure of the fault
			}
			if changed, ok := changeDigit(tgt[i]); ok && strings.ContainsFunc(en[i], unicode.IsDigit) {
				digits++
				if hasRule(l.CheckPair(src, Doc{Lang: fl.code, Text: changed}), NumberMismatch) {
					digitsFound++
				}
			}
			if !hasRule(clean, ScriptWrong) && len(en[i]) > 40 {
				english++
				if hasRule(l.CheckPair(src, Doc{Lang: fl.code, Text: en[i]}), ScriptWrong) {
					englishFound++
				}
			}
		}
		report = append(report, fmt.Sprintf("%-8s changed digit found %d/%d, English sentence found %d/%d", fl.code, digitsFound, digits, englishFound, english))
		if digits == 0 || float64(digitsFound) < 0.9*float64(digits) || englishFound != english {
			t.Errorf("%s: faults missed: digits %d/%d, English %d/%d", fl.code, digitsFound, digits, englishFound, english)
		}
	}
	t.Logf("injected faults found on FLORES-200 devtest:\n%s", strings.Join(report, "\n"))
}

func hasRule(fs []Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// TestFloresStructure drops, merges and adds paragraphs of the FLORES
// translations, made of five sentences each, and checks that
// structure.paragraphs names the place.
func TestFloresStructure(t *testing.T) {
	dir := sharedCorpus(t, "flores200-devtest")
	l := testLinter(t)
	en := floresLines(t, dir, "eng_Latn")
	r := rand.New(rand.NewPCG(21, 22))
	const per, paras = 5, 30
	for _, fl := range floresLangs {
		tgt := floresLines(t, dir, fl.file)
		hits, tries := 0, 0
		for start := 0; start+per*paras <= len(en); start += per * paras {
			srcParas, tgtParas := make([]string, paras), make([]string, paras)
			for k := range paras {
				srcParas[k] = strings.Join(en[start+k*per:start+(k+1)*per], "\n")
				tgtParas[k] = strings.Join(tgt[start+k*per:start+(k+1)*per], "\n")
			}
			src := Doc{Lang: "en", Text: strings.Join(srcParas, "\n\n")}
			if fs := l.CheckPair(src, Doc{Lang: fl.code, Text: strings.Join(tgtParas, "\n\n")}); hasRule(fs, StructureParagraphs) {
				t.Errorf("%s: structure finding on the faithful translation:\n%s", fl.code, render(fs))
			}
			k := 1 + r.IntN(paras-2)
			var faulty []string
			switch tries % 3 {
			case 0: // drop paragraph k
				faulty = append(append(faulty, tgtParas[:k]...), tgtParas[k+1:]...)
			case 1: // merge k and k+1
				faulty = append(append(append(faulty, tgtParas[:k]...), tgtParas[k]+"\n"+tgtParas[k+1]), tgtParas[k+2:]...)
			case 2: // add a paragraph after k
				faulty = append(append(append(faulty, tgtParas[:k+1]...), tgtParas[(k+7)%paras]), tgtParas[k+1:]...)
			}
			tries++
			// the block of the translation the finding should point at
			want := k
			if tries%3 == 0 {
				want = k + 1
			}
			text := strings.Join(faulty, "\n\n")
			p := newPage(Doc{Text: text}, fl.code)
			for _, f := range l.CheckPair(src, Doc{Lang: fl.code, Text: text}) {
				if f.Rule == StructureParagraphs && abs(p.blockAt(f.Start)-want) <= 1 {
					hits++
					break
				}
			}
		}
		t.Logf("%-8s structure faults placed within a paragraph: %d/%d", fl.code, hits, tries)
		if hits < tries*8/10 {
			t.Errorf("%s: structure faults placed %d/%d", fl.code, hits, tries)
		}
	}
}

// readCorpusLines reads a file of the shared corpus as its lines, without
// the comment lines ("#") some files start with.
func readCorpusLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// TestZawgyiCorpus builds Burmese documents from the aligned Unicode and
// Zawgyi texts of google/myanmar-tools, turns some paragraphs into
// Zawgyi, and checks that exactly those are reported.
func TestZawgyiCorpus(t *testing.T) {
	dir := sharedCorpus(t, "myanmar-zawgyi")
	l := testLinter(t)
	for _, name := range [][2]string{
		{"udhr_mya_unicode_src.txt", "udhr_mya_zawgyi_out.txt"},
		{"mmgov_unicode_out.txt", "mmgov_zawgyi_src.txt"},
	} {
		uni := readCorpusLines(t, filepath.Join(dir, name[0]))
		zg := readCorpusLines(t, filepath.Join(dir, name[1]))
		if len(uni) != len(zg) {
			t.Fatalf("%s: %d lines, %s %d", name[0], len(uni), name[1], len(zg))
		}
		var uniParas, zgParas []string
		for i := 0; i < len(uni); i++ {
			if strings.HasPrefix(uni[i], "#") || strings.TrimSpace(uni[i]) == "" || uni[i] == zg[i] {
				continue // headers, blanks and lines alike in both encodings
			}
			uniParas = append(uniParas, uni[i])
			zgParas = append(zgParas, zg[i])
		}
		clean := strings.Join(uniParas, "\n\n")
		if fs := l.CheckOne(Doc{Lang: "my", Text: clean}); hasRule(fs, EncodingZawgyi) {
			t.Errorf("%s: Zawgyi found in Unicode text:\n%s", name[0], render(fs))
		}
		mixed := append([]string(nil), uniParas...)
		want := map[int]bool{}
		for k := 0; k < len(mixed); k += 3 {
			mixed[k] = zgParas[k]
			want[k] = true
		}
		text := strings.Join(mixed, "\n\n")
		p := newPage(Doc{Text: text}, "my")
		got := map[int]bool{}
		for _, f := range l.CheckOne(Doc{Lang: "my", Text: text}) {
			if f.Rule == EncodingZawgyi {
				got[p.blockAt(f.Start)] = true
			}
		}
		missed, wrong := 0, 0
		for k := range mixed {
			switch {
			case want[k] && !got[k]:
				missed++
			case !want[k] && got[k]:
				wrong++
			}
		}
		t.Logf("%s: %d Zawgyi paragraphs of %d, %d missed, %d Unicode ones reported", name[1], len(want), len(mixed), missed, wrong)
		if wrong > 0 || missed > len(want)/20 {
			t.Errorf("%s: %d Zawgyi paragraphs missed, %d Unicode ones reported", name[1], missed, wrong)
		}
	}
}
