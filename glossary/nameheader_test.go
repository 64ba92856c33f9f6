package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestColumnsFromName(t *testing.T) {
	for name, want := range map[string][]string{
		"en_tet.tsv":            {"en", "tet"},
		"/x/y/en_th.csv":        {"en", "th"},
		"en_zh-Hans.tsv":        {"en", "zh-Hans"},
		"en_bts.tsv":            {"en", "bts"},
		"terms.csv":             nil,
		"en_th_extra.tsv":       nil,
		"_th.tsv":               nil,
		"en_.tsv":               nil,
		"house_terms.csv":       nil,
		"en_und.tsv":            nil,
		"covid-19.lex.en_XX":    nil,
		"en_th":                 {"en", "th"},
		"glossary_2026-11.csv":  nil,
		"desk-terms_final.tsv":  nil,
		"en_Vietnamese.tsv":     {"en", "Vietnamese"},
		"en_thai_vi.tsv":        nil,
		"../a_b/en_tet.tsv.bak": nil,
	} {
		if got := ColumnsFromName(name); !slices.Equal(got, want) {
			t.Errorf("ColumnsFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLoadHeaderlessByName(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	g, err := Load(write("en_tet.tsv", "a little\tuitoan\nBelt and Road Initiative\tInisiativa Faixa no Dalan\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries) != 2 || g.Entries[0].Terms["en"][0].Text != "a little" || g.Entries[1].Terms["tet"][0].Text != "Inisiativa Faixa no Dalan" {
		t.Fatalf("entries %+v", g.Entries)
	}
	if g.Entries[0].Pos.Line != 1 {
		t.Errorf("the first row is an entry at line 1, not %d", g.Entries[0].Pos.Line)
	}
	// a file of that name with a header reads it as a header
	g, err = Load(write("en_th.csv", "en,th\nASEAN,อาเซียน\n"))
	if err != nil || len(g.Entries) != 1 {
		t.Fatalf("with a header: %v, %d entries", err, len(g.Entries))
	}
	// without a header and without languages in the name: the header's error
	_, err = Load(write("terms.tsv", "a little\tuitoan\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Pos.Line != 1 {
		t.Fatalf("error %v", err)
	}
	// a name with languages does not hide an error of three columns
	_, err = Load(write("en_vi.tsv", "one\tmột\tnote\n"))
	if !errors.As(err, &pe) || pe.Pos.Line != 1 {
		t.Fatalf("three columns, two languages in the name: error %v", err)
	}
}
