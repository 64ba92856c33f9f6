package glossary

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// oneLang builds a glossary of entries in one language "xx": each entry is
// a '|'-separated list of forms, "*" in front for a case-sensitive entry.
func oneLang(entries ...string) *Glossary {
	g := &Glossary{}
	for i, spec := range entries {
		e := &Entry{ID: fmt.Sprint(i + 1), Terms: map[string][]Form{}}
		if strings.HasPrefix(spec, "*") {
			e.CaseSensitive, spec = true, spec[1:]
		}
		for j, f := range strings.Split(spec, "|") {
			st := Admitted
			switch {
			case strings.HasPrefix(f, "!"):
				st, f = Forbidden, f[1:]
			case j == 0:
				st = Preferred
			}
			e.Terms["xx"] = append(e.Terms["xx"], Form{Text: f, Status: st})
		}
		g.Entries = append(g.Entries, e)
	}
	return g
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name    string
		entries []string
		text    string
		want    string // entry:text@line:col, space-separated; (case) marks a mismatch
	}{
		{"leftmost-longest", []string{"ASEAN", "China-ASEAN Expo"}, "The China-ASEAN Expo and ASEAN.", "2:China-ASEAN Expo@1:5 1:ASEAN@1:26"},
		{"no overlaps", []string{"Belt and Road Initiative", "Initiative Fund"}, "Belt and Road Initiative Fund; Initiative Fund", "1:Belt and Road Initiative@1:1 2:Initiative Fund@1:32"},
		{"word boundaries", []string{"ASEAN", "Road"}, "ASEANs, ASEAN's, Roads, Road-map, railroad", "1:ASEAN@1:9 2:Road@1:25"},
		{"case folding", []string{"Belt and Road Initiative"}, "the BELT AND ROAD initiative", "1:BELT AND ROAD initiative@1:5"},
		{"case-sensitive entry", []string{"*ASEAN"}, "ASEAN, Asean, asean", "1:ASEAN@1:1 1:Asean@1:8(case) 1:asean@1:15(case)"},
		{"case-sensitive variants", []string{"*ASEAN|!Asean"}, "Asean and ASEAN", "1:Asean@1:1 1:ASEAN@1:11"},
		{"Thai without word boundaries", []string{"อาเซียน"}, "ประชาคมอาเซียนได้ก่อตั้ง", "1:อาเซียน@1:8"},
		{"Khmer with zero-width spaces", []string{"អាស៊ាន"}, "សហគមន៍\u200bអាស៊ាន\u200bបាន", "1:អាស៊ាន@1:8"},
		{"Han", []string{"东盟", "中国—东盟博览会"}, "第18届中国—东盟博览会在南宁开幕，东盟各国", "2:中国—东盟博览会@1:5 1:东盟@1:19"},
		{"dotted capital I keeps later columns", []string{"ASEAN"}, "İİİ İzmir ASEAN", "1:ASEAN@1:11"},
		{"dotted capital I folds apart from i", []string{"izmir", "İzmir"}, "İZMIR İZMİR izmir i̇zmir", "2:İZMIR@1:1 1:izmir@1:13 2:i̇zmir@1:19"},
		{"sharp s", []string{"Straße"}, "STRASSE strasse Straße", "1:STRASSE@1:1 1:strasse@1:9 1:Straße@1:17"},
		{"decomposed Vietnamese", []string{"Hội chợ Trung Quốc - ASEAN"}, "Ho\u0302\u0323i cho\u031b\u0323 Trung Quo\u0302\u0301c - ASEAN", "1:Ho\u0302\u0323i cho\u031b\u0323 Trung Quo\u0302\u0301c - ASEAN@1:1"},
		{"decomposed form", []string{"Ho\u0302\u0323i"}, "Hội", "1:Hội@1:1"},
		{"no match inside a combining sequence", []string{"e"}, "e\u0301 e", "1:e@1:4"},
		{"lines and columns", []string{"Expo"}, "Hội chợ\r\nthe Expo\n\nĐổi Expo", "1:Expo@2:5 1:Expo@4:5"},
		{"invalid UTF-8 around", []string{"Expo"}, "\xff\xfeExpo\xff Expo", "1:Expo@1:3 1:Expo@1:9"},
		{"empty text", []string{"Expo"}, "", ""},
		{"blank form ignored", []string{" ", "Expo"}, "  Expo", "2:Expo@1:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMatcher(oneLang(tt.entries...), "xx")
			var got []string
			for _, x := range m.FindAll(tt.text) {
				s := fmt.Sprintf("%s:%s@%d:%d", x.Entry.ID, x.Text(tt.text), x.Line, x.Col)
				if x.CaseMismatch {
					s += "(case)"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
			sameMatches(t, m, tt.text)
		})
	}
}

func TestMatcherBasics(t *testing.T) {
	if ms := NewMatcher(&Glossary{}, "en").FindAll("text"); ms != nil {
		t.Errorf("empty glossary: %v", ms)
	}
	m := NewMatcher(oneLang("a|b", "c"), "xx")
	if m.Lang() != "xx" || m.Len() != 3 {
		t.Errorf("Lang %q, Len %d", m.Lang(), m.Len())
	}
	if ms := NewMatcher(oneLang("a"), "en").FindAll("a"); ms != nil {
		t.Errorf("other language: %v", ms)
	}
}

func TestFindAllConcurrent(t *testing.T) {
	m := NewMatcher(oneLang("ASEAN", "China-ASEAN Expo", "อาเซียน"), "xx")
	texts := []string{"The China-ASEAN Expo", "ประชาคมอาเซียน", strings.Repeat("ASEAN ", 1000), "Ho\u0302\u0323i ASEAN"}
	want := make([]int, len(texts))
	for i, s := range texts {
		want[i] = len(m.FindAll(s))
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				k := (w + i) % len(texts)
				if n := len(m.FindAll(texts[k])); n != want[k] {
					t.Errorf("text %d: %d matches, want %d", k, n, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}
