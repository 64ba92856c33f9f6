package script

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUntranslated(t *testing.T) {
	src := "# China-ASEAN Expo opens\n\n" +
		"The fair opened in Nanning on Friday.\n\n" +
		"Joko Widodo, Lee Hsien Loong\n\n" +
		"2021-09-10\n\n" +
		"https://example.com/news\n\n" +
		"`juru check`\n\n" +
		"Organisers expect fifty\nthousand visitors.\n\n" +
		"Vie\u0302\u0323t Nam and the region."
	tests := []struct {
		name, tgt, srcLang, tgtLang string
		wantLines                   []int
		wantSrc                     []int
	}{
		{name: "translated", tgt: "งานเปิดที่หนานหนิง\n\nผู้จัดงานคาดว่าจะมีผู้เข้าชม", srcLang: "en", tgtLang: "th"},
		{name: "left in english", tgt: "งานเปิด\n\nThe fair opened in Nanning on Friday.", srcLang: "en", tgtLang: "th",
			wantLines: []int{3}, wantSrc: []int{3}},
		{name: "heading kept", tgt: "# China-ASEAN Expo opens\n\nPameran dibuka.", srcLang: "en", tgtLang: "id",
			wantLines: []int{1}, wantSrc: []int{1}},
		{name: "names numbers urls code excluded", tgt: "Joko Widodo, Lee Hsien Loong\n\n2021-09-10\n\nhttps://example.com/news\n\n`juru check`", srcLang: "en", tgtLang: "id"},
		{name: "rewrapped and padded", tgt: "  Organisers expect fifty thousand\r\n visitors.  ", srcLang: "en", tgtLang: "ms",
			wantLines: []int{1}, wantSrc: []int{13}},
		{name: "nfc", tgt: "Việt Nam and the region.", srcLang: "en", tgtLang: "vi",
			wantLines: []int{1}, wantSrc: []int{16}},
		{name: "changed paragraph", tgt: "The fair opened in Nanning on Saturday.", srcLang: "en", tgtLang: "id"},
		{name: "same language", tgt: "The fair opened in Nanning on Friday.", srcLang: "en", tgtLang: "en"},
		{name: "same language other spelling", tgt: "The fair opened in Nanning on Friday.", srcLang: "en-US", tgtLang: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Untranslated(src, tt.tgt, tt.srcLang, tt.tgtLang)
			var lines, srcLines []int
			for _, f := range got {
				lines = append(lines, f.Line)
				srcLines = append(srcLines, f.SourceLine)
				if f.Kind != Identical || f.Message == "" || f.Lang != tt.tgtLang {
					t.Errorf("bad finding %+v", f)
				}
				if f.Start < 0 || f.End > len(tt.tgt) || f.Start >= f.End {
					t.Errorf("finding out of range: %+v", f)
				}
			}
			if d := cmp.Diff(tt.wantLines, lines); d != "" {
				t.Errorf("target lines (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.wantSrc, srcLines); d != "" {
				t.Errorf("source lines (-want +got):\n%s", d)
			}
		})
	}
}

// TestUntranslatedFLORES compares aligned FLORES-200 files: a file against
// itself reports every line (none is names alone), a file against its
// translation none.
func TestUntranslatedFLORES(t *testing.T) {
	dir := sharedDir(t, "corpus/flores200-devtest")
	read := func(name string) string {
		b := readLines(t, dir+"/"+name+".devtest")
		out := ""
		for _, l := range b {
			out += l + "\n\n"
		}
		return out
	}
	eng, ind := read("eng_Latn"), read("ind_Latn")
	if got := Untranslated(eng, ind, "en", "id"); len(got) != 0 {
		t.Errorf("eng/ind: %d identical paragraphs, first at line %d", len(got), got[0].Line)
	}
	got := Untranslated(eng, eng, "en", "id")
	t.Logf("eng against itself: %d of 1012 paragraphs reported", len(got))
	if len(got) != 1012 {
		t.Errorf("eng against itself: %d of 1012 reported", len(got))
	}
}
