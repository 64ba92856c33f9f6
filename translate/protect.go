package translate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Protection of inline code, links and URLs.
//
// Before a chunk is sent, every span found by inlineSpans is replaced by a
// numbered placeholder, ⟦1⟧, ⟦2⟧, ... in order of appearance, so that the
// model cannot translate, reformat or lose it, and glossary terms inside
// code or URLs are neither asked for nor checked. After the answer comes
// back every placeholder is put back. Each placeholder must come back
// exactly once and no unknown one may appear; otherwise the problem is
// named in a repair request like a glossary violation, and an answer that
// still loses a placeholder after the repairs fails its chunk rather than
// losing code or a link silently. A placeholder is also recognised with
// spaces inside its brackets or with the digits of another script.
//
// When the text itself contains ⟦ or ⟧, placeholders are written {{1}},
// {{2}}, ... instead; when it contains both kinds of bracket, nothing is
// replaced and the spans are sent as they are.

// bracket is one way to write placeholders.
type bracket struct {
	open, close string
	re          *regexp.Regexp
}

func brackets() []bracket {
	return []bracket{
		{"⟦", "⟧", reWhiteSquare},
		{"{{", "}}", reDoubleBrace},
	}
}

var (
	reWhiteSquare = regexp.MustCompile(`⟦[ \t]*(\p{Nd}{1,9})[ \t]*⟧`)
	reDoubleBrace = regexp.MustCompile(`\{\{[ \t]*(\p{Nd}{1,9})[ \t]*\}\}`)
)

// protected is a text with its inline spans replaced by placeholders.
type protected struct {
	// Text is what the model sees.
	Text string
	// kept holds the original text of placeholder i+1.
	kept []string
	br   bracket
}

// protect replaces the inline spans of text by placeholders.
func protect(text string) protected {
	spans := inlineSpans(text)
	if len(spans) == 0 {
		return protected{Text: text}
	}
	var br bracket
	for _, b := range brackets() {
		if !strings.Contains(text, b.open) && !strings.Contains(text, b.close) {
			br = b
			break
		}
	}
	if br.re == nil {
		return protected{Text: text}
	}
	p := protected{br: br}
	var b strings.Builder
	last := 0
	for i, sp := range spans {
		b.WriteString(text[last:sp.a])
		b.WriteString(br.open + strconv.Itoa(i+1) + br.close)
		p.kept = append(p.kept, text[sp.a:sp.b])
		last = sp.b
	}
	b.WriteString(text[last:])
	p.Text = b.String()
	return p
}

// placeholder returns how placeholder i (1-based) is written.
func (p protected) placeholder(i int) string {
	return p.br.open + strconv.Itoa(i) + p.br.close
}

// restore puts the kept spans back into an answer and lists, in words for
// the model, every placeholder that is missing, repeated or unknown.
func (p protected) restore(answer string) (string, []string) {
	if len(p.kept) == 0 {
		return answer, nil
	}
	seen := make([]int, len(p.kept))
	var problems []string
	var b strings.Builder
	last := 0
	for _, m := range p.br.re.FindAllStringSubmatchIndex(answer, -1) {
		id, ok := digitsValue(answer[m[2]:m[3]])
		if !ok || id < 1 || id > len(p.kept) {
			problems = append(problems, fmt.Sprintf("the placeholder %s is not in the document: remove it", answer[m[0]:m[1]]))
			continue
		}
		seen[id-1]++
		b.WriteString(answer[last:m[0]])
		b.WriteString(p.kept[id-1])
		last = m[1]
	}
	b.WriteString(answer[last:])
	for i, n := range seen {
		switch {
		case n == 0:
			problems = append(problems, fmt.Sprintf("the placeholder %s is missing: keep every placeholder exactly as it is, where it belongs", p.placeholder(i+1)))
		case n > 1:
			problems = append(problems, fmt.Sprintf("the placeholder %s appears %d times but must appear once", p.placeholder(i+1), n))
		}
	}
	return b.String(), problems
}

// digitsValue reads a number written in the decimal digits of any script.
func digitsValue(s string) (int, bool) {
	n := 0
	for _, r := range s {
		d, ok := digitValue(r)
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, s != ""
}

// digitValue returns the value of a decimal digit of any script. Unicode
// encodes every set of decimal digits as ten consecutive characters from
// zero to nine, so the value is the distance from the start of the range.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// mask blanks out the parts of a document that a translation copies
// unchanged (fenced code blocks and the spans of inlineSpans), so that the
// glossary check of a whole document neither asks for nor forbids terms
// inside code and URLs. Each character is replaced by a space character
// of the same length in bytes, and line terminators are kept, so byte
// offsets, lines and columns stay those of the document.
func mask(text string) string {
	var zones []ispan
	for _, b := range scanBlocks(text) {
		if b.kind == kindFence {
			zones = append(zones, ispan{b.start, b.end})
		}
	}
	zones = append(zones, inlineSpans(text)...)
	if len(zones) == 0 {
		return text
	}
	buf := []byte(text)
	for _, z := range zones {
		for i := z.a; i < z.b; {
			r, n := utf8.DecodeRune(buf[i:])
			if r != '\n' && r != '\r' {
				copy(buf[i:], filler(n))
			}
			i += n
		}
	}
	return string(buf)
}

// filler returns a character that is not part of any word, n bytes long.
func filler(n int) string {
	switch n {
	case 2:
		return "\u00a0" // no-break space
	case 3:
		return "\u3000" // ideographic space
	case 4:
		return "\U0001F300" // a pictograph
	}
	return " "
}
