package summarize

import (
	"regexp"
	"strings"
)

// Answer is a summary read from a model's answer or from a summary file.
type Answer struct {
	// Headline is the text of the first line without its "#" marker,
	// closing "#"s or wrapping "**". When the first line is not a
	// heading it is still taken as the headline, unless it is a list item.
	Headline string
	// Marked reports that the headline came on a "# " heading line.
	Marked bool
	// Body is what follows the headline, tidied: lines trimmed, runs of
	// blank lines made one, list items written "- item" (a list alone is
	// written without blank lines).
	Body string
	// Bullets holds the text of the list items of the body.
	Bullets []string
	// Prose holds the other non-blank lines of the body.
	Prose []string
	// Paragraphs counts the blocks of the body separated by blank lines.
	Paragraphs int
}

var (
	reHeading = regexp.MustCompile(`^#{1,6}(?:[ \t]+|$)`)
	reClosing = regexp.MustCompile(`(?:^|[ \t]+)#+[ \t]*$`)
	reItem    = regexp.MustCompile(`^(?:[-*+•‣◦]|\d{1,3}[.)])[ \t]+(\S.*)$`)
	reMarker  = regexp.MustCompile(`^</?document id="[^"]*">$`)
)

// ParseAnswer reads a summary: the headline line, then the body. It
// accepts what models commonly add around the requested shape: white
// space, CRLF line ends, a code fence around the whole answer, echoed
// document markers, "*", "+", "•" or numbered list markers.
func ParseAnswer(text string) Answer {
	lines := answerLines(text)
	var a Answer
	i := 0
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i < len(lines) {
		first := lines[i]
		if loc := reHeading.FindStringIndex(first); loc != nil {
			a.Marked = true
			a.Headline = cleanHeadline(first[loc[1]:])
			i++
		} else if !reItem.MatchString(first) {
			a.Headline = cleanHeadline(first)
			i++
		}
	}
	a.readBody(lines[i:])
	return a
}

// answerLines splits an answer into trimmed lines, without a code fence
// around the whole answer and without document markers.
func answerLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if reMarker.MatchString(l) {
			continue
		}
		lines = append(lines, l)
	}
	a, b := 0, len(lines)
	for a < b && lines[a] == "" {
		a++
	}
	for b > a && lines[b-1] == "" {
		b--
	}
	if b-a >= 2 && strings.HasPrefix(lines[a], "```") && lines[b-1] == "```" {
		a, b = a+1, b-1
	}
	return lines[a:b]
}

// cleanHeadline drops closing "#"s and wrapping "**" from a headline.
func cleanHeadline(s string) string {
	for {
		t := strings.TrimSpace(reClosing.ReplaceAllString(s, ""))
		if inner, ok := strings.CutPrefix(t, "**"); ok && len(inner) > 2 && strings.HasSuffix(inner, "**") && !strings.Contains(inner[:len(inner)-2], "**") {
			t = strings.TrimSpace(inner[:len(inner)-2])
		}
		if t == s {
			return t
		}
		s = t
	}
}

// readBody fills in the body from the lines after the headline.
func (a *Answer) readBody(lines []string) {
	var out []string
	blank := true // at the start of a block
	prevItem := false
	for _, l := range lines {
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank, prevItem = true, false
			continue
		}
		if blank {
			a.Paragraphs++
		}
		blank = false
		if m := reItem.FindStringSubmatch(l); m != nil {
			a.Bullets = append(a.Bullets, m[1])
			out = append(out, "- "+m[1])
			prevItem = true
			continue
		}
		if prevItem && !reHeading.MatchString(l) {
			// A line right after an item continues it.
			n := len(a.Bullets) - 1
			a.Bullets[n] += " " + l
			out[len(out)-1] += " " + l
			continue
		}
		a.Prose = append(a.Prose, l)
		out = append(out, l)
	}
	if len(a.Prose) == 0 && len(a.Bullets) > 0 {
		out = out[:0]
		for _, b := range a.Bullets {
			out = append(out, "- "+b)
		}
		a.Paragraphs = 1
	}
	a.Body = strings.TrimSpace(strings.Join(out, "\n"))
}

// Format writes a summary as a file holds it: "# " and the headline, then
// a blank line and the body when there is one, ending with a line end.
func Format(headline, body string) string {
	if body == "" {
		return "# " + headline + "\n"
	}
	return "# " + headline + "\n\n" + body + "\n"
}
