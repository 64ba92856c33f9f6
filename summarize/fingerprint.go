package summarize

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/prompt"
	"github.com/juru-cli/juru/translate"
)

// checksVersion changes whenever map-reduce, answer reading or the checks
// change in a way that can change a summary.
const checksVersion = 1

// FingerprintOf identifies everything that decides the summary of src
// with opts, in the form translations use, so that a batch run can tell
// whether an earlier summary is still up to date:
//
//   - Source: the bytes of the article;
//   - Options: the task, the languages, style, paragraph length, model,
//     temperature, seed, chunk budget, repair budget, tokenizer,
//     prompt.Version and the version of the package's checks;
//   - Glossary: the entries that occur in the article, in glossary order,
//     each with its case sensitivity and all its forms and their standing
//     in the two languages (entry IDs and file positions left out).
//
// Concurrency and strictness do not change a summary and are left out.
// As for translations, a forbidden form added to an entry that does not
// occur in the article is not seen: re-check earlier summaries with
// glossary.Checker.Forbidden, which costs no request.
func FingerprintOf(src string, opts Options) (translate.Fingerprint, error) {
	cfg, err := resolve(opts)
	if err != nil {
		return translate.Fingerprint{}, err
	}
	if !utf8.ValidString(src) {
		return translate.Fingerprint{}, ErrInvalidUTF8
	}
	o := struct {
		Format      int     `json:"format"`
		Task        string  `json:"task"`
		Prompt      string  `json:"prompt"`
		Checks      int     `json:"checks"`
		From        string  `json:"from"`
		To          string  `json:"to"`
		Style       string  `json:"style"`
		Words       int     `json:"words"`
		Model       string  `json:"model"`
		Encoding    string  `json:"encoding"`
		Temperature *string `json:"temperature"`
		Seed        *int    `json:"seed"`
		ChunkTokens int     `json:"chunk_tokens"`
		MaxRepairs  int     `json:"max_repairs"`
	}{
		Format: 1, Task: "summarize", Prompt: prompt.Version, Checks: checksVersion,
		From: cfg.From, To: cfg.To, Style: cfg.Style, Words: cfg.Words,
		Model: cfg.Model, Encoding: cfg.est.Encoding(cfg.Model),
		Seed: cfg.Seed, ChunkTokens: cfg.budget, MaxRepairs: cfg.repairs,
	}
	if cfg.Temperature != nil {
		t := strconv.FormatFloat(float64(*cfg.Temperature), 'g', -1, 32)
		o.Temperature = &t
	}
	fp := translate.Fingerprint{Source: hash([]byte(src)), Options: hashJSON(o)}
	type entry struct {
		CaseSensitive bool            `json:"case_sensitive"`
		From          []glossary.Form `json:"from"`
		To            []glossary.Form `json:"to"`
	}
	entries := []entry{}
	if cfg.checker != nil {
		for _, e := range cfg.checker.Applicable(strings.ReplaceAll(src, "\r\n", "\n")) {
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
		panic("summarize: cannot encode fingerprint: " + err.Error())
	}
	return hash(b)
}
