package textio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestHTMLGolden reduces the saved news pages in testdata/html to their
// article text and compares it with the .golden files (rewrite them with
// -update). Pages in a legacy encoding are generated from their UTF-8
// .src.html source on -update.
func TestHTMLGolden(t *testing.T) {
	generated := []struct {
		src, out string
		enc      encoding.Encoding
	}{
		{"news-zh.src.html", "news-zh-gbk.html", simplifiedchinese.GBK},
		{"news-th.src.html", "news-th-874.html", charmap.Windows874},
	}
	if *update {
		for _, g := range generated {
			src, err := os.ReadFile(filepath.Join("testdata/html", g.src))
			if err != nil {
				t.Fatal(err)
			}
			b, err := g.enc.NewEncoder().Bytes(src)
			if err != nil {
				t.Fatalf("%s: %v", g.src, err)
			}
			if err := os.WriteFile(filepath.Join("testdata/html", g.out), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		file, encoding, title string
		absent                []string
	}{
		{"news-en.html", "utf-8", "Expo opens in Nanning with record number of exhibitors",
			[]string{"cookies", "Share on", "Most read", "Subscribe", "All rights reserved", "gtag", "About us", "Related stories", "Search"}},
		{"news-zh-gbk.html", "gbk", "第十八届中国—东盟博览会在南宁开幕",
			[]string{"首页", "热门推荐", "版权所有", "分享到", "_hmt", "document.write"}},
		{"news-th-874.html", "windows-874", "เปิดรถไฟฟ้าสายใหม่",
			[]string{"หน้าแรก", "สงวนลิขสิทธิ์", "var ads"}},
		{"brief.html", "utf-8", "Flood warning", []string{"Home", "Local News"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			doc, err := ReadFile(filepath.Join("testdata/html", tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != FormatHTML || doc.Encoding != tc.encoding || doc.Title != tc.title {
				t.Errorf("format %q, encoding %q, title %q; want html, %q, %q", doc.Format, doc.Encoding, doc.Title, tc.encoding, tc.title)
			}
			if !strings.HasPrefix(doc.Text, "# "+tc.title+"\n\n") {
				t.Errorf("text does not start with the title heading: %.80q", doc.Text)
			}
			for _, s := range tc.absent {
				if strings.Contains(doc.Text, s) {
					t.Errorf("boilerplate %q kept in the article text", s)
				}
			}
			golden := filepath.Join("testdata/html", strings.TrimSuffix(tc.file, ".html")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(doc.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != string(want) {
				t.Errorf("text differs from %s:\n%s", golden, doc.Text)
			}
		})
	}
}

// TestHTMLStructure checks the Markdown-like rendering on small pages.
func TestHTMLStructure(t *testing.T) {
	const filler = "<p>Filler paragraph with enough words to look like an article body, so that the readability scorer has something to weigh, and then some more words.</p>"
	tests := []struct {
		name, page string
		want       []string
	}{
		{"headings and lists",
			"<html><body><article><h1>Title</h1>" + filler + "<h2>Part two</h2><ol><li>first</li><li>second<ul><li>nested</li></ul></li></ol>" + filler + "</article></body></html>",
			[]string{"# Title\n\n", "\n\n## Part two\n\n", "\n\n1. first\n2. second\n  - nested\n\n"}},
		{"line breaks and entities",
			"<html><body><article>" + filler + "<p>Line one<br>line two &amp; more</p>" + filler + "</article></body></html>",
			[]string{"\n\nLine one\nline two & more\n\n"}},
		{"no-break spaces kept",
			"<html><body><article>" + filler + "<p>Le budget atteint 1&nbsp;234&#8239;567 euros.</p>" + filler + "</article></body></html>",
			[]string{"1\u00a0234\u202f567 euros"}},
		{"quote",
			"<html><body><article>" + filler + "<blockquote><p>One.</p><p>Two.</p></blockquote>" + filler + "</article></body></html>",
			[]string{"\n\n> One.\n\n> Two.\n\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Decode("page.html", []byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("missing %q in\n%s", w, doc.Text)
				}
			}
		})
	}
}

// TestHTMLEmpty: a page with scripts and nothing to read is an Empty error.
func TestHTMLEmpty(t *testing.T) {
	_, err := ReadFile("testdata/html/scripts-only.html", Options{})
	var e *Error
	if !errors.As(err, &e) || e.Kind != Empty {
		t.Fatalf("got %v, want an Empty error", err)
	}
	if !strings.Contains(err.Error(), "no article text") {
		t.Errorf("message %q does not say the page has no article text", err)
	}
}

// TestHTMLCharset covers the encoding declaration of a page: a wrong
// Western label on UTF-8 content loses to the content; a UTF-8 label on
// GBK content falls back to detection.
func TestHTMLCharset(t *testing.T) {
	body := "<p>第十八届中国—东盟博览会10日在广西南宁开幕。来自东盟十国的1500多家企业参展。</p>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, page, enc string
	}{
		{"latin1 label on utf-8", `<html><head><meta charset="iso-8859-1"></head><body>` + body + `</body></html>`, "utf-8"},
		{"utf-8 label on gbk", `<html><head><meta charset="utf-8"></head><body>` + gbk + `</body></html>`, "gb18030"},
		{"http-equiv gb2312", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head><body>` + gbk + `</body></html>`, "gbk"},
		{"no declaration", `<html><body>` + gbk + `</body></html>`, "gb18030"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Decode("p.html", []byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tc.enc || !strings.Contains(doc.Text, "东盟博览会") {
				t.Errorf("encoding %q, text %q; want %q and the Chinese text", doc.Encoding, doc.Text, tc.enc)
			}
		})
	}
}

func ExampleDecode() {
	page := `<!DOCTYPE html><html><head><title>Rain | Daily</title></head><body>
<nav><a href="/">Home</a></nav><h1>Rain</h1><p>It rained.</p><footer>Daily</footer></body></html>`
	doc, err := Decode("-", []byte(page), Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %s\n%s", doc.Format, doc.Title, doc.Text)
	// Output:
	// html, Rain
	// # Rain
	//
	// It rained.
}
