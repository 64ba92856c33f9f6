package lint

import (
	"fmt"
	"testing"

	"github.com/juru-cli/juru/glossary"
)

func TestSmoke(t *testing.T) {
	g, err := glossary.LoadFile("testdata/terms.csv", glossary.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := New(Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	src := Doc{Path: "a.md", Lang: "en", Text: "# China-ASEAN Expo opens in Nanning\n\nThe 18th China-ASEAN Expo opened in Nanning on 10 September 2021, with 1,500 exhibitors.\n\nThe Belt and Road Initiative was discussed. The Belt and Road Initiative will bring 34.35 billion dollars.\n\nOne more paragraph here about things.\n"}
	tgt := Doc{Path: "a.id.md", Lang: "id", Text: "# China-ASEAN Expo dibuka di Nanning\n\nChina-ASEAN Expo ke-18 dibuka di Nanning pada 10 September 2021, dengan 1.600 peserta pameran dari Asean.\n\nSatu Sabuk Satu Jalan dibahas. Inisiatif Sabuk dan Jalan akan membawa 34,35 miliar dolar.\n"}
	for _, f := range l.CheckPair(src, tgt) {
		fmt.Printf("%d:%d-%d:%d %s %s: %s [%s] rel=%v\n", f.Line, f.Col, f.EndLine, f.EndCol, f.Severity, f.Rule, f.Message, f.Suggestion, f.Related)
	}
	r := l.Fix(tgt)
	fmt.Printf("%q\n%+v\n", r.Text, r.Edits)
}
