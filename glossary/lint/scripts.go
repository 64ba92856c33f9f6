package lint

import (
	"strings"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/script"
	"github.com/juru-cli/juru/internal/zawgyi"
)

// scripts reports the blocks of p that are not mostly in the script of
// its language (script.Check): Latin in a Thai file, Thai in a Khmer
// file, Simplified Chinese in a Traditional one, kana in Chinese, a long
// Vietnamese paragraph without a diacritic. Languages the registry does
// not know are not checked.
func (l *Linter) scripts(p *page, ld *langData) []Finding {
	if !ld.known {
		return nil
	}
	fs, err := script.Check(p.doc.Text, ld.code, script.Options{Registry: l.reg})
	if err != nil {
		return nil
	}
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, l.finding(ScriptWrong, p, f.Start, f.End, f.Message))
	}
	return out
}

// untranslated reports the blocks of the translation that repeat a block
// of the source (script.Untranslated); Related spans that source block.
func (pr *pair) untranslated() []Finding {
	fs := script.Untranslated(pr.src.doc.Text, pr.tgt.doc.Text, pr.sl.code, pr.tl.code)
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		g := pr.l.finding(ScriptWrong, pr.tgt, f.Start, f.End, f.Message)
		if off, ok := pr.src.offset(f.SourceLine, f.SourceCol); ok {
			end := off
			if b := pr.src.blockAt(off); b >= 0 && pr.src.blocks[b].end > off {
				end = pr.src.blocks[b].end
			}
			rel := pr.src.loc(off, end)
			g.Related = &rel
		}
		out = append(out, g)
	}
	return out
}

// offset returns the byte offset of a 1-based line and character column.
func (p *page) offset(line, col int) (int, bool) {
	if line < 1 || line > len(p.nl)+1 || col < 1 {
		return 0, false
	}
	off := 0
	if line > 1 {
		off = p.nl[line-2] + 1
	}
	for c := 1; c < col; c++ {
		if off >= len(p.doc.Text) {
			return 0, false
		}
		_, n := utf8.DecodeRuneInString(p.doc.Text[off:])
		off += n
	}
	return off, true
}

// zawgyi reports the blocks holding Burmese in the Zawgyi encoding, as
// zawgyi.Detect judges each block on its own. Blocks whose characters read
// alike in both encodings are left alone.
func (l *Linter) zawgyi(p *page) []Finding {
	var out []Finding
	for _, b := range p.blocks {
		s := p.doc.Text[b.start:b.end]
		if b.kind == code || !hasMyanmar(s) {
			continue
		}
		if zawgyi.Detect(s).IsZawgyi() {
			out = append(out, l.finding(EncodingZawgyi, p, b.start, b.end, "Burmese in the legacy Zawgyi encoding instead of Unicode"))
		}
	}
	return out
}

// hasMyanmar reports whether s holds a character of the Myanmar block
// (U+1000 to U+109F, encoded E1 80 80 to E1 82 BF).
func hasMyanmar(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xE1)
		if k < 0 || i+k+1 >= len(s) {
			return false
		}
		i += k + 1
		if c := s[i]; c >= 0x80 && c <= 0x82 {
			return true
		}
	}
}
