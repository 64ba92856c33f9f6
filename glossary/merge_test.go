package glossary

import (
	"errors"
	"strings"
	"testing"
)

// csvGlossary parses a CSV glossary named name, or fails the test.
func csvGlossary(t *testing.T, name, text string) *Glossary {
	t.Helper()
	g, err := Parse(strings.NewReader(text), name, ParseOptions{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestMerge(t *testing.T) {
	const house = "en,vi,id\nBelt and Road Initiative|!OBOR,Sáng kiến Vành đai và Con đường,Inisiatif Sabuk dan Jalan\nChina-ASEAN Expo,Hội chợ Trung Quốc - ASEAN,\n"
	tests := []struct {
		name    string
		other   string
		entries int    // entries of the merged glossary
		err     string // the conflict, if any
	}{
		{name: "disjoint", other: "en,th\nNanning,หนานหนิง\n", entries: 3},
		{name: "identical entry dropped", other: "en,vi\nChina-ASEAN Expo,Hội chợ Trung Quốc - ASEAN\nNanning,Nam Ninh\n", entries: 3},
		{name: "equivalent apart from case dropped", other: "en,vi\nchina-asean expo,hội chợ trung quốc - asean\n", entries: 2},
		{name: "same source, other languages", other: "en,th\nChina-ASEAN Expo,งานแสดงสินค้าจีน-อาเซียน\n", entries: 3},
		{
			name: "different preferred target", other: "en,vi\nChina-ASEAN Expo,Hội chợ Trung Quốc-ASEAN\n",
			err: `b.csv:2: glossary conflict on en "China-ASEAN Expo" with a.csv:3: vi "Hội chợ Trung Quốc-ASEAN" here, "Hội chợ Trung Quốc - ASEAN" there`,
		},
		{
			name: "forbids what the other prefers", other: "en,th\n!Belt and Road Initiative|BRI,ข้อริเริ่มแถบและเส้นทาง\n",
			err: `b.csv:2: glossary conflict on en "Belt and Road Initiative" with a.csv:2: forbidden here, accepted there`,
		},
		{
			name: "prefers what the other forbids", other: "en\nOBOR\n",
			err: `b.csv:2: glossary conflict on en "OBOR" with a.csv:2: accepted here, forbidden there`,
		},
		{name: "both forbid", other: "en,th\n!OBOR|Belt and Road,ข้อริเริ่มแถบและเส้นทาง\n", entries: 3},
		{
			name: "shared target form", other: "en,id\nBelt and Road,Inisiatif Sabuk dan Jalan\n",
			err: `b.csv:2: glossary conflict on id "Inisiatif Sabuk dan Jalan" with a.csv:2: en "Belt and Road" here, "Belt and Road Initiative" there`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := csvGlossary(t, "a.csv", house)
			b := csvGlossary(t, "b.csv", tt.other)
			g, err := Merge(a, b)
			if tt.err != "" {
				var ce *ConflictError
				if !errors.As(err, &ce) {
					t.Fatalf("error %v, want a *ConflictError", err)
				}
				if err.Error() != tt.err {
					t.Errorf("error\n got %s\nwant %s", err, tt.err)
				}
				if ce.First.File != "a.csv" || ce.Second.File != "b.csv" {
					t.Errorf("conflict places %s and %s", ce.First, ce.Second)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Entries) != tt.entries {
				t.Errorf("%d entries, want %d:\n%s", len(g.Entries), tt.entries, dump(g))
			}
			if len(g.Files) != 2 || g.Files[0] != "a.csv" || g.Files[1] != "b.csv" {
				t.Errorf("files %q", g.Files)
			}
		})
	}
}

func TestMergeKeepsConflictsWithinOneFile(t *testing.T) {
	a := csvGlossary(t, "a.csv", "en,min\na,a\na,sabuah\n")
	g, err := Merge(a, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 {
		t.Errorf("%d entries, want 2", len(g.Entries))
	}
	if g, err := Merge(); err != nil || g.Len() != 0 {
		t.Errorf("Merge() = %v, %v", g, err)
	}
	if g, err := Merge(nil, a); err != nil || g.Len() != 2 {
		t.Errorf("Merge(nil, a) = %v, %v", g, err)
	}
}

func TestMergeCaseSensitive(t *testing.T) {
	a := csvGlossary(t, "a.csv", "en,vi,case\nASEAN,ASEAN,yes\n")
	b := csvGlossary(t, "b.csv", "en,vi,case\nAsean,Hiệp hội,yes\n")
	if _, err := Merge(a, b); err != nil {
		t.Errorf("case-sensitive entries of different case conflict: %v", err)
	}
	c := csvGlossary(t, "c.csv", "en,vi\nAsean,Hiệp hội\n")
	if _, err := Merge(a, c); err == nil {
		t.Error("a case-insensitive entry sharing the form does not conflict")
	}
}
