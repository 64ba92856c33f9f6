package glossary

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		cols   []string
		max    int64
		in     string
		want   string
	}{
		{name: "empty file", in: "", want: "t: empty file"},
		{name: "blank file", in: " \n\t\n", want: "t: empty file"},
		{name: "unterminated quote", format: CSV, in: "en,vi\n\"Expo,Hội chợ\n", want: "t:2:14: malformed CSV: extraneous or missing \" in quoted-field"},
		{name: "bare quote", format: CSV, in: "en,vi\nHội \"chợ\",x\n", want: "t:2:5: malformed CSV: bare \" in non-quoted-field"},
		{name: "unknown tag", format: CSV, in: "en,xx\na,b\n", want: `t:1:4: unknown language tag "xx" in header`},
		{name: "tag with suggestion", format: CSV, in: "en,thaii\n", want: `t:1:4: unknown language tag "thaii" in header (did you mean "th"?)`},
		{name: "misspelt language name", format: CSV, in: "Englsh,Vietnamese\n", want: `t:1:1: unknown language tag "Englsh" in header (did you mean "en"?)`},
		{name: "special code", format: CSV, in: "en,und\n", want: `t:1:4: unknown language tag "und" in header`},
		{name: "duplicate language", format: CSV, in: "en,vi,en-US\n", want: `t:1:7: duplicate column "en-US" (language en), already column 1`},
		{name: "duplicate note", format: CSV, in: "en,note,Note\n", want: `t:1:9: duplicate column "Note", already column 2`},
		{name: "no language column", format: CSV, in: "note,comment\na,b\n", want: "t:1:1: no language column in the header (name columns by BCP 47 tags such as en, id, vi)"},
		{name: "more cells than the header", format: CSV, in: "en,vi\nExpo,Hội chợ,extra\n", want: "t:2:14: row has more cells than the header (2 columns)"},
		{name: "text under an empty header", format: CSV, in: "en,,vi\nExpo,x,Hội chợ\n", want: "t:2:6: text in column 2, which has no header"},
		{name: "invalid UTF-8", format: CSV, in: "en,vi\nExpo,Hội ch\xff\n", want: "t:2:12: invalid UTF-8 (a glossary must be UTF-8, or UTF-16 with a byte-order mark)"},
		{name: "GBK text", format: CSV, in: "en,zh-Hans\nExpo,\xb2\xa9\xc0\xc0\xbb\xe1\n", want: "t:2:6: invalid UTF-8 (a glossary must be UTF-8, or UTF-16 with a byte-order mark)"},
		{name: "NUL byte", format: CSV, in: "en,vi\nEx\x00po,x\n", want: "t:2:3: NUL byte (binary data, not a text glossary)"},
		{name: "empty form", format: CSV, in: "en,vi\nASEAN||Asean,x\n", want: `t:2:1: empty form in "ASEAN||Asean"`},
		{name: "trailing separator", format: TSV, in: "en\tvi\nx\tASEAN |\n", want: `t:2:3: empty form in "ASEAN |"`},
		{name: "lone mark", format: CSV, in: "en,vi\nx, ! \n", want: `t:2:4: empty form in "! "`},
		{name: "accepted and forbidden", format: CSV, in: "en\nASEAN|!Asean\n", want: `t:2:1: form "Asean" is both accepted and forbidden`},
		{name: "bad case value", format: CSV, in: "en,vi,case\nASEAN,ASEAN,maybe\n", want: `t:2:13: case column holds "maybe", want yes or no`},
		{name: "pair without language", format: CSV, in: "sourceLang,targetLang,sourceString,targetString\nen,,a,b\n", want: "t:2:4: missing language"},
		{name: "pair with unknown language", format: CSV, in: "sourceLang,targetLang,sourceString,targetString\nen,klingon,a,b\n", want: `t:2:4: unknown language tag "klingon"`},
		{name: "pair of one language", format: CSV, in: "sourceLang,targetLang,sourceString,targetString\nen,en-GB,a,b\n", want: "t:2: source and target language are both en"},
		{name: "given columns", format: TSV, cols: []string{"en", "qq"}, in: "a\tb\n", want: `t: column 2 of the given columns: unknown language tag "qq" in header`},
		{name: "too large", format: CSV, max: 10, in: "en,vi\nExpo,Hội chợ\n", want: "t: larger than the limit of 10 bytes"},
		{name: "TBX with columns", format: TBX, cols: []string{"en"}, in: "<tbx/>", want: "t: columns cannot be given for a TBX file"},
		{name: "huge cell in a message", format: CSV, in: "en\n" + strings.Repeat("x", 100) + "||y\n", want: `t:2:1: empty form in "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tt.in), "t", ParseOptions{Format: tt.format, Columns: tt.cols, MaxBytes: tt.max})
			if err == nil {
				t.Fatalf("no error; loaded\n%s", dump(g))
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pos.File != "t" {
				t.Errorf("error %T is not a *ParseError naming the file", err)
			}
		})
	}
}

func TestParseErrorUnwrapsCSV(t *testing.T) {
	_, err := Parse(strings.NewReader("en\n\"x\n"), "t", ParseOptions{Format: CSV})
	if !errors.Is(err, csv.ErrQuote) {
		t.Errorf("error %v does not wrap csv.ErrQuote", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "en\tvi\nExpo\tHội chợ\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		path string
		want string // the first entry's English form, or the error
	}{
		{"csv by extension", write("a.csv", []byte("en,vi\nExpo\tx,y\n")), "Expo\tx"},
		{"tsv by extension", write("a.tsv", []byte("en\tvi\nExpo,x\ty\n")), "Expo,x"},
		{"tab by extension", write("a.tab", []byte("en\tvi\nExpo\ty\n")), "Expo"},
		{"txt sniffed as TSV", write("a.txt", []byte("en\tvi\nExpo\ty\n")), "Expo"},
		{"txt sniffed as CSV", write("b.txt", []byte("en,vi\nExpo,y\n")), "Expo"},
		{"no extension, TBX content", write("terms", []byte(`<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>Expo</term></tig></langSet></termEntry></body></text></martif>`)), "Expo"},
		{"xml by extension", write("a.xml", []byte(`<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>Expo</term></termSec></langSec></conceptEntry></body></text></tbx>`)), "Expo"},
		{"UTF-16 with byte-order mark", write("u16.txt", utf16), "Expo"},
		{"folder", dir, dir + ": is a folder, not a glossary file"},
		{"missing", filepath.Join(dir, "missing.csv"), "glossary: stat " + filepath.Join(dir, "missing.csv") + ": no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load(tt.path)
			got := ""
			if err != nil {
				got = err.Error()
			} else if len(g.Entries) > 0 {
				got = g.Entries[0].Terms["en"][0].Text
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "missing.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v is not fs.ErrNotExist", err)
	}
}

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]Format{
		"a.csv": CSV, "A.CSV": CSV, "a.tsv": TSV, "a.tab": TSV, "a.tbx": TBX, "a.xml": TBX, "a.txt": Auto, "a": Auto,
	} {
		if got := FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestLanguageNamesInHeader(t *testing.T) {
	g, err := Parse(strings.NewReader("English,Vietnamese\nChina-ASEAN Expo,Hội chợ Trung Quốc - ASEAN\n"), "t", ParseOptions{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(g.Langs(), ","); got != "en,vi" {
		t.Errorf("columns read as %s, want en,vi", got)
	}
}
