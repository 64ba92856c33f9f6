package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestClassifyMatchesTables compares the fast classifier with the Unicode
// script tables for every code point.
func TestClassifyMatchesTables(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		fs, fok := classify(r)
		ss, sok := classifySlow(r)
		if fok != sok || (fok && fs != ss) {
			if bad++; bad <= 10 {
				t.Errorf("classify(%U) = %v,%v; tables say %v,%v", r, fs, fok, ss, sok)
			}
		}
	}
	if bad > 10 {
		t.Errorf("%d code points differ", bad)
	}
}

func TestFromCode(t *testing.T) {
	tests := []struct {
		code string
		want Script
		ok   bool
	}{
		{"Latn", Latin, true}, {"Thai", Thai, true}, {"Laoo", Lao, true},
		{"Khmr", Khmer, true}, {"Mymr", Myanmar, true}, {"Hans", Han, true},
		{"Hant", Han, true}, {"Hani", Han, true}, {"Taml", Tamil, true},
		{"Jpan", Kana, true}, {"Cyrl", Cyrillic, true}, {"Xyzw", Other, false}, {"", Other, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := FromCode(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FromCode(%q) = %v,%v, want %v,%v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
	for s := Other; s < numScripts; s++ {
		if s.String() == "" || len(s.Code()) != 4 {
			t.Errorf("script %d: name %q, code %q", s, s.String(), s.Code())
		}
		if s != Other && s != Kana {
			if back, ok := FromCode(s.Code()); !ok || back != s {
				t.Errorf("FromCode(%q) = %v, want %v", s.Code(), back, s)
			}
		}
	}
	if Script(200).Code() != "Zzzz" || Script(200).String() != "other" {
		t.Errorf("out-of-range script not named as other")
	}
}

// TestHanLists checks the two sorted lists against the pairs they come
// from, and the bit table and the binary search against a linear search
// over the whole CJK block.
func TestHanLists(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "han-pairs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	simp, trad := map[rune]bool{}, map[rune]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, pair := range strings.Fields(line) {
			rs := []rune(pair)
			if len(rs) != 2 {
				t.Fatalf("pair %q is not two characters", pair)
			}
			simp[rs[0]], trad[rs[1]] = true, true
		}
	}
	for _, list := range []struct {
		name, s string
		want    map[rune]bool
	}{{"simplifiedOnly", simplifiedOnly, simp}, {"traditionalOnly", traditionalOnly, trad}} {
		if utf8.RuneCountInString(list.s)*3 != len(list.s) {
			t.Errorf("%s holds characters that are not three bytes long", list.name)
		}
		prev := rune(0)
		for _, r := range list.s {
			if r <= prev {
				t.Errorf("%s: %c after %c, not sorted", list.name, r, prev)
			}
			prev = r
			if !list.want[r] {
				t.Errorf("%s: %c is in no pair", list.name, r)
			}
		}
		if n := utf8.RuneCountInString(list.s); n != len(list.want) {
			t.Errorf("%s holds %d characters, pairs give %d", list.name, n, len(list.want))
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		want := formBoth
		switch {
		case strings.ContainsRune(simplifiedOnly, r):
			want = formSimplified
		case strings.ContainsRune(traditionalOnly, r):
			want = formTraditional
		}
		if inSorted(simplifiedOnly, r) != (want == formSimplified) || inSorted(traditionalOnly, r) != (want == formTraditional) {
			t.Errorf("inSorted disagrees on %c", r)
		}
		if got := hanForm(r); got != want {
			t.Errorf("hanForm(%c) = %d, want %d", r, got, want)
		}
		if simp[r] && trad[r] {
			t.Errorf("%c is in both lists", r)
		}
	}
}
