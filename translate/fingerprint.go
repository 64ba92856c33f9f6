package translate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/prompt"
)

// chunkingVersion changes whenever splitting, protection or the checks
// change in a way that can change a translation.
const chunkingVersion = 1

// Fingerprint identifies everything that decides the translation of a
// document, so that a batch run can tell whether an earlier output is
// still up to date. Each field is the hex SHA-256 of one part:
//
//   - Source: the bytes of the document;
//   - Options: the languages, model, temperature, seed, chunk budget,
//     repair budget, tokenizer, prompt.Version and the version of
//     juru's chunking and checks;
//   - Glossary: the entries that occur in the document (outside code and
//     URLs), in glossary order, each with its case sensitivity and all its
//     forms and their standing in the two languages. Entry IDs and file
//     positions are left out, so that moving a row or adding unrelated
//     rows changes nothing.
//
// Concurrency, streaming and strictness do not change a translation and
// are left out. A forbidden form added to an entry that does not occur in
// the document is not seen either: re-check earlier outputs with
// glossary.Checker.Forbidden, which costs no request.
type Fingerprint struct {
	Source   string `json:"source"`
	Options  string `json:"options"`
	Glossary string `json:"glossary"`
}

// Key combines the three parts into one hex SHA-256.
func (f Fingerprint) Key() string {
	return hash([]byte(f.Source + "\n" + f.Options + "\n" + f.Glossary))
}

// FingerprintOf computes the fingerprint of translating src with opts.
func FingerprintOf(src string, opts Options) (Fingerprint, error) {
	cfg, err := resolve(opts)
	if err != nil {
		return Fingerprint{}, err
	}
	if !utf8.ValidString(src) {
		return Fingerprint{}, ErrInvalidUTF8
	}
	o := struct {
		Format      int     `json:"format"`
		Prompt      string  `json:"prompt"`
		Chunking    int     `json:"chunking"`
		From        string  `json:"from"`
		To          string  `json:"to"`
		Model       string  `json:"model"`
		Encoding    string  `json:"encoding"`
		Temperature *string `json:"temperature"`
		Seed        *int    `json:"seed"`
		ChunkTokens int     `json:"chunk_tokens"`
		MaxRepairs  int     `json:"max_repairs"`
	}{
		Format: 1, Prompt: prompt.Version, Chunking: chunkingVersion,
		From: cfg.From, To: cfg.To, Model: cfg.Model, Encoding: cfg.est.Encoding(cfg.Model),
		Seed: cfg.Seed, ChunkTokens: cfg.budget, MaxRepairs: cfg.repairs,
	}
	if cfg.Temperature != nil {
		t := strconv.FormatFloat(float64(*cfg.Temperature), 'g', -1, 32)
		o.Temperature = &t
	}
	fp := Fingerprint{Source: hash([]byte(src)), Options: hashJSON(o)}
	type entry struct {
		CaseSensitive bool            `json:"case_sensitive"`
		From          []glossary.Form `json:"from"`
		To            []glossary.Form `json:"to"`
	}
	entries := []entry{}
	if cfg.checker != nil {
		for _, e := range cfg.checker.Applicable(mask(src)) {
			entries = append(entries, entry{CaseSensitive: e.CaseSensitive, From: e.Forms(cfg.From), To: e.Forms(cfg.To)})
		}
	}
	fp.Glossary = hashJSON(entries)
	return fp, nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hashJSON hashes the JSON encoding of v, which is deterministic for the
// structs and slices used here.
func hashJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("translate: cannot encode fingerprint: " + err.Error())
	}
	return hash(b)
}
