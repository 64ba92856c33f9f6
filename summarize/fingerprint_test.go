package summarize

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/translate"
)

func TestFingerprint(t *testing.T) {
	src := readFixture(t, "article.md")
	base := opts(Short)
	base.To = "id"
	fp := func(src string, o Options) translate.Fingerprint {
		t.Helper()
		f, err := FingerprintOf(src, o)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	want := fp(src, base)
	if want.Key() != fp(src, base).Key() || len(want.Key()) != 64 {
		t.Fatalf("fingerprint not stable: %+v", want)
	}
	temp0, temp1, seed := float32(0), float32(0.5), 7
	changes := []struct {
		name   string
		src    string
		edit   func(*Options)
		part   string // which parts must change, separated by "+"
		change bool
	}{
		{"source", src + "\nMore.", func(*Options) {}, "source", true},
		{"style", src, func(o *Options) { o.Style = Bullets }, "options", true},
		{"words", src, func(o *Options) { o.Style, o.Words = Paragraph, 80 }, "options", true},
		{"target", src, func(o *Options) { o.To = "vi" }, "options+glossary", true},
		{"source language", src, func(o *Options) { o.From = "id" }, "options+glossary", true},
		{"model", src, func(o *Options) { o.Model = "gpt-4o" }, "options", true},
		{"tokenizer", src, func(o *Options) { o.Model = "gpt-4" }, "options", true},
		{"temperature zero", src, func(o *Options) { o.Temperature = &temp0 }, "options", true},
		{"temperature", src, func(o *Options) { o.Temperature = &temp1 }, "options", true},
		{"seed", src, func(o *Options) { o.Seed = &seed }, "options", true},
		{"budget", src, func(o *Options) { o.ChunkTokens = 500 }, "options", true},
		{"repairs", src, func(o *Options) { o.MaxRepairs = -1 }, "options", true},
		{"entry of the article", src, func(o *Options) {
			o.Glossary = testGlossary()
			o.Glossary.Entries[0].Terms["id"] = []glossary.Form{{Text: "Prakarsa Sabuk dan Jalan"}}
		}, "glossary", true},
		{"no glossary", src, func(o *Options) { o.Glossary = nil }, "glossary", true},
		// Nothing that leaves the summary as it is changes the fingerprint.
		{"words ignored by the style", src, func(o *Options) { o.Words = 300 }, "", false},
		{"default repairs", src, func(o *Options) { o.MaxRepairs = DefaultMaxRepairs }, "", false},
		{"default budget", src, func(o *Options) { o.ChunkTokens = DefaultChunkTokens }, "", false},
		{"concurrency", src, func(o *Options) { o.Concurrency = 9 }, "", false},
		{"strict", src, func(o *Options) { o.Strict = true }, "", false},
		{"language spelling", src, func(o *Options) { o.To = "in" }, "", false},
		{"unrelated entry", src, func(o *Options) {
			o.Glossary = testGlossary()
			o.Glossary.Entries = append(o.Glossary.Entries, &glossary.Entry{ID: "x", Terms: map[string][]glossary.Form{"en": {{Text: "Mekong"}}, "id": {{Text: "Mekong"}}}})
		}, "", false},
		{"entry moved", src, func(o *Options) {
			o.Glossary = testGlossary()
			o.Glossary.Entries[0].ID, o.Glossary.Entries[0].Pos = "other.csv:9", glossary.Pos{File: "other.csv", Line: 9}
		}, "", false},
		{"line ends", strings.ReplaceAll(src, "\n", "\r\n"), func(*Options) {}, "source", true},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			o := base
			c.edit(&o)
			got := fp(c.src, o)
			parts := map[string]bool{"source": got.Source != want.Source, "options": got.Options != want.Options, "glossary": got.Glossary != want.Glossary}
			for name, changed := range parts {
				if changed != strings.Contains("+"+c.part+"+", "+"+name+"+") {
					t.Errorf("part %s changed: %v", name, changed)
				}
			}
			if (got.Key() != want.Key()) != c.change {
				t.Errorf("key changed: %v, want %v", got.Key() != want.Key(), c.change)
			}
		})
	}
	if _, err := FingerprintOf(src, Options{Style: "long"}); !errors.Is(err, ErrOptions) {
		t.Errorf("invalid options: %v", err)
	}
	if _, err := FingerprintOf("\xff", Options{}); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("invalid text: %v", err)
	}
	// A translation of the same article never shares a summary's key.
	tf, err := translate.FingerprintOf(src, translate.Options{To: "id", Glossary: testGlossary(), Estimator: testEstimator})
	if err != nil || tf.Options == want.Options {
		t.Errorf("translation fingerprint %+v, %v", tf, err)
	}
}

func TestDryRun(t *testing.T) {
	src := readFixture(t, "article.md")
	for _, long := range []bool{false, true} {
		name := map[bool]string{false: "one request", true: "map-reduce"}[long]
		t.Run(name, func(t *testing.T) {
			o := opts(Bullets)
			o.To = "id"
			if long {
				src = longArticle(t, 12)
				o.ChunkTokens = 120
			}
			pl, err := DryRun(src, o)
			if err != nil {
				t.Fatal(err)
			}
			f := &fake{}
			res, err := Summarize(context.Background(), f, src, o)
			if err != nil {
				t.Fatal(err)
			}
			reqs := f.requests()
			if pl.Requests != res.Requests || len(reqs) != res.Attempts || pl.Style != Bullets || pl.To != "id" {
				t.Fatalf("plan of %d requests, run of %d", pl.Requests, res.Requests)
			}
			var sent []string
			for _, r := range reqs {
				sent = append(sent, r.Messages[1].Content)
			}
			var planned []string
			for _, c := range pl.Chunks {
				planned = append(planned, c.Messages[1].Content)
			}
			if long {
				if len(pl.Chunks) != res.Chunks || pl.Summary.Messages != nil || pl.Summary.Index != len(pl.Chunks) {
					t.Errorf("%d planned chunks for %d, summary %+v", len(pl.Chunks), res.Chunks, pl.Summary)
				}
				// Notes are asked for in parallel, in any order.
				sort.Strings(planned)
				notes := sent[:len(planned)]
				sort.Strings(notes)
				if d := cmp.Diff(planned, notes); d != "" {
					t.Errorf("notes requests (-planned +sent):\n%s", d)
				}
			} else {
				if len(pl.Chunks) != 0 || pl.Summary.Messages == nil {
					t.Fatalf("plan %+v", pl)
				}
				if d := cmp.Diff([]llm.Message(pl.Summary.Messages), reqs[0].Messages); d != "" {
					t.Errorf("summary request (-planned +sent):\n%s", d)
				}
			}
			var entries []string
			for _, e := range pl.Entries {
				entries = append(entries, e.Entry+"="+e.Target)
			}
			if strings.Join(entries, " ") != "terms.csv:2=Inisiatif Sabuk dan Jalan terms.csv:3=Ekspo China-ASEAN" {
				t.Errorf("entries %q", entries)
			}
			if pl.PromptTokens < pl.Summary.PromptTokens || pl.OutputTokens <= 0 || pl.Summary.OutputTokens <= 0 {
				t.Errorf("estimate %d in, %d out", pl.PromptTokens, pl.OutputTokens)
			}
		})
	}
	if _, err := DryRun("  ", Options{}); !errors.Is(err, ErrEmptyDocument) {
		t.Errorf("blank article: %v", err)
	}
}
