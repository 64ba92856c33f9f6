package lint

import (
	"math/bits"
	"strings"

	"github.com/juru-cli/juru/internal/script"
	"github.com/juru-cli/juru/internal/zawgyi"
)

// scripts reports the blocks of p that are not mostly in the script of
// its language, as script.Check judges them: Latin in a Thai file, Thai
// in a Khmer file, Simplified Chinese in a Traditional one, kana in
// Chinese, a long Vietnamese paragraph without a diacritic. Languages the
// registry does not know are not checked.
//
// Most blocks are plainly fine, and a quick count (see letters.sure)
// tells so without profiling them; script.Check judges the others.
func (l *Linter) scripts(p *page, ld *langData) []Finding {
	if !ld.known {
		return nil
	}
	want, ok := script.FromCode(ld.info.Script)
	if !ok {
		return nil
	}
	text := p.doc.Text
	var unsure []block
	whole := false
	for _, b := range p.blocks {
		if b.kind == code {
			continue
		}
		s := text[b.start:b.end]
		if l.letters.sure(s, want, ld.code == "vi") {
			continue
		}
		if b.kind == front || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "+++") {
			whole = true
		}
		unsure = append(unsure, b)
	}
	if len(unsure) == 0 {
		return nil
	}
	opts := script.Options{Registry: l.reg}
	var out []Finding
	if whole || 2*len(unsure) > len(p.blocks) {
		fs, err := script.Check(text, ld.code, opts)
		if err != nil {
			return nil
		}
		for _, f := range fs {
			out = append(out, l.finding(ScriptWrong, p, f.Start, f.End, f.Message))
		}
		return out
	}
	for _, b := range unsure {
		fs, err := script.Check(text[b.start:b.end], ld.code, opts)
		if err != nil {
			return nil
		}
		for _, f := range fs {
			out = append(out, l.finding(ScriptWrong, p, b.start+f.Start, b.start+f.End, f.Message))
		}
	}
	return out
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
// (U+1000 to U+109F, encoded E1 80 80 to E1 82 BF): a byte E1 followed
// by one from 80 to 82. From the first E1 on (most texts have none),
// eight places are tested at a time, for the bytes E1 and 80 to 83 after
// it; the few that pass are looked at.
func hasMyanmar(s string) bool {
	i := strings.IndexByte(s, 0xE1)
	if i < 0 {
		return false
	}
	for ; i+9 <= len(s); i += 8 {
		m := zeroBytes(load64(s[i:])^0xE1E1E1E1E1E1E1E1) & zeroBytes(load64(s[i+1:])&0xFCFCFCFCFCFCFCFC^0x8080808080808080)
		for ; m != 0; m &= m - 1 {
			if s[i+bits.TrailingZeros64(m)/8+1] <= 0x82 {
				return true
			}
		}
	}
	for ; i+1 < len(s); i++ {
		if s[i] == 0xE1 && s[i+1]-0x80 < 3 {
			return true
		}
	}
	return false
}
