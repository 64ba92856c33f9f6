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
	"github.com/juru-cli/juru/translate"
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

// firstRequest is the request translate sends first for a chunk.
func firstRequest(opts translate.Options, msgs []llm.Message) llm.Request {
	return batchapi.Request(opts.Model, msgs, opts.Temperature, opts.Seed)
}

// firstRequests lists the first request of every chunk of a translation
// plan, with the chunk's position.
func firstRequests(plan *translate.Plan, opts translate.Options) (reqs []llm.Request, chunks []int) {
	for _, ch := range plan.Chunks {
		if len(ch.Messages) == 0 {
			continue
		}
		reqs = append(reqs, firstRequest(opts, ch.Messages))
		chunks = append(chunks, ch.Index)
	}
	return reqs, chunks
}

// planBatch works out the batch lines of the items whose outputs are not
// up to date in m (every item when m is nil), leaving out requests
// already answered or in flight.
func (a *app) planBatch(o translateOptions, g *glossary.Glossary, ins []inputs.Input, items []batchrun.Item,
	client *openai.Client, m *manifest.Manifest, f planFilter) (*batchPlan, error) {
	est := &pipeline{est: tokens.New()}
	src, err := a.newSourceReader(ins)
	if err != nil {
		return nil, err
	}
	pl := &batchPlan{sources: map[string]string{}}
	var doc *textio.Doc
	var docIn inputs.Input
	loaded := false
	for _, it := range items {
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
		opts := o.options(it.Lang, g, est)
		if m != nil && !o.batch.force {
			fp, ferr := translate.FingerprintOf(doc.Text, opts)
			if ferr == nil {
				if _, st := m.Check(it.Key, manifest.Hash([]byte(doc.Text)), fp.Key()); !st.Redo(false) {
					pl.upToDate++
					continue
				}
			}
		}
		plan, perr := translate.DryRun(doc.Text, opts)
		if perr != nil {
			fmt.Fprintf(a.stderr, "juru: skipped: %s [%s]: %v\n", inputName(in), it.Lang, perr)
			pl.skipped++
			continue
		}
		pl.items++
		reqs, chunks := firstRequests(plan, opts)
		var group []batchapi.Line
		for i, req := range reqs {
			key := batchapi.Key(req)
			switch {
			case f.answers != nil && f.answers.Has(key):
				pl.answered++
				continue
			case f.inFlight[batchapi.ShortKey(key)] != "":
				pl.inFlight++
				continue
			}
			id := batchapi.NewID(batchapi.TaskTranslate, it.Lang, it.Source, chunks[i], key)
			line, lerr := client.BatchLine(openai.BatchRequest{CustomID: id.String(), Request: req})
			if lerr != nil {
				return nil, lerr
			}
			group = append(group, batchapi.Line{ID: id.String(), Key: key, Data: line})
			pl.sources[id.Source] = it.Source
		}
		for _, ch := range plan.Chunks {
			if len(ch.Messages) > 0 && containsChunk(group, ch.Index) {
				pl.usage = pl.usage.Add(llm.Usage{PromptTokens: ch.PromptTokens, CompletionTokens: ch.OutputTokens})
			}
		}
		pl.requests += len(group)
		if len(group) > 0 {
			pl.groups = append(pl.groups, group)
		}
	}
	return pl, nil
}

// containsChunk reports whether a group holds the request of a chunk.
func containsChunk(group []batchapi.Line, chunk int) bool {
	for _, l := range group {
		if id, err := batchapi.ParseID(l.ID); err == nil && id.Chunk == chunk {
			return true
		}
	}
	return false
}

// printPlan sums a plan up on w, with the cost at the batch price when
// batch is set.
func (a *app) printBatchPlan(pl *batchPlan, o translateOptions, batch bool) {
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
	costs := cost.New(cost.Options{Overrides: o.batch.prices, Batch: batch})
	model := o.endpoint.Model
	fmt.Fprintf(w, "juru: estimate: about %d prompt tokens and %d answer tokens", pl.usage.PromptTokens, pl.usage.CompletionTokens)
	if costs.Known(model) {
		full := cost.New(cost.Options{Overrides: o.batch.prices}).Cost(model, pl.usage)
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
