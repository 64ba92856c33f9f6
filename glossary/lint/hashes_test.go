package lint

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/script"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// TestHashesIgnoreNormalization checks that both paragraph hashes read a
// text and its NFC form alike, on every character and on random text.
func TestHashesIgnoreNormalization(t *testing.T) {
	check := func(s string) {
		t.Helper()
		n := norm.NFC.String(s)
		if weakHash(s) != weakHash(n) {
			t.Fatalf("weakHash(%+q) != weakHash(NFC %+q)", s, n)
		}
		if weakPrefix(s) != weakPrefix(n) {
			t.Fatalf("weakPrefix(%+q) != weakPrefix(NFC %+q)", s, n)
		}
		if _, p := weakHashes(s, false); p != weakPrefix(s) {
			t.Fatalf("weakPrefix(%+q) differs read whole and cut short", s)
		}
		if blockHash(s) != blockHash(n) {
			t.Fatalf("blockHash(%+q) != blockHash(NFC %+q)", s, n)
		}
	}
	eachRune(func(c rune) {
		s := string(c)
		check("a" + s + "b")
		if c < 0x3000 {
			check("a" + s + "\u0301b")
			check("\u1025" + s)
		}
	})
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		check(trickyText(r, 1+r.IntN(20)))
	}
	check(strings.Repeat("a long run of ASCII text ", 20))
}

// TestUntranslatedMatchesScript checks the hashed search for paragraphs
// left untranslated against script.Untranslated on whole texts.
func TestUntranslatedMatchesScript(t *testing.T) {
	l := testLinter(t)
	r := rand.New(rand.NewPCG(9, 10))
	para := func() string { return strings.ReplaceAll(trickyText(r, 1+r.IntN(12)), "\n", " ") }
	vary := func(p string) string {
		switch r.IntN(4) {
		case 0:
			return norm.NFD.String(p)
		case 1:
			return strings.ReplaceAll(p, " ", "  \n ")
		case 2:
			return " " + p + "\u200b"
		}
		return p
	}
	for _, langs := range [][2]string{{"en", "id"}, {"en", "th"}, {"th", "km"}, {"vi", "en"}} {
		sl, tl := l.lang(langs[0]), l.lang(langs[1])
		for range 2000 {
			var src, tgt []string
			for range 1 + r.IntN(6) {
				p := para()
				if len(src) > 0 && r.IntN(4) == 0 {
					// the same start as the one before: the same
					// weakPrefix, another weakHash
					p = src[len(src)-1] + " " + p
				}
				src = append(src, p)
				if r.IntN(3) == 0 {
					tgt = append(tgt, vary(p))
				} else {
					tgt = append(tgt, para())
				}
			}
			s, g := strings.Join(src, "\n\n"), strings.Join(tgt, "\n\n")
			pr := &pair{l: l, src: newPage(Doc{Text: s}, sl.code), tgt: newPage(Doc{Text: g}, tl.code), sl: sl, tl: tl}
			got := pr.untranslated()
			want := script.Untranslated(s, g, langs[0], langs[1])
			if len(got) != len(want) {
				t.Fatalf("%v\n%q\n%q:\n%d findings, want %d:\n%s%+v", langs, s, g, len(got), len(want), render(got), want)
			}
			for i := range got {
				if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Related.Line != want[i].SourceLine {
					t.Fatalf("%q / %q: %+v, want %+v", s, g, got[i], want[i])
				}
			}
		}
	}
}

// TestLettersAgreeWithProfile checks the letter table on every character
// it holds against script.Profile, and that a sure answer is right.
func TestLettersAgreeWithProfile(t *testing.T) {
	lt := newLetterTable()
	for _, rg := range letterRanges {
		for c := rg[0]; c < rg[1]; c++ {
			v, ok := lt.lookup(c)
			p := script.Profile(string(c))
			s, _ := p.Dominant()
			if !ok || (v == 0) != (p.Total() == 0) || v != 0 && script.Script(v&scriptM-1) != s {
				t.Fatalf("%U: class %#x, profile %+v", c, v, p)
			}
		}
	}
	// and knows nothing else
	for c := rune(-1); c < 0x30000; c++ {
		in := false
		for _, rg := range letterRanges {
			in = in || c >= rg[0] && c < rg[1]
		}
		if _, ok := lt.lookup(c); ok != in {
			t.Fatalf("%U: known %v, in letterRanges %v", c, ok, in)
		}
	}
	// every Latin letter counts, a w that starts no "www." too
	if s := "กขคงจฉชซฌญ wwwwww wwwwww"; lt.sure(s, script.Thai, false) {
		t.Errorf("sure of %q, which script.Check finds mostly Latin", s)
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, lang := range []string{"id", "vi", "th", "km", "lo", "my"} {
		want, _ := script.FromCode(map[string]string{"id": "Latn", "vi": "Latn", "th": "Thai", "km": "Khmr", "lo": "Laoo", "my": "Mymr"}[lang])
		for range 5000 {
			s := strings.TrimSpace(strings.ReplaceAll(trickyText(r, 1+r.IntN(30)), "\n", " "))
			if s == "" || !lt.sure(s, want, lang == "vi") {
				continue
			}
			if fs, _ := script.Check(s, lang, script.Options{}); len(fs) > 0 {
				t.Fatalf("%s %q: sure, but script.Check says %s", lang, s, fs[0].Message)
			}
		}
	}
}

// TestSkeletonOfMatches checks the property the sieve rests on: wherever
// the matcher finds a form, the skeleton of the text there is the
// skeleton of the form. It checks every character folded and composed
// as the matcher compares it, then random matches.
func TestSkeletonOfMatches(t *testing.T) {
	st := &skeletonTable{}
	fold := cases.Fold()
	// characters the matcher takes for one another have one skeleton
	byFold := map[string]string{}
	eachRune(func(c rune) {
		s := string(c)
		sk := string(st.skeletonString(s))
		k := fold.String(norm.NFC.String(s))
		if prev, ok := byFold[k]; ok && prev != sk {
			t.Fatalf("%U: skeleton %q, another character folding to %q has %q", c, sk, k, prev)
		}
		byFold[k] = sk
		if c < 0x10000 {
			if direct := string(skeletonOf(fold, c, nil)); direct != sk {
				t.Fatalf("%U: table gives %q, skeletonOf %q", c, sk, direct)
			}
		}
	})
	g, texts := trickyGlossary(t, 13)
	l, err := New(Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "id", "th"} {
		ld := l.lang(lang)
		for _, text := range texts {
			for _, m := range ld.matcher.FindAll(text) {
				a, b := string(st.skeletonString(m.Text(text))), string(st.skeletonString(m.Form.Text))
				if a != b {
					t.Fatalf("%s: match %q of %q: skeletons %q and %q", lang, m.Text(text), m.Form.Text, a, b)
				}
			}
		}
	}
}

// sureSlow is letterTable.sure with every character decoded by utf8.
func (t *letterTable) sureSlow(s string, want script.Script, vi bool) bool {
	if want == script.Han || want == script.Other {
		return false
	}
	own, latin, other := 0, 0, 0
	sawViet := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cls := t.ascii[c]
			if cls&asciiMarkup != 0 && markupAt(s, i) {
				return false
			}
			latin += int(cls & asciiLetter)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		v, known := t.lookup(r)
		switch {
		case !known:
			if r == 0xFEFF || r >= 0x3000 && r <= 0x3003 {
				continue // byte-order mark, CJK space and stops
			}
			return false
		case v == 0:
			continue
		}
		sawViet = sawViet || v&viet != 0
		switch sc := script.Script(v&scriptM - 1); {
		case sc == want:
			own++
		case sc == script.Latin:
			latin++
		default:
			other++
		}
	}
	if want == script.Latin {
		return other == 0 && (!vi || sawViet || latin < script.DefaultDiacriticSpan)
	}
	return own > 0 && own >= latin+3*other
}

// TestSureAgreesWithSlow checks sure against sureSlow on random texts of
// tricky pieces, random bytes and every character of the table's blocks.
func TestSureAgreesWithSlow(t *testing.T) {
	lt := newLetterTable()
	r := rand.New(rand.NewPCG(13, 14))
	var texts []string
	for range 3000 {
		texts = append(texts, trickyText(r, 1+r.IntN(30)))
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		texts = append(texts, "ก"+string(b)+"ข")
	}
	for c := rune(0x80); c < 0x30000; c += 7 {
		texts = append(texts, "กข"+string(c), "ab"+string(c)+"ệ")
	}
	for _, s := range texts {
		for _, want := range []script.Script{script.Latin, script.Thai, script.Khmer, script.Lao, script.Myanmar} {
			for _, vi := range []bool{false, true} {
				if got, slow := lt.sure(s, want, vi), lt.sureSlow(s, want, vi); got != slow {
					t.Fatalf("sure(%q, %v, %v) = %v, slow way %v", s, want, vi, got, slow)
				}
			}
		}
	}
}
