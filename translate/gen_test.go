package translate

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// genMarkdown writes a random Markdown document: headings, paragraphs of
// sentences in several scripts with emphasis, code spans, links, URLs and
// e-mail addresses, tight and loose lists, tables, fenced code with blank
// lines, quotes, stray backticks and brackets, trailing spaces, tabs, and
// LF or CRLF line ends.
func genMarkdown(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(5) == 0 {
		b.WriteString(pick(r, "\n", "\n\n", "  \n", "\t\n"))
	}
	for n := 1 + r.IntN(8); n > 0; n-- {
		switch r.IntN(9) {
		case 0:
			b.WriteString(strings.Repeat("#", 1+r.IntN(3)) + " " + sentence(r))
		case 1, 2, 3:
			for k := 1 + r.IntN(4); k > 0; k-- {
				b.WriteString(sentence(r))
				b.WriteString(pick(r, " ", " ", "\n", "  \n", "。"))
			}
			b.WriteString(sentence(r))
		case 4:
			marker := pick(r, "- ", "* ", "1. ", "2) ")
			for k := 1 + r.IntN(4); k > 0; k-- {
				b.WriteString(marker + sentence(r))
				if k > 1 {
					b.WriteString(pick(r, "\n", "\n", "\n\n", "\n  continued line\n"))
				}
			}
		case 5:
			b.WriteString("| Name | Value |\n|------|------:|\n")
			for k := 1 + r.IntN(3); k > 0; k-- {
				b.WriteString("| " + word(r) + " | " + pick(r, "1", "2.5", "`x`", "[a](http://a.io)") + " |")
				if k > 1 {
					b.WriteString("\n")
				}
			}
		case 6:
			fence := pick(r, "```", "~~~", "````")
			b.WriteString(fence + pick(r, "", "go", "sh") + "\n" + pick(r, "x := 1", "echo `a`", "# not a heading") + "\n")
			if r.IntN(2) == 0 {
				b.WriteString("\n" + pick(r, "more code", "- not a list") + "\n")
			}
			if r.IntN(8) != 0 {
				b.WriteString(fence)
			}
		case 7:
			b.WriteString("> " + sentence(r) + "\n> " + sentence(r))
		case 8:
			b.WriteString(pick(r, "[ref]: https://example.org/ref \"Title\"", "<!-- note -->", "---", "`unclosed code", "⟦1⟧ already here", "{{x}} and ⟦"))
		}
		b.WriteString(pick(r, "\n\n", "\n\n", "\n", "\n\n\n", "  \n\n", "\n \n"))
	}
	out := b.String()
	if r.IntN(4) == 0 {
		out = strings.TrimRight(out, "\n ")
	}
	if r.IntN(3) == 0 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out
}

func sentence(r *rand.Rand) string {
	var parts []string
	for k := 2 + r.IntN(8); k > 0; k-- {
		parts = append(parts, word(r))
	}
	s := strings.Join(parts, " ")
	first, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(first)) + s[n:]
	return s + pick(r, ".", ".", "!", "?", "…", ".\"", "")
}

func word(r *rand.Rand) string {
	return pick(r, "the", "Belt and Road Initiative", "China-ASEAN Expo", "trade", "grew", "34.35", "billion",
		"Mr.", "U.S.", "*emphasis*", "**strong**", "`code`", "``a ` b``", "[link](https://example.com/a_(b))",
		"https://caexpo.org/x?y=1.", "press@caexpo.org", "<br>", "&amp;", "ประเทศไทย", "Việt Nam", "东盟",
		"ကမ္ဘာ", "(aside)", "e.g.", "One Belt One Road", "OBOR", "\tTab", "[^1]", "[text][ref]")
}

func pick(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }
