package main

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary/lint"
)

// textSpan is a paragraph of a text: byte offsets and its first line.
type textSpan struct{ start, end, line int }

// spanMark is a finding (or the source place of one) over a byte range.
type spanMark struct {
	start, end int
	f          *htmlFinding
	related    bool
}

// termSpan is a glossary occurrence over a byte range.
type termSpan struct {
	start, end int
	term       *htmlTerm
}

// isBlankLine reports whether a line holds only white space, zero-width
// spaces or byte-order marks.
func isBlankLine(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// paragraphs splits a text into runs of non-blank lines. A paragraph
// ends at the end of its last line, before the line break.
func paragraphs(text string) []textSpan {
	var out []textSpan
	open := false
	var cur textSpan
	line := 0
	for pos := 0; pos < len(text); {
		line++
		end := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
		}
		content := strings.TrimSuffix(text[pos:end], "\r")
		if isBlankLine(content) {
			if open {
				out = append(out, cur)
				open = false
			}
		} else {
			if !open {
				cur = textSpan{start: pos, line: line}
				open = true
			}
			cur.end = pos + len(content)
		}
		pos = next
	}
	if open {
		out = append(out, cur)
	}
	return out
}

// snap moves a byte offset back to the start of the character it falls in.
func snap(text string, i int) int {
	i = min(max(i, 0), len(text))
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// offsetOf returns the byte offset of a 1-based line and character column.
func offsetOf(text string, line, col int) int {
	pos := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[pos:], '\n')
		if i < 0 {
			return len(text)
		}
		pos += i + 1
	}
	for c := 1; c < col && pos < len(text) && text[pos] != '\n'; c++ {
		_, n := utf8.DecodeRuneInString(text[pos:])
		pos += n
	}
	return pos
}

// spanOf returns the byte range of a location in text: its offsets when
// they fit the text, else its line and columns (the end column being
// the one after the last character). ok is false for a location that
// names no place, such as a finding about the whole file.
func spanOf(text string, l lint.Location) (start, end int, ok bool) {
	switch {
	case l.End > l.Start && l.Start >= 0 && l.End <= len(text):
		start, end = l.Start, l.End
	case l.Line > 0:
		start = offsetOf(text, l.Line, max(l.Col, 1))
		end = start
		if l.EndLine > 0 {
			end = max(offsetOf(text, l.EndLine, max(l.EndCol, 1)), start)
		}
	default:
		return 0, 0, false
	}
	return snap(text, start), snap(text, end), true
}

// layoutPara cuts a paragraph into runs: plain text, findings marked
// over their extent (clipped so that marks never overlap; a mark hidden
// by an earlier one becomes a pin), and pins for findings without
// extent or about the whole paragraph, which also flag it. Glossary terms are pieces inside the runs. seen records the
// anchors already given (a finding's ID, and its ID with "-src" for its source mark), as a mark may span paragraphs.
func layoutPara(text string, p textSpan, marks []spanMark, terms []termSpan, seen map[string]bool) *htmlPara {
	para := &htmlPara{Line: p.line, Heading: strings.HasPrefix(text[p.start:p.end], "#")}
	var ms []spanMark
	for _, m := range marks {
		if m.start == m.end {
			if m.start >= p.start && m.start < p.end || m.start == p.end && m.start > p.start {
				ms = append(ms, m)
			}
			continue
		}
		s, e := max(m.start, p.start), min(m.end, p.end)
		if s >= e {
			continue
		}
		if !m.related && s == p.start && e == p.end {
			// A finding about the whole paragraph flags it and shows as a
			// pin at its start, leaving the text to narrower marks.
			m.start, m.end = s, s
			if para.Flag == "" || lint.Severity(m.f.Sev).Rank() > lint.Severity(para.Flag).Rank() {
				para.Flag = m.f.Sev
			}
		} else {
			m.start, m.end = s, e
		}
		ms = append(ms, m)
	}
	slices.SortStableFunc(ms, func(a, b spanMark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	cursor, last := p.start, p.start
	add := func(a, b int, run htmlRun) {
		run.Pieces = splitTerms(text, a, b, terms)
		para.Runs = append(para.Runs, run)
	}
	for _, m := range ms {
		s, e := max(m.start, last), m.end
		pin := e <= s
		if pin {
			e = s
		}
		if s > cursor {
			add(cursor, s, htmlRun{})
		}
		run := htmlRun{Pin: pin}
		if m.related {
			run.Related = m.f
		} else {
			run.Finding = m.f
		}
		key := m.f.ID
		if m.related {
			key += "-src"
		}
		run.First, seen[key] = !seen[key], true
		add(s, e, run)
		cursor, last = e, e
	}
	if cursor < p.end {
		add(cursor, p.end, htmlRun{})
	}
	return para
}

// splitTerms cuts text[a:b] into pieces, the glossary terms among them.
func splitTerms(text string, a, b int, terms []termSpan) []htmlPiece {
	var out []htmlPiece
	i := sort.Search(len(terms), func(i int) bool { return terms[i].end > a })
	for ; i < len(terms) && terms[i].start < b; i++ {
		s, e := max(terms[i].start, a), min(terms[i].end, b)
		if s >= e {
			continue
		}
		if s > a {
			out = append(out, htmlPiece{Text: text[a:s]})
		}
		out = append(out, htmlPiece{Text: text[s:e], Term: terms[i].term})
		a = e
	}
	if a < b {
		out = append(out, htmlPiece{Text: text[a:b]})
	}
	return out
}
