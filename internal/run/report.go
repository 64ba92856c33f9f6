package run

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/juru-cli/juru/internal/llm"
)

// WriteTable writes the final table of a run: items per status, then
// requests, tokens, cost and time.
func WriteTable(w io.Writer, s *Summary) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "status\titems\t")
	for _, st := range Statuses() {
		if n := s.Count(st); n > 0 {
			fmt.Fprintf(tw, "%s\t%d\t\n", st, n)
		}
	}
	fmt.Fprintf(tw, "total\t%d\t\n", len(s.Items))
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "requests %d (cached %d, attempts %d), tokens in %d out %d, cost $%.4f, time %s\n",
		s.Requests, s.Cached, s.Attempts, s.Usage.PromptTokens, s.Usage.CompletionTokens, s.Cost, Duration(s.Elapsed))
	if err == nil && s.Count(StatusEstimated) > 0 {
		e := s.Estimate
		_, err = fmt.Fprintf(w, "estimate for %d items: %d requests, tokens in %d out %d, cost $%.4f\n",
			s.Count(StatusEstimated), e.Requests, e.Usage.PromptTokens, e.Usage.CompletionTokens, e.Cost)
	}
	return err
}

// Report is the JSON form of a summary written by WriteReport.
type Report struct {
	Started   time.Time      `json:"started"`
	ElapsedMS int64          `json:"elapsed_ms"`
	Stopped   string         `json:"stopped,omitempty"`
	Error     string         `json:"error,omitempty"`
	Counts    map[Status]int `json:"counts"`
	Requests  int            `json:"requests"`
	Cached    int            `json:"cached"`
	Attempts  int            `json:"attempts"`
	Usage     llm.Usage      `json:"usage"`
	Cost      float64        `json:"cost_usd"`
	Estimate  *Estimate      `json:"estimate,omitempty"`
	Items     []ReportItem   `json:"items"`
}

// ReportItem is one item of a Report.
type ReportItem struct {
	Result
	LoadMS int64 `json:"load_ms"`
	RunMS  int64 `json:"run_ms"`
}

// NewReport builds the report of a summary.
func NewReport(s *Summary) Report {
	rep := Report{Started: s.Started, ElapsedMS: s.Elapsed.Milliseconds(), Stopped: s.Stopped,
		Counts: map[Status]int{}, Requests: s.Requests, Cached: s.Cached, Attempts: s.Attempts,
		Usage: s.Usage, Cost: s.Cost, Items: make([]ReportItem, 0, len(s.Items))}
	if s.Fatal != nil {
		rep.Error = s.Fatal.Error()
	}
	for _, r := range s.Items {
		rep.Counts[r.Status]++
		rep.Items = append(rep.Items, ReportItem{Result: r, LoadMS: r.Load.Milliseconds(), RunMS: r.Run.Milliseconds()})
	}
	if s.Count(StatusEstimated) > 0 {
		e := s.Estimate
		rep.Estimate = &e
	}
	return rep
}

// WriteReport writes the summary as indented JSON (see Report), with
// each item's status, tokens, attempts, violations and timings.
func WriteReport(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewReport(s))
}

// EstimateAll adds up the estimates of items without running anything,
// for a dry run that needs no manifest; est may fail for an item it
// cannot read.
func EstimateAll(items []Item, est func(Item) (Estimate, error)) (Estimate, error) {
	var total Estimate
	for _, it := range items {
		e, err := est(it)
		if err != nil {
			return total, fmt.Errorf("estimate %s: %w", it.Key, err)
		}
		total = total.Add(e)
	}
	return total, nil
}
