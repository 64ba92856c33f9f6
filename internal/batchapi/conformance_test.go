package batchapi_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/openai"
	"github.com/juru-cli/juru/translate"
)

// specPath finds shared/openai-openapi/openapi.yaml in a folder above
// this one.
func specPath(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "openai-openapi", "openapi.yaml")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/openai-openapi/openapi.yaml not found above this folder: the conformance of batch lines is not checked")
		}
		dir = parent
	}
}

// chatRequestSchema compiles CreateChatCompletionRequest from the
// official specification.
func chatRequestSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(specPath(t))
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSON(raw)
	if err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://juru.invalid/openapi.json"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url + "#/components/schemas/CreateChatCompletionRequest")
	if err != nil {
		t.Fatalf("compile CreateChatCompletionRequest: %v", err)
	}
	return s
}

// envelopeSchema is the batch input line as OpenAI documents it: the
// specification describes the file only in prose.
const envelopeSchema = `{
  "type": "object",
  "required": ["custom_id", "method", "url", "body"],
  "additionalProperties": false,
  "properties": {
    "custom_id": {"type": "string", "minLength": 1, "maxLength": 512},
    "method": {"const": "POST"},
    "url": {"const": "/v1/chat/completions"},
    "body": {"type": "object"}
  }
}`

func validate(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// TestBatchLinesConform builds the batch lines of real articles, with a
// glossary, for several languages and models, and checks every body
// against the official CreateChatCompletionRequest schema and every line
// against the documented batch input format.
func TestBatchLinesConform(t *testing.T) {
	body := chatRequestSchema(t)
	c := jsonschema.NewCompiler()
	if err := c.AddResource("envelope.json", mustJSON(t, envelopeSchema)); err != nil {
		t.Fatal(err)
	}
	envelope, err := c.Compile("envelope.json")
	if err != nil {
		t.Fatal(err)
	}
	// The check must be able to fail.
	for _, bad := range []string{
		`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"temperature":"warm"}`,
		`{"model":"gpt-4o-mini"}`,
		`{"model":"gpt-4o-mini","messages":[{"role":"narrator","content":"x"}]}`,
	} {
		if validate(body, []byte(bad)) == nil {
			t.Fatalf("the schema accepts the bad body %s; the test could not see a bad request", bad)
		}
	}
	if validate(envelope, []byte(`{"custom_id":"a","method":"GET","url":"/v1/chat/completions","body":{}}`)) == nil {
		t.Fatal("the envelope schema accepts GET")
	}

	g, err := glossary.Load("../../testdata/glossary/asean.csv")
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := filepath.Glob("../../testdata/news/asean/*.md")
	txt, _ := filepath.Glob("../../testdata/news/asean/*.txt")
	articles = append(articles, txt...)
	if len(articles) == 0 {
		t.Fatal("no articles in testdata")
	}
	zero, seed := float32(0), 42
	models := []translate.Options{
		{Model: "gpt-4o-mini", Temperature: &zero, To: "th"},
		{Model: "gpt-4.1-nano", Temperature: &zero, Seed: &seed, ChunkTokens: 80, To: "vi"},
		{Model: "o4-mini", To: "my"},
	}
	lines := 0
	for _, path := range articles {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range models {
			client, err := openai.New(openai.Config{BaseURL: "http://127.0.0.1:1/v1", Model: m.Model})
			if err != nil {
				t.Fatal(err)
			}
			to := m.To
			opts := m
			opts.Glossary = g
			plan, err := translate.DryRun(string(src), opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range plan.Chunks {
				if len(ch.Messages) == 0 {
					continue
				}
				req := opts
				r := batchapi.Request(req.Model, ch.Messages, req.Temperature, req.Seed)
				key := batchapi.Key(r)
				id := batchapi.NewID(batchapi.TaskTranslate, to, filepath.Base(path), ch.Index, key)
				line, err := client.BatchLine(openai.BatchRequest{CustomID: id.String(), Request: r})
				if err != nil {
					t.Fatal(err)
				}
				if err := validate(envelope, line); err != nil {
					t.Errorf("%s %s %s: line: %v", path, m.Model, to, err)
				}
				var l struct {
					Body json.RawMessage `json:"body"`
				}
				if err := json.Unmarshal(line, &l); err != nil {
					t.Fatal(err)
				}
				if err := validate(body, l.Body); err != nil {
					t.Errorf("%s %s %s: body: %v", path, m.Model, to, err)
				}
				if m.Temperature != nil && !strings.Contains(string(l.Body), `"temperature":0`) {
					t.Errorf("%s %s: temperature 0 is missing from %s", path, m.Model, l.Body)
				}
				lines++
			}
		}
	}
	if lines < 10 {
		t.Errorf("only %d lines checked", lines)
	}
}

func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}
