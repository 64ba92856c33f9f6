package mock

import (
	"regexp"
	"strings"
)

// linePrefix matches what opens a Markdown line and is kept as it is:
// indentation, block quote markers, a heading's hashes, a list marker
// (bullet or number) with an optional task box.
var linePrefix = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}(?:[ \t]+|$)|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?)?`)

// refDefinition matches a link reference definition, kept whole.
var refDefinition = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S`)

// fenceOpen matches the opening line of a fenced code block.
var fenceOpen = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")

// translateDoc translates a Markdown document (in NFC) line by line, so
// that the output has the same lines, blank lines, prefixes and code.
func (r *render) translateDoc(doc string) string {
	lines := strings.Split(doc, "\n")
	out := make([]string, len(lines))
	b := blocks{}
	for i, line := range lines {
		if b.verbatim(line) {
			out[i] = line
			continue
		}
		if next := b; i+1 < len(lines) && !next.verbatim(lines[i+1]) {
			line, lines[i+1] = r.joinTerm(line, lines[i+1])
		}
		pre := linePrefix.FindString(line)
		body := r.join(r.inline(line[len(pre):]))
		if linePrefix.FindString(pre+body) != pre {
			body = line[len(pre):] // the translation would change the line's kind
		}
		out[i] = pre + body
	}
	return strings.Join(out, "\n")
}

// blocks follows the block structure of a document line by line: fenced
// code, indented code, list context.
type blocks struct {
	fence      string // the open fence's marker, "" outside one
	indentCode bool
	prevBlank  bool
	inList     bool
	started    bool
}

// verbatim reports whether a line is code or a reference definition, to
// be kept as it is, and advances the state.
func (b *blocks) verbatim(line string) bool {
	blank := strings.TrimSpace(line) == ""
	defer func() { b.prevBlank, b.started = blank, true }()
	if b.fence != "" {
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) <= 3 && strings.HasPrefix(t, b.fence) && strings.Trim(t, b.fence[:1]+" \t") == "" {
			b.fence = ""
		}
		return true
	}
	indented := strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
	if b.indentCode {
		if blank || indented {
			return true
		}
		b.indentCode = false
	}
	if !blank {
		_, _, item := plainLine(line)
		switch {
		case item:
			b.inList = true
		case !indented && b.prevBlank:
			b.inList = false
		}
	}
	if m := fenceOpen.FindStringSubmatch(line); m != nil {
		if m[1][0] == '`' && strings.Contains(line[len(m[0]):], "`") {
			return false // backticks in the info string: not a fence
		}
		b.fence = m[1]
		return true
	}
	if indented && !blank && (b.prevBlank || !b.started) && !b.inList {
		b.indentCode = true
		return true
	}
	return refDefinition.MatchString(line)
}

// plainLine removes a line's Markdown prefix, for summaries.
func plainLine(line string) (text string, heading, item bool) {
	pre := linePrefix.FindString(line)
	t := strings.TrimLeft(pre, " \t>")
	return line[len(pre):], strings.HasPrefix(t, "#"), t != "" && t[0] != '#'
}
