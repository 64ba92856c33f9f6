package textio

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func benchFile(b *testing.B, path string, repeat int) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(data, repeat)
}

// BenchmarkDecodeUTF8 decodes 1 MiB-ish of UTF-8 Vietnamese text.
func BenchmarkDecodeUTF8(b *testing.B) {
	data := benchFile(b, "testdata/src/vi.txt", 2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode("a.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeGB18030 detects and decodes GB18030 Chinese text.
func BenchmarkDecodeGB18030(b *testing.B) {
	data := benchFile(b, "testdata/enc/zh-hans.gb18030.txt", 2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode("a.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTML reduces the saved English news page.
func BenchmarkHTML(b *testing.B) {
	data := benchFile(b, "testdata/html/news-en.html", 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode("a.html", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLHostile reduces pages built to be slow: deep nesting and
// many elements.
func BenchmarkHTMLHostile(b *testing.B) {
	pages := map[string]string{
		"deep":  strings.Repeat("<div>", 20000) + "text" + strings.Repeat("</div>", 20000),
		"wide":  "<html><body>" + strings.Repeat("<p>word word word, word.</p>", 50000) + "</body></html>",
		"lists": strings.Repeat("<ul><li>", 5000) + "x",
	}
	for name, page := range pages {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				extractHTML(page)
			}
		})
	}
}
