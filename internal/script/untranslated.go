package script

import (
	"fmt"
	"strings"

	"github.com/juru-cli/juru/internal/lang"
	"golang.org/x/text/unicode/norm"
)

// Untranslated reports the paragraphs of the translation tgt that repeat a
// paragraph of the source src unchanged: equal once both are in NFC,
// trimmed, and with every run of white space (line breaks included) made
// one space. Paragraphs that hold only names, acronyms, numbers, URLs,
// e-mail addresses or code are left out, and so is everything when both
// codes name the same language. The findings have Kind Identical and
// locate the repeated source paragraph in SourceLine and SourceCol.
func Untranslated(src, tgt, srcLang, tgtLang string) []Finding {
	if sameLanguage(srcLang, tgtLang) {
		return nil
	}
	type pos struct{ line, col int }
	seen := map[string]pos{}
	for _, p := range blocks(src) {
		k := paragraphKey(src[p.start:p.end])
		if _, ok := seen[k]; !ok {
			seen[k] = pos{p.line, p.col}
		}
	}
	var out []Finding
	for _, p := range blocks(tgt) {
		sp, ok := seen[paragraphKey(tgt[p.start:p.end])]
		if !ok {
			continue
		}
		c := profileProse(tgt[p.start:p.end], p.frontMatter)
		if c.Total() == 0 || c.NamesOnly() {
			continue
		}
		got, n := c.Dominant()
		out = append(out, Finding{
			Kind: Identical, Start: p.start, End: p.end, Line: p.line, Col: p.col,
			Lang: tgtLang, Found: got, FoundShare: float64(n) / float64(c.Total()),
			Letters: c.Total(), SourceLine: sp.line, SourceCol: sp.col,
			Message: fmt.Sprintf("paragraph identical to the source paragraph at line %d: left untranslated", sp.line),
		})
	}
	return out
}

// paragraphKey normalizes a paragraph for comparison: NFC, trimmed, each
// run of blank characters made one space.
func paragraphKey(p string) string {
	var b strings.Builder
	b.Grow(len(p))
	space := false
	for _, r := range norm.NFC.String(p) {
		if isBlankRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// sameLanguage reports whether two codes name the same language, by the
// registry where it knows both and by the codes themselves otherwise.
func sameLanguage(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if strings.EqualFold(a, b) {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	r := lang.New()
	la, errA := r.Lookup(a)
	lb, errB := r.Lookup(b)
	return errA == nil && errB == nil && la.Code == lb.Code
}
