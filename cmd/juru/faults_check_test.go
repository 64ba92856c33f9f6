package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/mock"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/script"
)

// checkFirstRun checks the outcome of the faulty run and returns the
// items that failed and those written.
func checkFirstRun(t *testing.T, c *corpus, res outcome, report, out string, ref map[string][]byte, reqs []mapped) (failed, written map[itemKey]bool) {
	t.Helper()
	rep := readReport(t, report)
	if len(rep.Items) != len(c.items()) {
		t.Fatalf("report lists %d items, want %d", len(rep.Items), len(c.items()))
	}
	failed = map[itemKey]bool{}
	for _, it := range rep.Items {
		k, ok := c.itemOfSource(it.Source, it.Lang)
		if !ok {
			t.Errorf("report names unknown item %s [%s]", it.Source, it.Lang)
			continue
		}
		switch it.Status {
		case batchrun.StatusOK:
		case batchrun.StatusFailed:
			failed[k] = true
			if it.Error == "" {
				t.Errorf("%s [%s] failed without a reason", it.Source, it.Lang)
			}
			if !strings.Contains(res.stderr, "juru: failed: "+it.Source+" ["+it.Lang+"]: ") {
				t.Errorf("stderr does not list the failure of %s [%s]", it.Source, it.Lang)
			}
		default:
			t.Errorf("%s [%s] ended %s (%s); want ok or failed", it.Source, it.Lang, it.Status, it.Error)
		}
	}
	halved := map[itemKey]bool{}
	for _, r := range reqs {
		if r.rec.Fault.Kind == mock.Length {
			halved[r.item] = true
		}
	}
	logged := 0
	for _, it := range rep.Items {
		if k, ok := c.itemOfSource(it.Source, it.Lang); ok && failed[k] && (logged < 8 || strings.Contains(it.Error, "cannot reach")) {
			logged++
			t.Logf("failed: %s [%s]: %s; requests: %s", it.Source, it.Lang, it.Error, history(reqs, k))
		}
	}
	written = checkOutputs(t, c, out, ref, halved)
	for k := range failed {
		if written[k] {
			t.Errorf("%s [%s] failed but has an output", c.articles[k.article].rel, k.lang)
		}
	}
	if len(written)+len(failed) != len(c.items()) {
		t.Errorf("%d items written and %d failed, of %d", len(written), len(failed), len(c.items()))
	}
	if lm, err := loadManifest(out); err != nil || len(lm.Problems) > 0 {
		t.Errorf("manifest: %v %v", err, lm.Problems)
	}
	t.Logf("first run: %d items written, %d failed (%d with an answer cut by finish_reason length)", len(written), len(failed), len(halved))
	return failed, written
}

// checkOutputs checks every output under out: it belongs to an item, it
// is the reference translation (or, for an item whose answer was cut and
// translated in halves, has its line structure), it keeps the glossary
// and it is written in the language's script. It returns the items written.
func checkOutputs(t *testing.T, c *corpus, out string, ref map[string][]byte, halved map[itemKey]bool) map[itemKey]bool {
	t.Helper()
	g := loadTerms(t)
	checkers := map[string]*glossary.Checker{}
	for _, l := range relLangs {
		checkers[l] = glossary.NewChecker(g, "en", l)
	}
	byOut := map[string]itemKey{}
	for _, k := range c.items() {
		byOut[c.outRel(k.article, k.lang)] = k
	}
	written := map[itemKey]bool{}
	for rel, b := range readTree(t, out) {
		k, ok := byOut[rel]
		if !ok {
			t.Errorf("unexpected file %s in the output folder", rel)
			continue
		}
		written[k] = true
		switch {
		case bytes.Equal(b, ref[rel]):
		case halved[k] && sameLines(b, ref[rel]):
		default:
			t.Errorf("%s differs from the translation:\n%s\nwant:\n%s", rel, b, ref[rel])
		}
		src := c.articles[k.article].text
		if rep := checkers[k.lang].Check(src, string(b)); !rep.OK() {
			t.Errorf("%s breaks the glossary: %+v", rel, rep.Violations)
		}
		if fs, err := script.Check(string(b), k.lang, script.Options{}); err != nil || len(fs) > 0 {
			t.Errorf("%s: script check: %v %+v", rel, err, fs)
		}
	}
	return written
}

// checkNoRepeat fails for any request made for an item after its
// output was recorded in the manifest.
func checkNoRepeat(t *testing.T, c *corpus, reqs []mapped, recs []manifest.Record) {
	t.Helper()
	at := map[itemKey]time.Time{}
	for k, tm := range writtenAt(recs) {
		if it, ok := c.itemOfSource(k.Source, k.Lang); ok {
			at[it] = tm
		}
	}
	n := 0
	for _, r := range reqs {
		if tm, ok := at[r.item]; ok && r.rec.Time.After(tm) {
			if n++; n <= 10 {
				t.Errorf("request %d for %s [%s] at %s, after its output was recorded at %s",
					r.rec.Seq, c.articles[r.item.article].rel, r.item.lang, r.rec.Time.Format(time.StampMicro), tm.Format(time.StampMicro))
			}
		}
	}
	if n > 10 {
		t.Errorf("... %d requests in all after their item was recorded", n)
	}
}

// loadManifest loads an output folder's manifest without locking it.
func loadManifest(out string) (*manifest.Loaded, error) {
	f, err := os.Open(manifest.Path(out, ""))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return manifest.Load(f)
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// checkRateLimits fails when the endpoint's rate limit turned away 2% or
// more of the chat requests (the 429s the fault script injects on
// purpose are counted apart), and logs what the endpoint answered.
func checkRateLimits(t *testing.T, recs []mock.Recorded, restart time.Time) {
	t.Helper()
	var chat, limited, injected, afterRestart int
	statuses := map[int]int{}
	faults := map[mock.FaultKind]int{}
	for _, r := range recs {
		if !strings.HasSuffix(r.Path, "/chat/completions") {
			continue
		}
		chat++
		statuses[r.Status]++
		faults[r.Fault.Kind]++
		switch {
		case r.Call.N == 0 && r.Status == 429:
			limited++
		case r.Fault.Kind == mock.RateLimited:
			injected++
		}
		if !restart.IsZero() && r.Time.After(restart) {
			afterRestart++
		}
	}
	t.Logf("%d chat requests; statuses %v; faults %v; %d after the restart", chat, statuses, faults, afterRestart)
	t.Logf("429 from the endpoint's rate limit: %d (%.2f%%); injected 429: %d (%.2f%%)",
		limited, 100*float64(limited)/float64(max(chat, 1)), injected, 100*float64(injected)/float64(max(chat, 1)))
	if !restart.IsZero() && afterRestart == 0 {
		t.Errorf("no request reached the endpoint after its restart")
	}
	if chat == 0 || float64(limited) >= 0.02*float64(chat) {
		t.Errorf("the rate limit answered 429 to %d of %d chat requests (%.2f%%), want under 2%%: requests are not paced to the announced limit",
			limited, chat, 100*float64(limited)/float64(max(chat, 1)))
	}
}

// history describes the requests made for an item: sequence number,
// status (0 for none) and injected fault.
func history(reqs []mapped, k itemKey) string {
	var b strings.Builder
	for _, r := range reqs {
		if r.item == k {
			fmt.Fprintf(&b, " #%d@%s:%d", r.rec.Seq, r.rec.Time.Format("15:04:05.000"), r.rec.Status)
			if r.rec.Fault.Kind != mock.NoFault {
				b.WriteString("/" + string(r.rec.Fault.Kind))
			}
		}
	}
	return b.String()
}
