package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/mock"
)

// writeArticles writes n short single-chunk articles under dir.
func writeArticles(t testing.TB, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i%20), fmt.Sprintf("article-%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("# Report %d\n\nThe China-ASEAN Expo in Nanning drew %d companies this year.\n\nTrade rose by %d.5 percent.\n", i, 100+i, i%50)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeNewsArticles writes n articles of news length under dir: a
// heading and eight paragraphs, about 2.6 KB, each paragraph its own, so
// that no two articles share text.
func writeNewsArticles(t testing.TB, dir string, n int) {
	t.Helper()
	sentences := []string{
		"The China-ASEAN Expo in Nanning drew %d companies from the ten member states and Timor-Leste this year.",
		"Officials said trade under the Belt and Road Initiative rose by %d.5 percent, to 34.35 billion dollars.",
		"The Regional Comprehensive Economic Partnership cut tariffs on %d lines of goods from the first of January.",
		"Delegates from the Association of Southeast Asian Nations met for %d hours to prepare the next summit.",
	}
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i%20), fmt.Sprintf("article-%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# Report %d from Nanning\n", i)
		for k := range 8 {
			b.WriteString("\n")
			for j := range 3 {
				fmt.Fprintf(&b, sentences[(k+j)%len(sentences)]+" ", i*100+k*10+j)
			}
			b.WriteString("\n")
		}
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRerunMakesOnlyNeededRequests checks the resume promise on a
// 100-file folder: an unchanged re-run sends no request, and after one
// file is edited exactly that file's requests are sent again.
func TestRerunMakesOnlyNeededRequests(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("100-file folder run; skipped with -short")
	}
	root := t.TempDir()
	in := filepath.Join(root, "news")
	writeArticles(t, in, 100)
	srv := startMock(t, mock.Options{})
	vars := juruEnv(srv, fakeKey, root)
	args := []string{"translate", "--to", "id,th", "--jobs", "8", "--no-cache", "-o", filepath.Join(root, "out"), in}

	if o := runIn(context.Background(), vars, args...); o.code != 0 {
		t.Fatalf("first run: exit %d\n%s", o.code, o.stderr)
	}
	if n := len(srv.ChatRequests()); n != 200 {
		t.Fatalf("first run sent %d requests, want 200 (100 files × 2 languages)", n)
	}
	srv.Reset()
	if o := runIn(context.Background(), vars, args...); o.code != 0 {
		t.Fatalf("re-run: exit %d\n%s", o.code, o.stderr)
	}
	if n := len(srv.ChatRequests()); n != 0 {
		t.Fatalf("unchanged re-run sent %d requests, want 0", n)
	}
	edited := filepath.Join(in, "d07", "article-0047.md")
	if err := os.WriteFile(edited, []byte("# Report 47\n\nThe Expo closed with 1,204 companies.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv.Reset()
	if o := runIn(context.Background(), vars, args...); o.code != 0 {
		t.Fatalf("run after an edit: exit %d\n%s", o.code, o.stderr)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 2 {
		t.Fatalf("after editing one file %d requests were sent, want 2 (its two languages)", len(reqs))
	}
	for _, r := range reqs {
		if r.Call.Spec == nil || !strings.Contains(r.Call.Spec.Document, "1,204 companies") {
			t.Errorf("a request after the edit was not for the edited file")
		}
	}
}

// BenchmarkJobs16Latency200ms measures a whole juru translate run over
// 400 single-request items against the mock endpoint answering after
// 200 ms, with --jobs 16: the ideal is 400 × 0.2 s / 16 = 5 s. It reports
// the ratio of the time taken to that ideal.
func BenchmarkJobs16Latency200ms(b *testing.B) {
	root := b.TempDir()
	in := filepath.Join(root, "news")
	writeArticles(b, in, 200)
	srv := startMock(b, mock.Options{Latency: 200 * time.Millisecond})
	vars := juruEnv(srv, fakeKey, root)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(root, fmt.Sprintf("out%d", i))
		start := time.Now()
		o := runIn(context.Background(), vars, "translate", "--to", "id,th", "--jobs", "16", "--no-cache", "--progress", "none", "-o", out, in)
		took := time.Since(start)
		if o.code != 0 {
			b.Fatalf("exit %d\n%s", o.code, o.stderr)
		}
		b.ReportMetric(took.Seconds()/5, "x-ideal")
	}
	if n := len(srv.ChatRequests()); n != 400*b.N {
		b.Fatalf("%d requests, want %d", n, 400*b.N)
	}
}

// BenchmarkMemory5000Files runs juru as a child process over 5,000
// news-length files (about 2.6 KB each, 13 MB in all) into two languages,
// with the glossary, against an instant mock, and reports the child's
// peak resident memory.
func BenchmarkMemory5000Files(b *testing.B) {
	root := b.TempDir()
	in := filepath.Join(root, "news")
	writeNewsArticles(b, in, 5000)
	srv := startMock(b, mock.Options{})
	vars := juruEnv(srv, fakeKey, root)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(root, fmt.Sprintf("out%d", i))
		o := runChild(context.Background(), b, vars, "translate", "--to", "id,th", "--jobs", "16", "--no-cache", "--progress", "none",
			"-g", "../../testdata/glossary/asean.csv", "-o", out, in)
		if o.code != 0 {
			b.Fatalf("exit %d\n%s", o.code, o.stderr)
		}
		b.ReportMetric(float64(o.maxRSS)/(1<<20), "MiB-peak-RSS")
	}
}
