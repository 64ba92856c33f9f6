package zawgyi

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusFiles are the line-aligned Zawgyi and Unicode texts of the shared
// corpus.
var corpusFiles = []struct {
	name   string
	zawgyi bool
}{
	{"mmgov_zawgyi_src.txt", true}, {"udhr_mya_zawgyi_out.txt", true},
	{"mmgov_unicode_out.txt", false}, {"udhr_mya_unicode_src.txt", false},
}

// tally counts how lines of one kind were classified.
type tally struct{ lines, right, undecidable int }

func (t tally) String() string {
	return fmt.Sprintf("%d/%d right (%.2f%%), %d undecidable", t.right, t.lines, 100*float64(t.right)/math.Max(1, float64(t.lines)), t.undecidable)
}

// classify runs Detect on every line holding Burmese with at least
// minLen characters and tallies the verdicts against want.
func classifyLines(lines []string, want bool, minLen int, wrong func(i int, r Result)) tally {
	var t tally
	for i, l := range lines {
		r := Detect(l)
		if r.Burmese == 0 || utf8.RuneCountInString(strings.TrimSpace(l)) < minLen {
			continue
		}
		t.lines++
		if !r.Decidable() {
			t.undecidable++
		}
		if r.IsZawgyi() == want {
			t.right++
		} else if wrong != nil {
			wrong(i, r)
		}
	}
	return t
}

// TestCorpus classifies every line of the shared Zawgyi and Unicode
// texts: all lines of 10 or more characters must come out right.
func TestCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus/myanmar-zawgyi")
	for _, f := range corpusFiles {
		lines := readLines(t, filepath.Join(dir, f.name))
		long := classifyLines(lines, f.zawgyi, 10, func(i int, r Result) {
			t.Errorf("%s line %d: score %.3f (evidence z=%d u=%d): %q", f.name, i+1, r.Score, r.Zawgyi, r.Unicode, lines[i])
		})
		all := classifyLines(lines, f.zawgyi, 1, nil)
		t.Logf("%s: lines of 10+ characters: %v; all lines with Burmese: %v", f.name, long, all)
	}
}

// TestFLORESUnicode checks that no line of the FLORES-200 Burmese devtest,
// all Unicode, is taken for Zawgyi.
func TestFLORESUnicode(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	lines := readLines(t, filepath.Join(dir, "mya_Mymr.devtest"))
	minMargin := math.MaxInt
	res := classifyLines(lines, false, 1, func(i int, r Result) {
		t.Errorf("line %d taken for Zawgyi: score %.3f (z=%d u=%d): %q", i+1, r.Score, r.Zawgyi, r.Unicode, lines[i])
	})
	zlines, words, decided, wrong := 0, 0, 0, 0
	for _, l := range lines {
		r := Detect(l)
		minMargin = min(minMargin, r.Unicode-r.Zawgyi)
		if r.Zawgyi > 0 {
			zlines++
		}
		for _, w := range strings.Fields(l) {
			r := Detect(w)
			if r.Burmese == 0 {
				continue
			}
			words++
			if r.Decidable() {
				decided++
				if r.IsZawgyi() {
					wrong++
				}
			}
		}
	}
	t.Logf("FLORES mya_Mymr: %v; false-positive rate %.2f%%; smallest margin u-z = %d; %d lines hold some Zawgyi evidence",
		res, 100*float64(res.lines-res.right)/float64(res.lines), minMargin, zlines)
	t.Logf("FLORES mya_Mymr words: %d, %d decidable, %d taken for Zawgyi (%.2f%%)", words, decided, wrong, 100*float64(wrong)/float64(decided))
}

// TestCompatibility compares Detect with the reference scores of
// compatibility.tsv (Zawgyi probabilities from another detector, -Infinity
// for text without Burmese letters): verdicts must agree wherever the text
// holds evidence either way.
func TestCompatibility(t *testing.T) {
	dir := sharedDir(t, "corpus/myanmar-zawgyi")
	agree, undecidable, n := 0, 0, 0
	for i, line := range readLines(t, filepath.Join(dir, "compatibility.tsv")) {
		ref, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("line %d: no tab", i+1)
		}
		want, err := strconv.ParseFloat(ref, 64)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		got := Detect(text)
		n++
		switch {
		case got.Burmese == 0:
			if !math.IsInf(want, -1) {
				t.Errorf("line %d: no Burmese found, reference %.3f: %q", i+1, want, text)
				continue
			}
			agree++
		case !got.Decidable():
			undecidable++
			t.Logf("line %d: undecidable (score %.1f), reference %.3f: %q", i+1, got.Score, want, text)
		case math.IsInf(want, -1) && !got.IsZawgyi(), (want > 0.5) == got.IsZawgyi():
			agree++
		default:
			t.Errorf("line %d: reference %.3f, got %.3f (z=%d u=%d): %q", i+1, want, got.Score, got.Zawgyi, got.Unicode, text)
		}
	}
	t.Logf("compatibility.tsv: %d of %d verdicts agree with the reference, %d undecidable, %d disagree", agree, n, undecidable, n-agree-undecidable)
}

// TestCorpusWords classifies the space-separated words of the shared
// texts one by one, the hardest case: short words often read the same in
// both encodings. It reports accuracy among the words that hold evidence.
func TestCorpusWords(t *testing.T) {
	dir := sharedDir(t, "corpus/myanmar-zawgyi")
	for _, f := range corpusFiles {
		var words, decided, right int
		for _, l := range readLines(t, filepath.Join(dir, f.name)) {
			for _, w := range strings.Fields(l) {
				r := Detect(w)
				if r.Burmese == 0 {
					continue
				}
				words++
				if !r.Decidable() {
					continue
				}
				decided++
				if r.IsZawgyi() == f.zawgyi {
					right++
				}
			}
		}
		acc := 100 * float64(right) / float64(decided)
		t.Logf("%s: %d words, %d decidable (%.1f%%), %d of them right (%.2f%%)", f.name, words, decided, 100*float64(decided)/float64(words), right, acc)
		if acc < 97 {
			t.Errorf("%s: word accuracy %.2f%% below 97%%", f.name, acc)
		}
	}
}
