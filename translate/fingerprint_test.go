package translate

import (
	"testing"

	"github.com/juru-cli/juru/glossary"
)

func TestFingerprint(t *testing.T) {
	src := "The Belt and Road Initiative and the China-ASEAN Expo.\n"
	base := func() Options { return baseOptions("id") }
	temp := func(v float32) *float32 { return &v }
	seed := func(v int) *int { return &v }
	fp := func(t *testing.T, src string, o Options) Fingerprint {
		t.Helper()
		f, err := FingerprintOf(src, o)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ref := fp(t, src, base())
	if again := fp(t, src, base()); again != ref {
		t.Fatalf("fingerprint not stable: %v vs %v", again, ref)
	}
	if len(ref.Key()) != 64 || ref.Key() != fp(t, src, base()).Key() {
		t.Fatalf("key %q", ref.Key())
	}
	tests := []struct {
		name    string
		src     string
		change  func(*Options)
		changed bool
	}{
		{"model", src, func(o *Options) { o.Model = "gpt-4.1" }, true},
		{"temperature set", src, func(o *Options) { o.Temperature = temp(0) }, true},
		{"seed", src, func(o *Options) { o.Seed = seed(7) }, true},
		{"chunk budget", src, func(o *Options) { o.ChunkTokens = 900 }, true},
		{"default budget spelled out", src, func(o *Options) { o.ChunkTokens = DefaultChunkTokens }, false},
		{"repair budget", src, func(o *Options) { o.MaxRepairs = -1 }, true},
		{"target language", src, func(o *Options) { o.To = "vi" }, true},
		{"language spelling", src, func(o *Options) { o.From = "en-US" }, false},
		{"source text", src + "More.\n", func(*Options) {}, true},
		{"concurrency and strictness", src, func(o *Options) { o.Concurrency = 9; o.Strict = true }, false},
		{"applicable entry edited", src, func(o *Options) {
			o.Glossary.Entries[0].Terms["id"][0].Text = "Prakarsa Sabuk dan Jalan"
		}, true},
		{"entry that does not occur edited", src, func(o *Options) {
			o.Glossary.Entries[2].Terms["id"][0].Text = "Komisi Nasional"
		}, false},
		{"entry IDs and positions", src, func(o *Options) {
			for _, e := range o.Glossary.Entries {
				e.ID, e.Pos = "other.csv:9", glossary.Pos{File: "other.csv", Line: 9}
			}
		}, false},
		{"unrelated entry added", src, func(o *Options) {
			o.Glossary.Entries = append(o.Glossary.Entries, &glossary.Entry{Terms: map[string][]glossary.Form{"en": {{Text: "Nanning"}}, "id": {{Text: "Nanning"}}}})
		}, false},
		{"term only inside code", "The `Belt and Road Initiative` and the China-ASEAN Expo.\n", func(*Options) {}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := base()
			tt.change(&o)
			got := fp(t, tt.src, o)
			if (got.Key() != ref.Key()) != tt.changed {
				t.Errorf("changed = %v, want %v (%+v vs %+v)", got.Key() != ref.Key(), tt.changed, got, ref)
			}
		})
	}
	// A term inside code changes the glossary part, not only the source.
	code := fp(t, "The `Belt and Road Initiative` and the China-ASEAN Expo.\n", base())
	if code.Glossary == ref.Glossary {
		t.Errorf("a term inside code still counted as applicable")
	}
}
