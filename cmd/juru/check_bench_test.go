package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTree writes a source and its translations in the eight ASEAN
// languages, each the fixture article repeated n times, twice over (16
// files), and returns the folder and the bytes of translations.
func benchTree(b *testing.B, n int) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	rep := func(s string) string { return strings.TrimSpace(strings.Repeat(strings.TrimSpace(s)+"\n\n", n)) + "\n" }
	if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(rep(fixture(b, "article.md"))), 0o644); err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, set := range []string{"clean", "bad"} {
		if err := os.MkdirAll(filepath.Join(dir, "tr", set), 0o755); err != nil {
			b.Fatal(err)
		}
		for _, l := range []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"} {
			text := rep(fixture(b, set+"/article."+l+".md"))
			total += int64(len(text))
			if err := os.WriteFile(filepath.Join(dir, "tr", set, "article."+l+".md"), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir, total
}

// BenchmarkCheck runs juru check on 16 translations of about 60 KB to
// 230 KB each, against their source, with one and two files at a time.
func BenchmarkCheck(b *testing.B) {
	dir, total := benchTree(b, 200)
	terms, err := filepath.Abs(filepath.Join("..", "..", "testdata", "check", "terms.csv"))
	if err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(total)
			for b.Loop() {
				var stderr bytes.Buffer
				code := run(context.Background(), []string{"juru", "check", "-g", terms, "--source", filepath.Join(dir, "article.md"),
					"--jobs", fmt.Sprint(jobs), "--format", "json", filepath.Join(dir, "tr")},
					env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }})
				if code != exitViolations {
					b.Fatalf("exit code %d: %s", code, stderr.String())
				}
			}
		})
	}
}

// BenchmarkFormats renders the test report in every format.
func BenchmarkFormats(b *testing.B) {
	r := testReport(b)
	for _, name := range []string{"text", "json", "sarif", "github", "html"} {
		render, _ := checkFormatter(name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
