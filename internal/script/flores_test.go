package script

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/lang"
)

// floresFiles maps the FLORES-200 devtest files to juru language codes.
var floresFiles = []struct{ file, code string }{
	{"eng_Latn", "en"}, {"ind_Latn", "id"}, {"zsm_Latn", "ms"}, {"vie_Latn", "vi"},
	{"tgl_Latn", "fil"}, {"tha_Thai", "th"}, {"khm_Khmr", "km"}, {"lao_Laoo", "lo"},
	{"mya_Mymr", "my"}, {"zho_Hans", "zh-Hans"},
}

// TestFLORESConfusion checks every FLORES-200 devtest line as every
// language: a line must pass in its own language and be flagged in every
// language of another script.
func TestFLORESConfusion(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	reg := lang.New()
	opts := Options{Registry: reg}
	var table strings.Builder
	fmt.Fprintf(&table, "%-9s", "lines\\as")
	for _, c := range floresFiles {
		fmt.Fprintf(&table, "%8s", c.code)
	}
	table.WriteString("\n")
	for _, f := range floresFiles {
		lines := readLines(t, filepath.Join(dir, f.file+".devtest"))
		if len(lines) != 1012 {
			t.Fatalf("%s: %d lines, want 1012", f.file, len(lines))
		}
		fl, _ := reg.Lookup(f.code)
		fmt.Fprintf(&table, "%-9s", f.file)
		for _, c := range floresFiles {
			cl, _ := reg.Lookup(c.code)
			flagged := 0
			var first string
			for i, line := range lines {
				got, err := Check(line, c.code, opts)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) > 0 {
					flagged++
					if first == "" {
						first = fmt.Sprintf("line %d: %s: %.80q", i+1, got[0].Message, line)
					}
				}
			}
			fmt.Fprintf(&table, "%8d", flagged)
			switch {
			case c.code == f.code && flagged > 0:
				t.Errorf("%s as %s: %d of %d lines flagged, want none; first %s", f.file, c.code, flagged, len(lines), first)
			case fl.Script != cl.Script && flagged != len(lines):
				t.Errorf("%s as %s: %d of %d lines flagged, want all", f.file, c.code, flagged, len(lines))
			}
		}
		table.WriteString("\n")
	}
	t.Logf("lines flagged (of 1012), by file and language checked as:\n%s", table.String())
}

// TestFLORESMargins reports how far the FLORES-200 lines are from the
// threshold: the lowest share of its own script a line has, and the
// highest share of a foreign script's letters any line of another script
// has.
func TestFLORESMargins(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	reg := lang.New()
	var worstOwn, worstForeign float64 = 1, 0
	var ownAt, foreignAt string
	for _, f := range floresFiles {
		l, _ := reg.Lookup(f.code)
		own, _ := FromCode(l.Script)
		for i, line := range readLines(t, filepath.Join(dir, f.file+".devtest")) {
			w, total := weights(Profile(line))
			if total == 0 {
				t.Errorf("%s line %d: no letters besides names", f.file, i+1)
				continue
			}
			if s := float64(w[own]) / float64(total); s < worstOwn {
				worstOwn, ownAt = s, fmt.Sprintf("%s line %d", f.file, i+1)
			}
			for s := range w {
				if Script(s) == own {
					continue
				}
				if x := float64(w[s]) / float64(total); x > worstForeign {
					worstForeign, foreignAt = x, fmt.Sprintf("%s line %d, %v", f.file, i+1, Script(s))
				}
			}
		}
	}
	t.Logf("lowest own-script share %.3f (%s); highest foreign-script share %.3f (%s); threshold %.2f",
		worstOwn, ownAt, worstForeign, foreignAt, DefaultThreshold)
	if worstOwn < DefaultThreshold || worstForeign >= DefaultThreshold {
		t.Errorf("the default threshold does not separate FLORES-200 lines")
	}
}

// TestFLORESHanForm checks the Simplified Chinese lines as Traditional
// Chinese, and counts Traditional-only characters in them.
func TestFLORESHanForm(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	lines := readLines(t, filepath.Join(dir, "zho_Hans.devtest"))
	opts := Options{Registry: lang.New()}
	flagged, withTrad, simp, trad := 0, 0, 0, 0
	for i, line := range lines {
		c := Profile(line)
		simp += c.Simplified
		trad += c.Traditional
		if c.Traditional > 0 {
			withTrad++
			t.Logf("line %d holds %d Traditional-only characters: %q", i+1, c.Traditional, line)
		}
		got, err := Check(line, "zh-Hant", opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > 0 {
			flagged++
		}
		if own, _ := Check(line, "zh-Hans", opts); len(own) > 0 {
			t.Errorf("line %d flagged as Simplified Chinese: %s", i+1, own[0].Message)
		}
	}
	t.Logf("zho_Hans: %d Simplified-only and %d Traditional-only characters; %d of %d lines flagged as zh-Hant; %d lines hold a Traditional-only character",
		simp, trad, flagged, len(lines), withTrad)
	if flagged < len(lines)/2 {
		t.Errorf("only %d of %d Simplified lines flagged in a Traditional file", flagged, len(lines))
	}
}

// TestFLORESQuirks checks the known oddities of the FLORES-200 files: 595
// Khmer lines hold zero-width spaces, some Thai lines end in spaces, and
// the first Burmese line carries CSV-style doubled quotes.
func TestFLORESQuirks(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	opts := Options{Registry: lang.New()}
	khm := readLines(t, filepath.Join(dir, "khm_Khmr.devtest"))
	zw := 0
	for i, l := range khm {
		if !strings.ContainsRune(l, '\u200b') {
			continue
		}
		zw++
		if got, _ := Check(l, "km", opts); len(got) != 0 {
			t.Errorf("khm line %d with zero-width spaces flagged: %s", i+1, got[0].Message)
		}
		if got, _ := Check(l, "th", opts); len(got) != 1 {
			t.Errorf("khm line %d as Thai: %d findings, want 1", i+1, len(got))
		}
	}
	if zw != 595 {
		t.Errorf("%d Khmer lines with U+200B, want 595", zw)
	}
	trailing := 0
	for i, l := range readLines(t, filepath.Join(dir, "tha_Thai.devtest")) {
		if strings.TrimRight(l, " ") == l {
			continue
		}
		trailing++
		got, _ := Check(l, "km", opts)
		if len(got) != 1 || got[0].End != len(strings.TrimRight(l, " ")) {
			t.Errorf("tha line %d: finding %+v should end before the trailing spaces", i+1, got)
		}
	}
	if trailing == 0 {
		t.Errorf("no Thai line with trailing spaces found")
	}
	mya := readLines(t, filepath.Join(dir, "mya_Mymr.devtest"))
	if !strings.HasPrefix(mya[0], `"`) || !strings.Contains(mya[0], `""`) {
		t.Errorf("mya line 1 has no doubled quotes: %.40q", mya[0])
	}
	if got, _ := Check(mya[0], "my", opts); len(got) != 0 {
		t.Errorf("mya line 1 flagged: %s", got[0].Message)
	}
	t.Logf("%d Khmer lines with zero-width spaces, %d Thai lines with trailing spaces", zw, trailing)
}
