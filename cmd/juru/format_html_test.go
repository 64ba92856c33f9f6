package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/juru-cli/juru/glossary/lint"
)

// parsedPage renders a report and parses the page as a browser would.
func parsedPage(t testing.TB, r *checkReport) (*html.Node, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := formatHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, buf.String()
}

// walk calls fn on every node of the tree.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf returns the text a node holds.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return b.String()
}

// allowedElements are the elements the review page is made of.
var allowedElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true, "script": true,
	"a": true, "header": true, "h1": true, "h2": true, "p": true, "span": true, "mark": true, "nav": true,
	"div": true, "label": true, "input": true, "ul": true, "ol": true, "li": true, "code": true, "main": true,
	"section": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"b": true, "footer": true,
}

// checkPageSafe fails when the page holds anything but its own markup:
// a second script, an element the page never writes, an event handler
// attribute or a reference to another resource.
func checkPageSafe(t testing.TB, doc *html.Node) {
	t.Helper()
	scripts := 0
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if !allowedElements[n.Data] {
			t.Errorf("unexpected element <%s>", n.Data)
		}
		if n.Data == "script" {
			scripts++
			if textOf(n) != reviewJS {
				t.Error("a script other than the page's own")
			}
		}
		if n.Data == "b" && (n.Parent == nil || !hasClass(n.Parent, "tip")) {
			t.Error("<b> outside a tooltip")
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "style" {
				t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("link out of the page: %q", a.Val)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("%d scripts", scripts)
	}
}

func TestHTMLEscapesEverything(t *testing.T) {
	doc, page := parsedPage(t, testReport(t))
	checkPageSafe(t, doc)
	text := textOf(doc)
	for _, s := range []string{
		`<script>alert("xss")</script>`,      // the translation
		`<img src=x onerror="alert(1)">`,     // the translation
		`<script>alert("msg")</script>`,      // a message
		`<b>"fix"</b>`,                       // a suggestion
		`source <i>article.md</i> not found`, // a note
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the page does not show %q as text", s)
		}
	}
	if strings.Contains(page, `<script>alert`) || strings.Contains(page, `<img`) {
		t.Error("markup from a checked file reached the page unescaped")
	}
}

func TestHTMLStructure(t *testing.T) {
	r := testReport(t)
	doc, _ := parsedPage(t, r)
	ids := map[string]int{}
	var links, tips []string
	sections, terms, marks, pins := 0, 0, 0, 0
	langs := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id := attr(n, "id"); id != "" {
			ids[id]++
		}
		if h := attr(n, "href"); strings.HasPrefix(h, "#") && len(h) > 1 {
			links = append(links, h[1:])
		}
		if n.Data == "section" && hasClass(n, "file") {
			sections++
		}
		if n.Data == "td" {
			langs[attr(n, "lang")] = true
		}
		switch {
		case hasClass(n, "term"):
			terms++
		case n.Data == "mark" && hasClass(n, "finding"):
			marks++
			if hasClass(n, "pin") {
				pins++
			}
			if attr(n, "id") != "" {
				tips = append(tips, attr(n, "aria-describedby"))
				icon := n.FirstChild
				if icon == nil || !hasClass(icon, "icon") || textOf(icon) == "" {
					t.Errorf("mark %s has no icon: severity shown by colour alone", attr(n, "id"))
				}
			}
		}
	})
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, l := range links {
		if ids[l] == 0 {
			t.Errorf("link to #%s, which does not exist", l)
		}
	}
	for _, tip := range tips {
		if ids[tip] != 1 {
			t.Errorf("a mark is described by %q, which does not exist", tip)
		}
	}
	if sections != len(r.Files) {
		t.Errorf("%d file sections for %d files", sections, len(r.Files))
	}
	total := len(r.allFindings())
	for i, f := range r.Files {
		for j := range f.Findings {
			id := fmt.Sprintf("f-%d-%d", i+1, j+1)
			if ids[id] != 1 {
				t.Errorf("finding %s of %s has no anchor", id, f.Path)
			}
		}
	}
	if marks == 0 || pins == 0 || terms == 0 {
		t.Errorf("%d marks, %d pins, %d terms for %d findings", marks, pins, terms, total)
	}
	for _, l := range []string{"en", "th", "km", "my", "vi"} {
		if !langs[l] {
			t.Errorf("no cell in language %s", l)
		}
	}
}

// TestHTMLTermsBothSides checks that glossary terms are highlighted in
// the source and in the translation.
func TestHTMLTermsBothSides(t *testing.T) {
	doc, _ := parsedPage(t, testReport(t))
	found := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && hasClass(n, "term") {
			found[textOf(n)] = true
		}
	})
	for _, term := range []string{"China-ASEAN Expo", "Nanning", "Belt and Road Initiative", "งานแสดงสินค้าจีน-อาเซียน", "ណាននីង", "Nam Ninh", "หนึ่งแถบหนึ่งเส้นทาง"} {
		if !found[term] {
			t.Errorf("term %q not highlighted", term)
		}
	}
}

func FuzzHTMLText(f *testing.F) {
	f.Add("ทดสอบ <script>alert(1)</script>", "ok", 3, 9)
	f.Add("a\n\n</td></tr></table><script>x</script>", `"><img src=x onerror=alert(1)>`, 0, 40)
	f.Add("\u200b\n\n# ASEAN ]]> <!-- -->", "%0A\r\n", 1, 2)
	f.Fuzz(func(t *testing.T, text, msg string, start, end int) {
		if !utf8.ValidString(text) || !utf8.ValidString(msg) {
			return
		}
		l := lint.Location{File: "a.th.md", Line: 1, Col: 1, Start: start, End: end}
		r := &checkReport{
			Files: []*checkedFile{{Path: "a.th.md", Lang: "th", Mode: modePair, Source: "a.md", SourceLang: "en",
				Text: text, SourceText: msg, Findings: []lint.Finding{{Rule: lint.ScriptWrong, Severity: lint.Error, Location: l, Message: msg, Related: &l}}}},
			Rules: rulesFor(nil), FailLevel: lint.Error,
		}
		doc, _ := parsedPage(t, r)
		checkPageSafe(t, doc)
	})
}
