package main

import (
	"errors"
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/cost"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/openai"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/textio"
	"github.com/juru-cli/juru/internal/tokens"
)

// batchPlan is the first requests of the items of a run that need work,
// as batch input lines, one group per item.
type batchPlan struct {
	groups  [][]batchapi.Line
	sources map[string]string
	// items need work; upToDate do not; skipped could not be read.
	items, upToDate, skipped int
	// requests are new lines; answered and inFlight are first requests
	// a batch already answered or is still working on.
	requests, answered, inFlight int
	usage                        llm.Usage
}

// planFilter tells planBatch which first requests to leave out.
type planFilter struct {
	answers  *batchapi.Answers
	inFlight map[string]string
}

// planBatch works out the batch lines of the items whose outputs are not
// up to date in m (every item when m is nil), leaving out requests
// already answered or in flight, and requests planned already for
// another item (the same chunk in two files, the notes of one article
// summarized into several languages).
func (a *app) planBatch(w batchWork, g *glossary.Glossary, ins []inputs.Input, items []batchrun.Item,
	client *openai.Client, m *manifest.Manifest, f planFilter) (*batchPlan, error) {
	bo, _ := w.settings()
	est := &pipeline{est: tokens.New()}
	src, err := a.newSourceReader(ins)
	if err != nil {
		return nil, err
	}
	pl := &batchPlan{sources: map[string]string{}}
	planned := map[string]bool{}
	var doc *textio.Doc
	var docIn inputs.Input
	loaded := false
	for _, it := range items {
		if !sends(it) {
			continue
		}
		in := it.Data.(itemData).in
		if !loaded || in.Rel != docIn.Rel {
			doc, err = src.read(in)
			docIn, loaded = in, true
			if err != nil {
				fmt.Fprintf(a.stderr, "juru: skipped: %s: %v\n", inputName(in), err)
			}
		}
		if err != nil {
			pl.skipped++
			continue
		}
		if m != nil && !bo.force {
			fp, ferr := w.fingerprint(it, doc.Text, g, est)
			if ferr == nil {
				if _, st := m.Check(it.Key, manifest.Hash([]byte(doc.Text)), fp); !st.Redo(false) {
					pl.upToDate++
					continue
				}
			}
		}
		reqs, perr := w.first(it, doc.Text, g, est)
		if perr != nil {
			fmt.Fprintf(a.stderr, "juru: skipped: %s [%s]: %v\n", inputName(in), it.Lang, perr)
			pl.skipped++
			continue
		}
		pl.items++
		var group []batchapi.Line
		for _, fr := range reqs {
			key := batchapi.Key(fr.req)
			short := batchapi.ShortKey(key)
			switch {
			case f.answers != nil && f.answers.Has(key):
				pl.answered++
				continue
			case f.inFlight[short] != "":
				pl.inFlight++
				continue
			case planned[short]:
				continue
			}
			planned[short] = true
			id := batchapi.NewID(w.code(), it.Lang, it.Source, fr.chunk, key)
			line, lerr := client.BatchLine(openai.BatchRequest{CustomID: id.String(), Request: fr.req})
			if lerr != nil {
				return nil, lerr
			}
			group = append(group, batchapi.Line{ID: id.String(), Key: key, Data: line})
			pl.sources[id.Source] = it.Source
			pl.usage = pl.usage.Add(fr.usage)
		}
		pl.requests += len(group)
		if len(group) > 0 {
			pl.groups = append(pl.groups, group)
		}
	}
	return pl, nil
}

// printBatchPlan sums a plan up on stderr, with the cost at the batch price when
// batch is set.
func (a *app) printBatchPlan(pl *batchPlan, work batchWork, batch bool) {
	bo, eo := work.settings()
	w := a.stderr
	fmt.Fprintf(w, "juru: %d items need work (%d up to date", pl.items, pl.upToDate)
	if pl.skipped > 0 {
		fmt.Fprintf(w, ", %d skipped", pl.skipped)
	}
	fmt.Fprintf(w, "): %d new requests", pl.requests)
	if pl.answered > 0 || pl.inFlight > 0 {
		fmt.Fprintf(w, ", %d answered already, %d in batches still running", pl.answered, pl.inFlight)
	}
	fmt.Fprintln(w)
	costs := cost.New(cost.Options{Overrides: bo.prices, Batch: batch})
	model := eo.Model
	fmt.Fprintf(w, "juru: estimate: about %d prompt tokens and %d answer tokens", pl.usage.PromptTokens, pl.usage.CompletionTokens)
	if costs.Known(model) {
		full := cost.New(cost.Options{Overrides: bo.prices}).Cost(model, pl.usage)
		if batch {
			fmt.Fprintf(w, ", about $%.4f with %s at the Batch API's half price ($%.4f interactive)", costs.Cost(model, pl.usage), model, full)
		} else {
			fmt.Fprintf(w, ", about $%.4f with %s at interactive prices", full, model)
		}
	} else {
		fmt.Fprintf(w, " (no price known for %s; set --price %s=IN/OUT)", model, model)
	}
	fmt.Fprintln(w, "; repairs come on top")
}

// errNoBatchEndpoint is returned when a Batch API command has no endpoint.
var errNoBatchEndpoint = errors.New("the Batch API needs an endpoint: set OPENAI_API_KEY (and OPENAI_BASE_URL for servers other than OpenAI)")
