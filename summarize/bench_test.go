package summarize

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/juru-cli/juru/internal/llm"
)

// instant answers at once with a valid answer: the first line of the
// part for a notes request, a fixed Indonesian summary in the requested
// shape otherwise, so that a benchmark measures Summarize itself.
func instant(style string) llm.Completer {
	body := map[string]string{
		Headline:  "",
		Short:     "\n\nEkspo China-ASEAN ke-18 mencatat kesepakatan senilai 34,35 miliar dolar.",
		Bullets:   "\n\n- Kesepakatan 34,35 miliar dolar.\n- Lebih dari 1.200 perusahaan.\n- Ekspo berikutnya pada 2026.",
		Paragraph: "\n\n" + strings.Repeat("Ekspo China-ASEAN ke-18 mencatat kesepakatan senilai 34,35 miliar dolar. ", 10),
	}[style]
	return llm.CompleterFunc(func(ctx context.Context, req llm.Request) (llm.Response, error) {
		content := "# Ekspo China-ASEAN catat rekor" + body
		if strings.Contains(req.Messages[0].Content, "List the key facts") {
			// The first line of the part, which follows the marker line.
			lines := strings.SplitN(req.Messages[1].Content, "\n", 3)
			content = "- " + lines[1]
		}
		return llm.Response{Content: content, FinishReason: llm.FinishStop, Usage: llm.Usage{PromptTokens: 500, CompletionTokens: 60}}, nil
	})
}

// benchArticle returns the seed article when present, else the fixture.
func benchArticle(b *testing.B) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "seed", "caexpo-capacity-cooperation-2021.txt"))
	if err != nil {
		return readFixture(b, "article.md")
	}
	return string(data)
}

func BenchmarkSummarize(b *testing.B) {
	testEstimator.Count("", "warm up")
	cases := []struct {
		name   string
		src    string
		style  string
		budget int
	}{
		{"fixture/short", readFixture(b, "article.md"), Short, 0},
		{"fixture/bullets", readFixture(b, "article.md"), Bullets, 0},
		{"seed/paragraph", benchArticle(b), Paragraph, 0},
		{"map-reduce/120-paragraphs", longArticle(b, 120), Short, 100},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			o := opts(c.style)
			o.To, o.ChunkTokens = "id", c.budget
			comp := instant(c.style)
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				res, err := Summarize(context.Background(), comp, c.src, o)
				if err != nil || res.Attempts != res.Requests {
					b.Fatalf("%v %+v", err, res)
				}
			}
		})
	}
}

func BenchmarkCheckSummary(b *testing.B) {
	src := benchArticle(b)
	for _, to := range []string{"id", "th"} {
		b.Run(to, func(b *testing.B) {
			o := opts(Paragraph)
			o.To = to
			cfg, err := resolve(o)
			if err != nil {
				b.Fatal(err)
			}
			art := cfg.article(src)
			answer := "# Ekspo China-ASEAN catat rekor\n\n" + strings.Repeat("Ekspo China-ASEAN ke-18 mencatat kesepakatan senilai 34,35 miliar dolar dari Belt and Road Initiative. ", 8)
			if to == "th" {
				answer = "# งานแสดงสินค้าจีน-อาเซียน\n\n" + strings.Repeat("งานแสดงสินค้าครั้งที่ ๑๘ มีข้อตกลงมูลค่า ๓๔.๓๕ พันล้านดอลลาร์ ข้อริเริ่มสายแถบและเส้นทาง ", 8)
			}
			b.SetBytes(int64(len(answer)))
			for b.Loop() {
				cfg.checkSummary(answer, art)
			}
		})
	}
}

func BenchmarkParseAnswer(b *testing.B) {
	text := readFixture(b, filepath.Join("answers", "fenced-bullets.md"))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ParseAnswer(text)
	}
}

func BenchmarkCountWords(b *testing.B) {
	text := strings.Repeat("งานแสดงสินค้าครั้งที่ ๑๘ มีข้อตกลงมูลค่า ASEAN ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		countWords(text, "th")
	}
}

func BenchmarkDigest(b *testing.B) {
	var items []DigestItem
	for i := range 2000 {
		items = append(items, DigestItem{
			Key: fmt.Sprintf("news/%04d.txt", (i*7919)%2000), Source: fmt.Sprintf("%04d.txt", i),
			Link: fmt.Sprintf("news/%04d.summary.id.md", i), Headline: "Ekspo China-ASEAN catat rekor",
			Body: "- Kesepakatan 34,35 miliar dolar.\n- Lebih dari 1.200 perusahaan.\n- Ekspo berikutnya pada 2026.",
		})
	}
	for b.Loop() {
		Digest("id", items, DigestOptions{Label: "2026-11-27"})
	}
}
