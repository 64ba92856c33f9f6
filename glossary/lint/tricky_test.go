package lint

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/unicode/norm"
)

// trickyForms are forms that overlap, differ in case or normalization,
// hold ligatures, marks or punctuation, in English, Indonesian and Thai.
var trickyForms = []string{
	"Belt and Road", "Road Initiative", "Belt and Road Initiative", "One Belt One Road", "OBOR", "ASEAN", "China-ASEAN Expo",
	"Straße", "İzmir Port", "oﬃce", "Kelvin K", "U.S.", "e\u0301cole", "Hội chợ", "đường", "Đà Nẵng", "a", "the expo",
	"ข้อริเริ่ม", "ก\u0e48\u0e38ง", "ริเริ่ม", "หนานหนิง", "หนาน", "อาเซียน", "จีน-อาเซียน",
}

// trickyGlossary builds a glossary from trickyForms, every form used in
// the three languages, some forbidden, some entries case-sensitive, and
// texts holding the forms in other cases and normalization forms among
// tricky pieces.
func trickyGlossary(tb testing.TB, seed uint64) (*glossary.Glossary, []string) {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 99))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"en", "id", "th", "case"})
	used := map[string]bool{}
	pick := func() string {
		for {
			f := trickyForms[r.IntN(len(trickyForms))]
			if !used[f] {
				used[f] = true
				return f
			}
			if len(used) == len(trickyForms) {
				return ""
			}
		}
	}
	for len(used) < len(trickyForms) {
		row := make([]string, 4)
		for i := range 3 {
			f := pick()
			if f == "" {
				break
			}
			row[i] = f
			if g := pick(); g != "" && r.IntN(2) == 0 {
				if r.IntN(2) == 0 {
					row[i] += "|!" + g
				} else {
					row[i] += "|" + g
				}
			}
		}
		if r.IntN(4) == 0 {
			row[3] = "yes"
		}
		_ = w.Write(row)
	}
	w.Flush()
	g, err := glossary.Parse(&buf, "tricky.csv", glossary.ParseOptions{Format: glossary.CSV})
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	for range 800 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			var p string
			if r.IntN(2) == 0 {
				p = trickyForms[r.IntN(len(trickyForms))]
				switch r.IntN(5) {
				case 0:
					p = strings.ToUpper(p)
				case 1:
					p = strings.ToLower(p)
				case 2:
					p = norm.NFD.String(p)
				}
			} else {
				p = trickyPieces[r.IntN(len(trickyPieces))]
			}
			b.WriteString(p)
			if r.IntN(3) > 0 {
				b.WriteString([]string{" ", "\n", "", ", ", "-"}[r.IntN(5)])
			}
		}
		texts = append(texts, b.String())
	}
	return g, texts
}

// sievesOf returns the sieves matches uses for a text of language ld
// against a source with the matches src.
func sievesOf(l *Linter, ld *langData, src []glossary.Match) []*sieve {
	ss := []*sieve{ld.sieve}
	var forms []string
	for _, m := range src {
		for _, f := range m.Entry.Terms[ld.code] {
			forms = append(forms, f.Text)
		}
	}
	if own := newSieve(l.skeletons, forms, ld.grams); len(forms) > 0 && own != nil {
		ss = append(ss, own)
	}
	return ss
}

// sameMatches fails the test when two lists of matches differ.
func sameMatches(t *testing.T, text string, got, want []glossary.Match) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%q: %d matches, want %d", text, len(got), len(want))
	}
	for k := range got {
		a, b := got[k], want[k]
		if a.Entry != b.Entry || a.Start != b.Start || a.End != b.End || a.Line != b.Line || a.Col != b.Col || a.CaseMismatch != b.CaseMismatch || a.Form != b.Form {
			t.Fatalf("%q: match %d is %+v, want %+v", text, k, a, b)
		}
	}
}

// TestSievedMatchesFindAll checks that matching the lines the sieves
// flag finds every match the rules look at that matching the whole text
// finds, exactly.
func TestSievedMatchesFindAll(t *testing.T) {
	lineCount, flagged := 0, 0 // bytes
	for seed := range uint64(6) {
		g, texts := trickyGlossary(t, seed)
		l, err := New(Options{Glossary: g})
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "id", "th"} {
			ld := l.lang(lang)
			if ld.matcher == nil || ld.sieve == nil {
				continue
			}
			for i, text := range texts {
				src := ld.matcher.FindAll(texts[(i+1)%len(texts)])
				inSrc := map[*glossary.Entry]bool{}
				for _, m := range src {
					inSrc[m.Entry] = true
				}
				relevant := func(m glossary.Match) bool {
					return m.Form.Status == glossary.Forbidden || m.Entry.CaseSensitive || inSrc[m.Entry]
				}
				// a source is matched through the sieve of all forms
				all := ld.matcher.FindAll(text)
				so := l.source(Doc{Path: fmt.Sprint(seed, lang, i), Lang: lang, Text: text})
				sameMatches(t, text, so.glossaryMatches(l), all)
				if a := l.allSieve(ld); a != nil {
					sameMatches(t, text, matchSpans(l.skeletons, []*sieve{a}, ld.breakers, ld.matcher, so.page), all)
				}
				var want, got []glossary.Match
				for _, m := range all {
					if relevant(m) {
						want = append(want, m)
					}
				}
				lineCount += len(text)
				for _, sp := range spans(l.skeletons, []*sieve{ld.sieve}, ld.breakers, text) {
					flagged += sp[1] - sp[0]
				}
				for _, m := range l.matches(ld, newPage(Doc{Text: text}, ld.code), src) {
					if relevant(m) {
						got = append(got, m)
					}
				}
				sameMatches(t, text, got, want)
				// and the spans alone, whatever the text
				got = got[:0]
				for _, m := range matchSpans(l.skeletons, sievesOf(l, ld, src), ld.breakers, ld.matcher, newPage(Doc{Text: text}, ld.code)) {
					if relevant(m) {
						got = append(got, m)
					}
				}
				sameMatches(t, text, got, want)
			}
		}
	}
	if flagged == lineCount {
		t.Errorf("the sieves flagged all %d bytes: the test checks nothing", lineCount)
	}
	t.Logf("the sieves flagged %d of %d bytes", flagged, lineCount)
}
