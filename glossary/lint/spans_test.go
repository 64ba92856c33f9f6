package lint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slowRoller is the roller as first written: a struct that keeps the
// last characters, each pushed through a method, and tests every gram
// length at every character. spans must flag what slowSpans flags.
type slowRoller struct {
	ss     []*sieve
	hi, lo uint64
	n      int
	lens   uint16
}

func (g *slowRoller) push(r rune) bool {
	if r == ' ' && g.n > 0 && g.lo&0xFFFF == ' ' {
		return false
	}
	g.hi = g.hi<<16 | g.lo>>48
	g.lo = g.lo<<16 | uint64(r&0xFFFF)
	g.n++
	for _, s := range g.ss {
		for _, k := range []int{1, 2, 4, maxGram} {
			if k > g.n || s.lens&(1<<k) == 0 {
				continue
			}
			hi := g.hi
			if k <= 4 {
				hi = 0
			}
			if s.hasGram(hi, g.lo, k) {
				return true
			}
		}
	}
	return false
}

// hasGram reports whether the gram of k characters whose last ones hi
// and lo hold (see pack) is in s: by the bitmap of grams of one
// character, or by key: what slowRoller asks of a sieve.
func (s *sieve) hasGram(hi, lo uint64, k int) bool {
	if k == 1 {
		c := lo & 0xFFFF
		return s.ones != nil && s.ones[c/64]&(1<<(c%64)) != 0
	}
	return s.has(key(hi, lo, k))
}

// slowSpans is spans as first written, with slowRoller and every
// character's skeleton computed by skeleton.
func slowSpans(t *skeletonTable, ss []*sieve, brk *breakers, text string) [][2]int {
	g := &slowRoller{ss: ss}
	var out [][2]int
	start, found := 0, false
	flush := func(i, next int) {
		if found {
			if k := len(out) - 1; k >= 0 && out[k][1] >= start-utf8.UTFMax {
				out[k][1] = i
			} else {
				out = append(out, [2]int{start, i})
			}
		}
		start, found = next, false
		g.n, g.hi, g.lo = 0, 0, 0
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if brk.is(r) && (i+n == len(text) || text[i+n] < utf8.RuneSelf || norm.NFC.PropertiesString(text[i+n:]).BoundaryBefore()) {
			flush(i, i+n)
		} else if !found {
			for _, x := range t.skeleton(r, nil) {
				if g.push(x) {
					found = true
					break
				}
			}
		}
		i += n
	}
	flush(len(text), len(text))
	return out
}

// TestSpansAgreesWithSlow checks spans against slowSpans on random
// texts of tricky pieces and glossary forms, with the sieves matches
// uses, for sieves of every gram length.
func TestSpansAgreesWithSlow(t *testing.T) {
	hits := 0
	for seed := range uint64(4) {
		g, texts := trickyGlossary(t, seed)
		l, err := New(Options{Glossary: g})
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(seed, 7))
		for range 300 {
			texts = append(texts, trickyText(r, 1+r.IntN(40)))
		}
		for _, lang := range []string{"en", "id", "th"} {
			ld := l.lang(lang)
			if ld.sieve == nil {
				continue
			}
			sieves := [][]*sieve{{ld.sieve}}
			if a := l.allSieve(ld); a != nil {
				sieves = append(sieves, []*sieve{a}, []*sieve{ld.sieve, a})
			}
			for i, text := range texts {
				for _, ss := range sieves {
					got, want := spans(l.skeletons, ss, ld.breakers, text), slowSpans(l.skeletons, ss, ld.breakers, text)
					if !slices.Equal(got, want) {
						t.Fatalf("%s text %d %q: spans %v, slow way %v", lang, i, text, got, want)
					}
					hits += len(got)
				}
			}
		}
	}
	if hits == 0 {
		t.Fatal("no span flagged: the test checks nothing")
	}
}

// TestSpansShortGrams checks spans against slowSpans with sieves of
// forms of one, two, three and more characters, in every script the
// skeleton table knows, around breakers and runs of spaces.
func TestSpansShortGrams(t *testing.T) {
	l := testLinter(t)
	ld := l.lang("th")
	forms := []string{"ก", "ขา", "中国", "ä", "Ab", "x y", "đường", "ก\u0e48\u0e38ง", "𝐀𝐁", "ß", "ﬁ", "日本語の"}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := append(slices.Clone(forms), " ", "  ", ".", ",", "\u0301", "\u200b", "a", "ข", "\xff", "\n\n", "。", "K", "\u2126")
	hits := 0
	for k := 1; k <= len(forms); k++ {
		s := newSieve(l.skeletons, forms[:k], nil)
		if s == nil {
			t.Fatalf("no sieve of %q", forms[:k])
		}
		for range 400 {
			var b strings.Builder
			for range r.IntN(30) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			text := b.String()
			for _, ss := range [][]*sieve{{s}, {ld.sieve, s}} {
				got, want := spans(l.skeletons, ss, ld.breakers, text), slowSpans(l.skeletons, ss, ld.breakers, text)
				if !slices.Equal(got, want) {
					t.Fatalf("forms %q, text %q: spans %v, slow way %v", forms[:k], text, got, want)
				}
				hits += len(got)
			}
		}
	}
	if hits == 0 {
		t.Fatal("no span flagged: the test checks nothing")
	}
}

func TestMatcherQuick(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"english", "The Asian Development Bank met in Nanning on Tuesday.", true},
		{"vietnamese", "Người dân Việt Nam đã đến đó và ở lại đây được ba ngày.", true},
		{"chinese", "中国与东盟国家在南宁举行会议，讨论合作。", true},
		{"chinese punctuation", "“中国”，（东盟）、“南宁”；“合作”！", true},
		{"japanese", "東京でアジア開発銀行の会議が開かれた。", true},
		{"thai", "ธนาคารพัฒนาเอเชียประชุมที่หนานหนิง", false},
		{"burmese", "အာရှဖွံ့ဖြိုးရေးဘဏ်", false},
		{"khmer", "ធនាគារអភិវឌ្ឍន៍អាស៊ី", false},
		{"decomposed vietnamese", norm.NFD.String("Người dân Việt Nam đã đến đó và ở lại đây được ba ngày."), false},
	}
	for _, tt := range tests {
		if got := matcherQuick(tt.text); got != tt.want {
			t.Errorf("%s: matcherQuick = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestKeySet checks keySet against a map on random keys, 0 and keys
// that share their top bits among them.
func TestKeySet(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 7, 100, 5000} {
		set, want := newKeySet(n), map[uint64]bool{}
		var keys []uint64
		for i := range n {
			x := r.Uint64()
			switch i % 5 {
			case 0:
				x &= 0xFF // all in the first slot
			case 1:
				x = 0
			}
			keys = append(keys, x)
			set.add(x)
			want[x] = true
		}
		for range 4 * n {
			keys = append(keys, r.Uint64(), r.Uint64()&0xFF, 0)
		}
		for _, x := range keys {
			if got := set.has(x); got != want[x] {
				t.Fatalf("n=%d: has(%#x) = %v, want %v", n, x, got, want[x])
			}
		}
	}
}
