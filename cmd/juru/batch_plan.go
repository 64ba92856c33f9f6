package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/cost"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/openai"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/tokens"
)

// batchPlan counts what planBatch found.
type batchPlan struct {
	// sources maps the source hashes of the lines' custom_ids to paths.
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

// itemPlan is what one item needs, worked out in parallel with others.
type itemPlan struct {
	it       batchrun.Item
	upToDate bool
	warning  string
	reqs     []firstRequest
	keys     []string
}

// planWindow is how many inputs are worked out at once.
func planWindow() int { return 8 * runtime.GOMAXPROCS(0) }

// planBatch works out the batch lines of the items whose outputs are not
// up to date in m (every item when m is nil), leaving out requests
// already answered or in flight, and requests planned already for
// another item (the same chunk in two files, the notes of one article
// summarized into several languages). It hands the lines of each item to
// emit, in item order, so that nothing holds the lines of a whole run.
func (a *app) planBatch(ctx context.Context, w batchWork, g *glossary.Glossary, ins []inputs.Input, items []batchrun.Item,
	client *openai.Client, m *manifest.Manifest, f planFilter, pl *batchPlan, emit func([]batchapi.Line) error) error {
	src, err := a.newSourceReader(ins)
	if err != nil {
		return err
	}
	planned := map[string]bool{}
	// Items come input by input: group them so that each input is read once.
	var byInput [][]batchrun.Item
	for _, it := range items {
		if !sends(it) {
			continue
		}
		n := len(byInput)
		if n == 0 || byInput[n-1][0].Source != it.Source {
			byInput = append(byInput, nil)
			n++
		}
		byInput[n-1] = append(byInput[n-1], it)
	}
	est := &pipeline{est: tokens.New()}
	for start := 0; start < len(byInput); start += planWindow() {
		window := byInput[start:min(len(byInput), start+planWindow())]
		plans := make([][]itemPlan, len(window))
		eg, ectx := errgroup.WithContext(ctx)
		eg.SetLimit(runtime.GOMAXPROCS(0))
		for i, its := range window {
			eg.Go(func() error {
				if ectx.Err() != nil {
					return ectx.Err()
				}
				plans[i] = a.planInput(w, g, src, its, m, est)
				return nil
			})
		}
		if err := eg.Wait(); err != nil {
			return err
		}
		for _, ps := range plans {
			for _, ip := range ps {
				if err := a.mergePlan(w, pl, ip, planned, client, f, emit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// planInput works out the items of one input.
func (a *app) planInput(w batchWork, g *glossary.Glossary, src *sourceReader, its []batchrun.Item, m *manifest.Manifest, est *pipeline) []itemPlan {
	bo, _ := w.settings()
	out := make([]itemPlan, len(its))
	in := its[0].Data.(itemData).in
	doc, err := src.read(in)
	for i, it := range its {
		ip := &out[i]
		ip.it = it
		if err != nil {
			ip.warning = fmt.Sprintf("%s: %v", inputName(in), err)
			continue
		}
		if m != nil && !bo.force {
			if fp, ferr := w.fingerprint(it, doc.Text, g, est); ferr == nil {
				if _, st := m.Check(it.Key, manifest.Hash([]byte(doc.Text)), fp); !st.Redo(false) {
					ip.upToDate = true
					continue
				}
			}
		}
		reqs, perr := w.first(it, doc.Text, g, est)
		if perr != nil {
			ip.warning = fmt.Sprintf("%s [%s]: %v", inputName(in), it.Lang, perr)
			continue
		}
		ip.reqs = reqs
		for _, fr := range reqs {
			ip.keys = append(ip.keys, batchapi.Key(fr.req))
		}
	}
	return out
}

// mergePlan counts an item's plan and emits its new lines.
func (a *app) mergePlan(w batchWork, pl *batchPlan, ip itemPlan, planned map[string]bool, client *openai.Client,
	f planFilter, emit func([]batchapi.Line) error) error {
	switch {
	case ip.warning != "":
		fmt.Fprintf(a.stderr, "juru: skipped: %s\n", ip.warning)
		pl.skipped++
		return nil
	case ip.upToDate:
		pl.upToDate++
		return nil
	}
	pl.items++
	var group []batchapi.Line
	for i, fr := range ip.reqs {
		key := ip.keys[i]
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
		id := batchapi.NewID(w.code(), ip.it.Lang, ip.it.Source, fr.chunk, key)
		line, err := client.BatchLine(openai.BatchRequest{CustomID: id.String(), Request: fr.req})
		if err != nil {
			return err
		}
		group = append(group, batchapi.Line{ID: id.String(), Key: key, Data: line})
		pl.sources[id.Source] = ip.it.Source
		pl.usage = pl.usage.Add(fr.usage)
	}
	pl.requests += len(group)
	if len(group) == 0 {
		return nil
	}
	return emit(group)
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
