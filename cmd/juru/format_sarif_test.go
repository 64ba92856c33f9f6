package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/juru-cli/juru/glossary/lint"
)

// sharedDir finds the shared/ folder beside the checkout, or "".
func sharedDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		if st, err := os.Stat(filepath.Join(dir, "shared", "schemas")); err == nil && st.IsDir() {
			return filepath.Join(dir, "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestSARIFValidatesAgainstSchema checks the SARIF output against the
// official SARIF 2.1.0 JSON schema.
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("shared/schemas/sarif-schema-2.1.0.json not found beside the checkout: skipping the SARIF schema check")
	}
	schemaPath := filepath.Join(shared, "schemas", "sarif-schema-2.1.0.json")
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Skipf("no SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*checkReport{
		"findings": testReport(t),
		"empty":    {Rules: rulesFor(nil), FailLevel: lint.Error},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := formatSARIF(&buf, r); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("the SARIF log breaks the schema: %v", err)
			}
		})
	}
	// The schema must catch a broken log, or the check above proves nothing.
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"version":"2.1.0","runs":[{"results":[{"level":"fatal","message":{}}]}]}`)))
	if schema.Validate(bad) == nil {
		t.Error("the schema accepted a broken log")
	}
}

// TestSARIFContent checks what GitHub code scanning reads from the log.
func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	r := testReport(t)
	if err := formatSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if len(run.Tool.Driver.Rules) != len(lint.Rules()) {
		t.Errorf("%d rules, want %d", len(run.Tool.Driver.Rules), len(lint.Rules()))
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.HelpURI == "" || rule.ShortDescription.Text == "" {
			t.Errorf("rule %s lacks help or description", rule.ID)
		}
		if rule.ID == lint.StructureParagraphs && rule.DefaultConfiguration.Enabled {
			t.Errorf("rule %s is off but enabled in the log", rule.ID)
		}
	}
	all := r.allFindings()
	if len(run.Results) != len(all) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(all))
	}
	var related, fixes int
	for i, res := range run.Results {
		f := all[i]
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || res.RuleID != f.Rule {
			t.Errorf("result %d: rule %s, index %d, finding %s", i, res.RuleID, res.RuleIndex, f.Rule)
		}
		if res.Level != sarifLevel(f.Severity) {
			t.Errorf("result %d: level %s for %s", i, res.Level, f.Severity)
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI != f.File {
			t.Errorf("result %d: uri %q, file %q", i, pl.ArtifactLocation.URI, f.File)
		}
		if f.Line > 0 && (pl.Region == nil || pl.Region.StartLine != f.Line || pl.Region.StartColumn != f.Col) {
			t.Errorf("result %d: region %+v for %d:%d", i, pl.Region, f.Line, f.Col)
		}
		if f.Line == 0 && pl.Region != nil {
			t.Errorf("result %d: a finding about the whole file has a region", i)
		}
		related += len(res.RelatedLocations)
		fixes += len(res.Fixes)
		if (f.Suggestion != "") != (len(res.Fixes) == 1) {
			t.Errorf("result %d: suggestion %q, %d fixes", i, f.Suggestion, len(res.Fixes))
		}
	}
	if related != 1 || fixes == 0 {
		t.Errorf("%d related locations and %d fixes", related, fixes)
	}
}

func TestSARIFURI(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"out/article.th.md", "out/article.th.md"},
		{"./out//a.md", "out/a.md"},
		{"out/with space.md", "out/with%20space.md"},
		{"c:notes.md", "./c:notes.md"},
		{"/abs/a.md", "file:///abs/a.md"},
		{"", "stdin"},
	} {
		if got := sarifURI(tc.path); got != tc.want {
			t.Errorf("sarifURI(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
