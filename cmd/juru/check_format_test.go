package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/glossary/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/check")

// fixture reads a file of the repository's testdata/check.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// loc returns the location of the n-th (from 1) occurrence of sub in
// text, as a finding reports it: the end column is the one after the
// last character.
func loc(t testing.TB, file, text, sub string, n int) lint.Location {
	t.Helper()
	start := -1
	for i, from := 0, 0; i < n; i++ {
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", file, n, sub)
		}
		start = from + j
		from = start + len(sub)
	}
	end := start + len(sub)
	lc := func(off int) (int, int) {
		line := strings.Count(text[:off], "\n") + 1
		ls := strings.LastIndexByte(text[:off], '\n') + 1
		return line, utf8.RuneCountInString(text[ls:off]) + 1
	}
	l := lint.Location{File: file, Start: start, End: end}
	l.Line, l.Col = lc(start)
	l.EndLine, l.EndCol = lc(end)
	return l
}

// finding builds a finding at the n-th occurrence of sub.
func finding(t testing.TB, file, text, sub string, n int, rule string, sev lint.Severity, msg, suggestion string) lint.Finding {
	return lint.Finding{Rule: rule, Severity: sev, Location: loc(t, file, text, sub, n), Message: msg, Suggestion: suggestion}
}

// testReport is a report with findings made by hand (the formatters'
// tests do not depend on the rules): a pair with a related source place,
// a finding about a whole paragraph, one about the whole file, one
// without extent, overlapping ones, a file checked on its own, and a
// translation holding HTML that must stay text.
func testReport(t testing.TB) *checkReport {
	t.Helper()
	g, err := glossary.Parse(strings.NewReader(fixture(t, "terms.csv")), "terms.csv", glossary.ParseOptions{Format: glossary.CSV})
	if err != nil {
		t.Fatal(err)
	}
	src := fixture(t, "article.md")
	th := fixture(t, "bad/article.th.md")
	km := fixture(t, "bad/article.km.md")
	my := fixture(t, "bad/article.my.md")
	lo := fixture(t, "bad/article.lo.md")
	xss := fixture(t, "xss/article.th.md")
	draft := fixture(t, "drafts/deprecated.md")
	const (
		srcPath = "testdata/check/article.md"
		thPath  = "out/article.th.md"
		kmPath  = "out/article.km.md"
		myPath  = "out/article.my.md"
		loPath  = "out/article.lo.md"
		xssPath = "out/xss/article.th.md"
		drPath  = "drafts/deprecated.md"
	)
	missing := finding(t, thPath, th, "งานแสดงสินค้าจีน-อาเซียนครั้งที่ 18 เปิดที่หนานหนิงเมื่อวันที่ 10 กันยายน 2021 โดยมีผู้จัดแสดงสินค้า 1,500 รายจากประเทศสมาชิก", 1,
		lint.TermMissing, lint.Error, `missing "อาเซียน" for "ASEAN": 2 in the source, 1 in the translation`, "")
	rel := loc(t, srcPath, src, "ASEAN", 3)
	missing.Related = &rel
	thFindings := []lint.Finding{
		missing,
		finding(t, thPath, th, "หนึ่งแถบหนึ่งเส้นทาง", 1, lint.TermForbidden, lint.Error, `forbidden form "หนึ่งแถบหนึ่งเส้นทาง": use "ข้อริเริ่มแถบและเส้นทาง"`, "ข้อริเริ่มแถบและเส้นทาง"),
		finding(t, thPath, th, "15.2%", 1, lint.NumberMismatch, lint.Error, `number "12.5%" (12.5) of the source is changed to "15.2%" (15.2) in the translation`, ""),
		finding(t, thPath, th, "Timor-Leste sent a delegation for the first time.", 1, lint.ScriptWrong, lint.Error, "Latin text in a Thai file", ""),
		// Overlaps the previous one, from a narrower start.
		finding(t, thPath, th, "sent a delegation", 1, lint.ScriptWrong, lint.Info, "left untranslated, 100% identical\nto the source", ""),
		{Rule: lint.StructureParagraphs, Severity: lint.Warning, Location: lint.Location{File: thPath}, Message: "the source has 4 paragraphs, the translation 4, but headings differ"},
	}
	pin := lint.Location{File: kmPath, Line: 3, Col: 5, EndLine: 3, EndCol: 5}
	pin.Start = len("ពិព័")
	pin.End = pin.Start
	kmFindings := []lint.Finding{
		finding(t, kmPath, km, "១៥០", 1, lint.NumberMismatch, lint.Error, `number "1,500" (1500) of the source is changed to "១៥០" (150) in the translation`, ""),
		finding(t, kmPath, km, "ติมอร์-เลสเตส่งคณะผู้แทนมาร่วมงานเป็นครั้งแรก", 1, lint.ScriptWrong, lint.Error, "Thai text in a Khmer file", ""),
		{Rule: lint.TermCase, Severity: lint.Info, Location: pin, Message: "a mark without extent, 50% of the time, a:b"},
	}
	myFindings := []lint.Finding{
		finding(t, myPath, my, "တီေမာလက္စ္ေတသည္ ပထမဆံုးအျကိမ္ ကိုယ္စားလွယ္အဖြဲ႕ ေစလႊတ္ခဲ့သည္။", 1, lint.EncodingZawgyi, lint.Error, "Burmese in the legacy Zawgyi encoding instead of Unicode", ""),
	}
	xssFindings := []lint.Finding{
		finding(t, xssPath, xss, `<script>alert("xss")</script>`, 1, lint.ScriptWrong, lint.Warning, `Latin text <script>alert("msg")</script> in a Thai file`, `<b>"fix"</b>`),
		finding(t, xssPath, xss, "หนึ่งแถบหนึ่งเส้นทาง", 1, lint.TermForbidden, lint.Error, `forbidden form "หนึ่งแถบหนึ่งเส้นทาง": use "ข้อริเริ่มแถบและเส้นทาง"`, "ข้อริเริ่มแถบและเส้นทาง"),
	}
	drFindings := []lint.Finding{
		finding(t, drPath, draft, "Asean", 1, lint.TermCase, lint.Warning, `wrong case "Asean": the glossary writes "ASEAN"`, "ASEAN"),
		finding(t, drPath, draft, "East Timor", 1, lint.TermForbidden, lint.Error, `forbidden form "East Timor": use "Timor-Leste"`, "Timor-Leste"),
		finding(t, drPath, draft, "OBOR", 1, lint.TermForbidden, lint.Error, `forbidden form "OBOR": use "Belt and Road Initiative"`, "Belt and Road Initiative"),
	}
	loFindings := []lint.Finding{
		finding(t, loPath, lo, "໑໙", 1, lint.NumberMismatch, lint.Error, `number "18th" (18) of the source is changed to "໑໙" (19) in the translation`, ""),
	}
	pair := func(path, lang, text string, fs []lint.Finding) *checkedFile {
		return &checkedFile{Path: path, Lang: lang, Mode: modePair, Source: srcPath, SourceLang: "en", Text: text, SourceText: src, Findings: fs}
	}
	r := &checkReport{
		Files: []*checkedFile{
			pair(thPath, "th", th, thFindings),
			pair(kmPath, "km", km, kmFindings),
			pair(myPath, "my", my, myFindings),
			pair(loPath, "lo", lo, loFindings),
			{Path: xssPath, Lang: "th", Mode: modeAlone, Text: xss, Findings: xssFindings, Note: `source <i>article.md</i> not found under .: checked on its own`},
			{Path: drPath, Lang: "en", Mode: modeAlone, Text: draft, Findings: drFindings, Fixed: 2},
			pair("out/article.vi.md", "vi", fixture(t, "clean/article.vi.md"), nil),
		},
		Rules:     rulesFor(map[string]lint.Severity{lint.StructureParagraphs: lint.Off, lint.TermCase: lint.Info}),
		FailLevel: lint.Error,
		Glossary:  g,
	}
	r.sortFiles()
	return r
}

// golden compares got with testdata/check/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "check", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, diff.Diff("want", want, "got", got))
	}
}

func TestFormatsGolden(t *testing.T) {
	for _, tc := range []struct{ format, file string }{
		{"text", "report.txt"},
		{"json", "report.json"},
		{"sarif", "report.sarif"},
		{"github", "report.github.txt"},
		{"html", "report.html"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			render, ok := checkFormatter(tc.format)
			if !ok {
				t.Fatalf("no formatter %q", tc.format)
			}
			var buf bytes.Buffer
			if err := render(&buf, testReport(t)); err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := render(&again, testReport(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatal("two renderings of the same report differ")
			}
			golden(t, tc.file, buf.Bytes())
		})
	}
}

func TestFormatsEmptyReport(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github", "html"} {
		t.Run(format, func(t *testing.T) {
			render, _ := checkFormatter(format)
			r := &checkReport{Rules: rulesFor(nil), FailLevel: lint.Error}
			var buf bytes.Buffer
			if err := render(&buf, r); err != nil {
				t.Fatal(err)
			}
			switch format {
			case "text", "github":
				if buf.Len() != 0 {
					t.Errorf("output for no findings: %q", buf.String())
				}
			case "html":
				if !strings.Contains(buf.String(), "No findings.") {
					t.Error("the page does not say there are no findings")
				}
			default:
				if !strings.Contains(buf.String(), `"results": []`) && !strings.Contains(buf.String(), `"findings": []`) {
					t.Errorf("no empty list in %s", buf.String())
				}
			}
		})
	}
}
