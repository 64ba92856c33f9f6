package textio

import (
	"fmt"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxElements bounds the number of elements readability scores; a page
// with more is reduced by the plain DOM walk alone.
const maxElements = 200_000

// extractHTML reduces a page to its title and article text, rendered as
// Markdown-like text. The readability algorithm picks the article and drops
// navigation, scripts and boilerplate; if it finds nothing, the page's
// body is rendered with the elements that never hold article text
// (navigation, headers, footers, asides, forms, scripts) left out.
func extractHTML(src string) (title, body string) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", ""
	}
	article, ok := readable(doc)
	title = oneLine(article.Title())
	if title == "" {
		title = oneLine(nodeText(find(doc, atom.Title)))
	}
	if h1 := oneLine(nodeText(find(doc, atom.H1))); h1 != "" && (title == "" || strings.Contains(title, h1)) {
		title = h1 // the <title> often adds the section and site name
	}
	var blocks []string
	if ok && article.Node != nil {
		blocks = render(article.Node)
	}
	if len(blocks) == 0 {
		if b := find(doc, atom.Body); b != nil {
			blocks = render(b)
		}
	}
	if title != "" {
		if len(blocks) > 0 && sameHeading(blocks[0], title) {
			blocks = blocks[1:]
		}
		blocks = append([]string{"# " + title}, blocks...)
	}
	if len(blocks) == 0 {
		return title, ""
	}
	return title, strings.Join(blocks, "\n\n") + "\n"
}

// readable runs readability on a copy of doc, turning a panic inside the
// library into a failure so that a hostile page cannot crash juru.
func readable(doc *html.Node) (a readability.Article, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			a, ok = readability.Article{}, false
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	a, err := p.ParseDocument(doc, nil)
	return a, err == nil
}

// oneLine collapses the white space of s into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameHeading reports whether a rendered block is a heading reading title.
func sameHeading(block, title string) bool {
	t := strings.TrimLeft(block, "#")
	return t != block && strings.EqualFold(strings.TrimSpace(t), title)
}

// find returns the first element with the given tag in document order.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// nodeText returns the text under n.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// renderer collects the blocks of Markdown-like text for a DOM subtree.
type renderer struct {
	blocks []string
	line   strings.Builder
	depth  int
}

// render turns the subtree under n into blocks: paragraphs with collapsed
// white space, "#" headings, "- " and "1. " list items, "> " quotes.
func render(n *html.Node) []string {
	r := &renderer{}
	r.walk(n)
	r.flush()
	return r.blocks
}

// skipped lists elements whose content is never article text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg,
		atom.Canvas, atom.Form, atom.Button, atom.Input, atom.Select, atom.Textarea,
		atom.Nav, atom.Footer, atom.Aside, atom.Header, atom.Head, atom.Object, atom.Embed:
		return true
	}
	return false
}

// block lists elements that start and end a paragraph.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Figure,
		atom.Figcaption, atom.Table, atom.Tr, atom.Dl, atom.Dt, atom.Dd, atom.Address,
		atom.Details, atom.Summary, atom.Hr, atom.Caption, atom.Body, atom.Html:
		return true
	}
	return false
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.DocumentNode:
		r.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if r.depth > 512 {
		return
	}
	r.depth++
	defer func() { r.depth-- }()
	switch a := n.DataAtom; {
	case skipped(a):
	case a == atom.Br:
		r.line.WriteString("\u2028")
	case a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6:
		r.flush()
		level := int(n.Data[1] - '0')
		r.children(n)
		if t := r.take(); t != "" {
			r.blocks = append(r.blocks, strings.Repeat("#", level)+" "+strings.ReplaceAll(t, "\n", " "))
		}
	case a == atom.Ul || a == atom.Ol:
		r.flush()
		if items := r.list(n, 0); len(items) > 0 {
			r.blocks = append(r.blocks, strings.Join(items, "\n"))
		}
	case a == atom.Blockquote:
		r.flush()
		sub := &renderer{depth: r.depth}
		sub.children(n)
		sub.flush()
		for _, b := range sub.blocks {
			r.blocks = append(r.blocks, "> "+strings.ReplaceAll(b, "\n", "\n> "))
		}
	case a == atom.Pre:
		r.flush()
		if t := strings.Trim(nodeText(n), "\n"); strings.TrimSpace(t) != "" {
			r.blocks = append(r.blocks, t)
		}
	case a == atom.Td || a == atom.Th:
		r.line.WriteString(" ")
		r.children(n)
		r.line.WriteString(" ")
	case a == atom.Img:
	case block(a):
		r.flush()
		r.children(n)
		r.flush()
	default:
		r.children(n)
	}
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// text adds inline text; take collapses its white space.
func (r *renderer) text(s string) {
	r.line.WriteString(s)
}

// htmlSpace reports the characters HTML treats as white space between
// words (not the no-break spaces, which text keeps).
func htmlSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// take returns the pending inline text and clears it. Line breaks from
// <br> (carried as U+2028 LINE SEPARATOR) are kept, every other run of
// HTML white space becomes one space, and lines are trimmed.
func (r *renderer) take() string {
	lines := strings.Split(r.line.String(), "\u2028")
	r.line.Reset()
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.FieldsFunc(l, htmlSpace), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	if t := r.take(); t != "" {
		r.blocks = append(r.blocks, t)
	}
}

// list renders the items of a ul or ol, nested lists indented.
func (r *renderer) list(n *html.Node, indent int) []string {
	var items []string
	num := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		num++
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = fmt.Sprintf("%d. ", num)
		}
		sub := &renderer{depth: r.depth + 1}
		var nested []string
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			if d.Type == html.ElementNode && (d.DataAtom == atom.Ul || d.DataAtom == atom.Ol) {
				nested = append(nested, r.list(d, indent+1)...)
				continue
			}
			sub.walk(d)
		}
		sub.flush()
		text := strings.ReplaceAll(strings.Join(sub.blocks, " "), "\n", " ")
		if text != "" {
			items = append(items, strings.Repeat("  ", indent)+marker+text)
		}
		items = append(items, nested...)
	}
	return items
}
