package summarize

import (
	"fmt"
	"sort"
	"strings"

	"github.com/juru-cli/juru/internal/lang"
)

// DigestItem is one article of a digest.
type DigestItem struct {
	// Key orders the items, such as the article's path relative to the
	// input folder.
	Key string
	// Source names the article on the page.
	Source string
	// Link is the path of the full output to link to, relative to the
	// digest's folder and slash-separated; empty for no link.
	Link string
	// Headline and Body are the summary: Result.Headline and Result.Body,
	// or ParseAnswer of a summary file.
	Headline string
	Body     string
	// Err, when not empty, says why the article was not summarized; the
	// item is listed at the end of the page.
	Err string
}

// DigestOptions words a digest's heading.
type DigestOptions struct {
	// Title begins the heading; "News digest" when empty.
	Title string
	// Label ends it: the date or the name of the run, such as
	// "2026-11-27"; left out when empty.
	Label string
}

// Digest writes the Markdown page listing the summaries of a run in one
// language: a heading with the title, the language's English and own
// names and the label; a count; then every summarized article as a
// "## " heading holding its headline linked to its full output, the
// source's name, and the summary's body; and last the articles that
// were not summarized, with the reason. Articles appear in the order of
// their Key (then Source, then Link), whatever order items has, so the
// same items always give the same page.
func Digest(langCode string, items []DigestItem, opts DigestOptions) string {
	sorted := append([]DigestItem(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Link < b.Link
	})
	var done, failed []DigestItem
	for _, it := range sorted {
		if it.Err != "" {
			failed = append(failed, it)
		} else {
			done = append(done, it)
		}
	}
	var b strings.Builder
	b.WriteString("# " + digestTitle(langCode, opts) + "\n\n")
	b.WriteString(digestCount(len(sorted), len(failed)) + "\n")
	for _, it := range done {
		head := it.Headline
		if head == "" {
			head = it.Source
		}
		head = escapeText(oneLine(head))
		if it.Link != "" {
			head = "[" + head + "](" + linkDest(it.Link) + ")"
		}
		b.WriteString("\n## " + head + "\n")
		if it.Source != "" {
			b.WriteString("\nSource: " + escapeText(oneLine(it.Source)) + "\n")
		}
		if body := strings.TrimSpace(it.Body); body != "" {
			b.WriteString("\n" + plainBody(body) + "\n")
		}
	}
	if len(failed) > 0 {
		b.WriteString("\n## Not summarized\n\n")
		for _, it := range failed {
			name := it.Source
			if name == "" {
				name = it.Key
			}
			b.WriteString("- " + escapeText(oneLine(name)) + ": " + escapeText(oneLine(it.Err)) + "\n")
		}
	}
	return b.String()
}

// digestTitle words the heading: "News digest: Thai (ไทย), 2026-11-27".
func digestTitle(code string, opts DigestOptions) string {
	title := opts.Title
	if title == "" {
		title = "News digest"
	}
	name := code
	if l, err := lang.New().Lookup(code); err == nil {
		name = l.English
		if l.Native != "" && l.Native != l.English {
			name += " (" + l.Native + ")"
		}
	}
	out := oneLine(title) + ": " + name
	if opts.Label != "" {
		out += ", " + oneLine(opts.Label)
	}
	return out
}

// digestCount words how many articles the page lists.
func digestCount(total, failed int) string {
	s := "s"
	if total == 1 {
		s = ""
	}
	switch {
	case total == 0:
		return "No articles."
	case failed == 0:
		return fmt.Sprintf("%d article%s.", total, s)
	}
	return fmt.Sprintf("%d article%s, %d not summarized.", total, s, failed)
}

// plainBody escapes the "#" that would turn a line of a summary's body
// into a heading of the page.
func plainBody(body string) string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "#") {
			lines[i] = "\\" + strings.TrimLeft(l, " ")
		}
	}
	return strings.Join(lines, "\n")
}

// oneLine makes every run of white space, line ends included, one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// escapeText escapes the characters that Markdown would read as markup
// inside a line of text.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linkDest writes a relative path as a Markdown link destination:
// backslashes become slashes, and spaces, control characters and the
// characters that would end or confuse a destination are percent-encoded.
func linkDest(path string) string {
	path = strings.ReplaceAll(path, "\\", "/")
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("()<>[]%\"", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
