package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/translate"
)

// resultSet keeps each item's translation result by index.
type resultSet struct {
	mu  sync.Mutex
	res []*translate.Result
}

func newResultSet(n int) *resultSet { return &resultSet{res: make([]*translate.Result, n)} }

// set keeps an item's result without its text: the text is in the
// output file, and a run over thousands of articles must not hold them all.
func (s *resultSet) set(i int, r *translate.Result) {
	if r != nil {
		c := *r
		c.Text = ""
		r = &c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.res[i] = r
}

func (s *resultSet) get(i int) *translate.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.res[i]
}

// translateRecord is the JSON record of one file and language.
type translateRecord struct {
	Input      string               `json:"input"`
	Lang       string               `json:"lang"`
	Output     string               `json:"output,omitempty"`
	Status     string               `json:"status"`
	Error      string               `json:"error,omitempty"`
	Text       *string              `json:"text,omitempty"`
	Chunks     int                  `json:"chunks"`
	Requests   int                  `json:"requests"`
	Attempts   int                  `json:"attempts"`
	Cached     int                  `json:"cached"`
	Usage      llm.Usage            `json:"usage"`
	CostUSD    float64              `json:"cost_usd"`
	Hits       []glossary.Hit       `json:"hits"`
	Violations []glossary.Violation `json:"violations"`
}

// record builds the JSON record of a result.
func record(input, output, status string, res *translate.Result, cost float64) translateRecord {
	r := translateRecord{Input: input, Output: output, Status: status, CostUSD: cost,
		Hits: []glossary.Hit{}, Violations: []glossary.Violation{}}
	if res != nil {
		r.Lang = res.To
		r.Chunks, r.Requests, r.Attempts, r.Cached = res.Chunks, res.Requests, res.Attempts, res.Cached
		r.Usage, r.Hits, r.Violations = res.Usage, res.Hits, res.Violations
	}
	return r
}

// printTranslateResults reports each item: JSON records on stdout with
// --format json; remaining violations on stderr either way.
func (a *app) printTranslateResults(o translateOptions, items []batchrun.Item, s *batchrun.Summary, rs *resultSet) {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	for i, it := range s.Items {
		res := rs.get(i)
		out := ""
		if it.Output != "" && o.batch.outDir != "" {
			out = filepath.Join(o.batch.outDir, filepath.FromSlash(it.Output))
		}
		if o.batch.format == "json" {
			rec := record(it.Source, out, string(it.Status), res, it.Cost)
			rec.Lang, rec.Error = it.Lang, it.Error
			_ = enc.Encode(rec)
		}
		if res == nil {
			continue
		}
		for _, v := range res.Violations {
			where := out
			if v.Kind == glossary.Missing {
				where = inputName(items[i].Data.(itemData).in)
			}
			fmt.Fprintf(a.stderr, "%s:%d:%d: glossary [%s]: %s\n", where, v.Line, v.Col, res.To, describeViolation(v))
		}
	}
}

// inputName names an input in messages: its path, or "stdin".
func inputName(in inputs.Input) string {
	if in.IsStdin() {
		return "stdin"
	}
	return in.Path
}
