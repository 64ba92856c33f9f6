package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary/lint"
)

// unescapeGitHub decodes a workflow command value as the runner does.
func unescapeGitHub(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"50% off", "50%25 off", "50%25 off"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"x,y:z", "x,y:z", "x%2Cy%3Az"},
		{"%0A", "%250A", "%250A"},
		{"ไทย", "ไทย", "ไทย"},
	} {
		if got := escapeGitHubData(tc.in); got != tc.data {
			t.Errorf("escapeGitHubData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeGitHubProperty(tc.in); got != tc.prop {
			t.Errorf("escapeGitHubProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func FuzzGitHubEscaping(f *testing.F) {
	for _, s := range []string{"a,b:c", "100%\n", "%2C", "\r\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := escapeGitHubProperty(s)
		if strings.ContainsAny(p, ",:\r\n") {
			t.Fatalf("property %q still holds a separator", p)
		}
		if unescapeGitHub(p) != s {
			t.Fatalf("property %q does not decode to %q", p, s)
		}
		d := escapeGitHubData(s)
		if strings.ContainsAny(d, "\r\n") || unescapeGitHub(d) != s {
			t.Fatalf("data %q of %q", d, s)
		}
	})
}

// TestGitHubOneCommandPerFinding checks that a message or a file name
// with line breaks, commas and colons stays one command.
func TestGitHubOneCommandPerFinding(t *testing.T) {
	r := &checkReport{FailLevel: lint.Error, Files: []*checkedFile{{Path: "a,b:c.th.md", Findings: []lint.Finding{
		{Rule: lint.TermCase, Severity: lint.Info, Location: lint.Location{File: "a,b:c.th.md", Line: 2, Col: 3}, Message: "two\nlines, 5%"},
		{Rule: lint.TermMissing, Severity: lint.Warning, Location: lint.Location{File: "a,b:c.th.md"}, Message: "whole file"},
	}}}}
	var buf bytes.Buffer
	if err := formatGitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac.th.md,line=1,col=1,title=term.missing::whole file\n" +
		"::notice file=a%2Cb%3Ac.th.md,line=2,col=3,title=term.case::two%0Alines, 5%25\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
