package translate

import (
	"regexp"
	"sort"
	"strings"
)

// Inline text that a translation must leave exactly as it is, besides
// code spans (found by codeSpans). Only the submatch is kept where a
// pattern has one: the target of a link, not its text or title. Each
// pattern runs only on text holding its guard, which keeps plain prose
// fast.
var keepPatterns = []struct {
	guard  string
	re     *regexp.Regexp
	groups []int
}{
	// link target
	{"](", regexp.MustCompile(`\]\([ \t]*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)`), []int{1}},
	// reference label
	{"][", regexp.MustCompile(`\]\[([^\[\]\n]+)\]`), []int{1}},
	// reference definition
	{"]:", regexp.MustCompile(`(?m)^[ \t]{0,3}\[([^\[\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)`), []int{1, 2}},
	// footnote marker
	{"[^", regexp.MustCompile(`\[\^[^\[\]\s]+\]`), []int{0}},
	// autolink, HTML
	{"<", regexp.MustCompile(`<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>|<!--[\s\S]*?-->|</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>`), []int{0}},
	// entity
	{"&", regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`), []int{0}},
	// URL
	{"://", regexp.MustCompile(`(?:https?|ftp)://[^\s<>]*[^\s<>.,;:!?'"’”)\]*_]`), []int{0}},
	// URL without scheme
	{"www.", regexp.MustCompile(`www\.[^\s<>]*[^\s<>.,;:!?'"’”)\]*_]`), []int{0}},
	// e-mail address
	{"@", regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`), []int{0}},
}

// reLinkWhole matches a whole inline link or image, which a sentence cut
// must not fall into.
var reLinkWhole = regexp.MustCompile(`!?\[[^\[\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)`)

// ispan is a byte range [a, b) of inline text to keep.
type ispan struct{ a, b int }

// inlineSpans returns, in order and without overlaps, the inline parts of
// a Markdown text that a translation must keep: code spans, link and
// image targets, reference labels and definitions, footnote markers,
// autolinks, HTML tags, comments and entities, bare URLs and e-mail
// addresses. Nothing is found across a blank line.
func inlineSpans(s string) []ispan {
	var out []ispan
	for _, p := range paragraphs(s) {
		for _, sp := range inlineSpansIn(s[p.a:p.b]) {
			out = append(out, ispan{sp.a + p.a, sp.b + p.a})
		}
	}
	return out
}

// paragraphs returns the ranges of s between blank lines.
func paragraphs(s string) []ispan {
	var out []ispan
	start := -1
	for _, l := range lines(s) {
		if isBlank(s[l.start:l.end]) {
			if start >= 0 {
				out = append(out, ispan{start, l.start})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = l.start
		}
	}
	if start >= 0 {
		out = append(out, ispan{start, len(s)})
	}
	return out
}

func inlineSpansIn(s string) []ispan {
	code := codeSpans(s)
	if len(code) > 0 { // hide code from the patterns
		b := []byte(s)
		for _, c := range code {
			for i := c.a; i < c.b; i++ {
				b[i] = ' '
			}
		}
		s = string(b)
	}
	cands := append([]ispan(nil), code...)
	add := func(re *regexp.Regexp, groups ...int) {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			for _, g := range groups {
				if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
					cands = append(cands, ispan{m[2*g], m[2*g+1]})
				}
			}
		}
	}
	for _, k := range keepPatterns {
		if strings.Contains(s, k.guard) {
			add(k.re, k.groups...)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].a != cands[j].a {
			return cands[i].a < cands[j].a
		}
		return cands[i].b > cands[j].b
	})
	var out []ispan
	end := 0
	for _, c := range cands {
		if c.a >= end {
			out = append(out, c)
			end = c.b
		}
	}
	return out
}

// codeSpans returns the code spans of s: a run of backticks up to the
// next run of the same length.
func codeSpans(s string) []ispan {
	var out []ispan
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runLength(s, i, '`')
		end := -1
		for j := i + n; j < len(s); {
			k := strings.IndexByte(s[j:], '`')
			if k < 0 {
				break
			}
			m := runLength(s, j+k, '`')
			if m == n {
				end = j + k + m
				break
			}
			j += k + m
		}
		if end < 0 {
			i += n
			continue
		}
		out = append(out, ispan{i, end})
		i = end
	}
	return out
}

// runLength returns the length of the run of c starting at s[i].
func runLength(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}
