package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestHostileGlossaries(t *testing.T) {
	t.Run("100,000 entries", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString("en,vi,note\n")
		for i := range 100000 {
			fmt.Fprintf(&b, "Term number %d,Thuật ngữ số %d,\"=HYPERLINK(\"\"x%d\"\")\"\n", i, i, i)
		}
		g, err := Parse(&b, "big.csv", ParseOptions{Format: CSV})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Entries) != 100000 {
			t.Fatalf("%d entries", len(g.Entries))
		}
		m := NewMatcher(g, "en")
		ms := m.FindAll("see term number 99999, not term number 100000.")
		if len(ms) != 1 || ms[0].Entry != g.Entries[99999] {
			t.Errorf("matches %+v", ms)
		}
		if got := g.Entries[12].Notes["note"]; got != `=HYPERLINK("x12")` {
			t.Errorf("formula note %q", got)
		}
	})
	t.Run("huge cells", func(t *testing.T) {
		long := strings.Repeat("Belt and Road ", MaxFormBytes/14+1)
		_, err := Parse(strings.NewReader("en,vi\n\""+long+"\",x\n"), "huge.csv", ParseOptions{Format: CSV})
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Pos.Line != 2 || !strings.Contains(err.Error(), "more than the limit of 4096") {
			t.Errorf("error %v", err)
		}
		// A huge note is text like any other.
		note := strings.Repeat("x", 1<<20)
		g, err := Parse(strings.NewReader("en,vi,note\nExpo,Hội chợ,"+note+"\n"), "huge.csv", ParseOptions{Format: CSV})
		if err != nil || len(g.Entries[0].Notes["note"]) != 1<<20 {
			t.Errorf("huge note: %v", err)
		}
		_, err = Parse(strings.NewReader(tbx("<conceptEntry><langSec xml:lang=\"en\"><termSec><term>"+long+"</term></termSec></langSec></conceptEntry>")), "huge.tbx", ParseOptions{Format: TBX})
		if !errors.As(err, &pe) {
			t.Errorf("huge TBX term: %v", err)
		}
	})
	t.Run("a cell of many forms", func(t *testing.T) {
		var forms []string
		for i := range 20000 {
			forms = append(forms, fmt.Sprintf("form %d", i%15000))
		}
		g, err := Parse(strings.NewReader("en,vi\n\""+strings.Join(forms, "|")+"\",x\n"), "many.csv", ParseOptions{Format: CSV})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(g.Entries[0].Terms["en"]); n != 15000 {
			t.Errorf("%d forms kept, want 15000", n)
		}
		_, err = Parse(strings.NewReader("en\n"+strings.Join(forms, "|")+"|!form 14999\n"), "many.csv", ParseOptions{Format: CSV})
		if err == nil || !strings.Contains(err.Error(), `form "form 14999" is both accepted and forbidden`) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("binary", func(t *testing.T) {
		data := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
		for _, f := range []Format{Auto, CSV, TSV, TBX} {
			_, err := Parse(bytes.NewReader(data), "x.png", ParseOptions{Format: f})
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pos.Line != 1 {
				t.Errorf("%v: error %v", f, err)
			}
		}
	})
	t.Run("deep XML", func(t *testing.T) {
		deep := strings.Repeat("<x>", 100000) + strings.Repeat("</x>", 100000)
		g, err := Parse(strings.NewReader("<tbx>"+deep+"</tbx>"), "deep.tbx", ParseOptions{Format: TBX})
		if err != nil || g.Len() != 0 {
			t.Errorf("deep XML: %v, %d entries", err, g.Len())
		}
	})
}
