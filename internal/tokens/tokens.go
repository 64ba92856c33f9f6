// Package tokens estimates offline how many tokens a text costs a model,
// using the byte-pair encodings of OpenAI's tokenizers (o200k_base and
// cl100k_base, embedded in the binary), so that juru can split articles
// under a token budget and price a run before sending anything.
//
// Which encoding counts for which model:
//
//   - o200k_base for gpt-4o, gpt-4.1, gpt-4.5, gpt-5, gpt-oss, chatgpt-4o
//     and the o-series (o1, o3, o4 and their variants);
//   - cl100k_base for gpt-4 (without "o" or a minor version), gpt-3.5
//     (Azure spells it gpt-35) and the text-embedding models;
//   - o200k_base for every other model. Llama, Qwen, Gemma, Mistral,
//     SEA-LION and similar modern models use vocabularies of 128k to 256k
//     tokens whose density on English and on the Latin-script languages of
//     South-East Asia is close to o200k_base; their counts for Thai, Lao,
//     Khmer and Burmese may differ by up to about two times, so those
//     figures are estimates, never limits.
//
// A provider prefix ("openai/gpt-4o" on OpenRouter) is ignored.
package tokens

import (
	"strings"
	"sync"
	"unicode/utf8"

	loader "github.com/pkoukk/tiktoken-go-loader"
)

// Encoding names.
const (
	O200k  = "o200k_base"
	CL100k = "cl100k_base"
)

// Estimator counts tokens. Each encoding is built the first time a model
// needs it (about a quarter of a second and some tens of megabytes) and
// then shared; create one Estimator per program and pass it around. The
// zero value is ready to use, and an Estimator is safe for concurrent use.
type Estimator struct {
	o200k  lazyEncoding
	cl100k lazyEncoding
}

// New returns an Estimator.
func New() *Estimator { return &Estimator{} }

// lazyEncoding loads one encoding's ranks once.
type lazyEncoding struct {
	once  sync.Once
	ranks map[string]int
	err   error
	memo  memo
}

func (l *lazyEncoding) get(name string) (map[string]int, error) {
	l.once.Do(func() { l.ranks, l.err = build(name) })
	return l.ranks, l.err
}

// Encoding returns the name of the encoding that counts for a model.
func (e *Estimator) Encoding(model string) string {
	m := strings.ToLower(strings.TrimSpace(model))
	if i := strings.LastIndexByte(m, '/'); i >= 0 {
		m = m[i+1:]
	}
	for _, p := range []string{"gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "chatgpt-", "o1", "o3", "o4"} {
		if hasModelPrefix(m, p) {
			return O200k
		}
	}
	for _, p := range []string{"gpt-4", "gpt-3.5", "gpt-35", "text-embedding-"} {
		if hasModelPrefix(m, p) {
			return CL100k
		}
	}
	return O200k
}

// hasModelPrefix reports whether model is p or p followed by a variant:
// "gpt-4-turbo" has prefix "gpt-4", but "gpt-4o" does not.
func hasModelPrefix(model, p string) bool {
	if !strings.HasPrefix(model, p) {
		return false
	}
	if len(model) == len(p) || strings.HasSuffix(p, "-") {
		return true
	}
	switch model[len(p)] {
	case '-', ':', '@', '_':
		return true
	}
	return false
}

// Count returns the number of tokens text costs the model: what the
// tokenizer library's EncodeOrdinary makes of it, never more than
// len(text) for valid UTF-8. It never fails: should an encoding not
// load, it falls back to one token per four bytes. The counts of recent
// texts (a few megabytes of them) are remembered, so that an article
// split again for another language is not counted again.
func (e *Estimator) Count(model, text string) int {
	if text == "" {
		return 0
	}
	name := e.Encoding(model)
	l := e.lazy(name)
	ranks, err := l.get(name)
	if err != nil {
		return (len(text) + 3) / 4
	}
	if n, ok := l.memo.get(text); ok {
		return n
	}
	key := text
	if !utf8.ValidString(text) {
		// as the library reads it: each bad byte a U+FFFD
		text = string([]rune(text))
	}
	pat := patO200k
	if name == CL100k {
		pat = patCL100k
	}
	n := 0
	var buf mergeBuf
	for _, seg := range segments(text, maxSegment) {
		pat.pieces(seg, func(p string) { n += bpeCount(p, ranks, &buf) })
	}
	l.memo.put(key, n)
	return n
}

// Counter returns Count bound to a model, the shape that chunking takes.
func (e *Estimator) Counter(model string) func(string) int {
	return func(s string) int { return e.Count(model, s) }
}

// lazy returns the encoding of a name, o200k_base for any but cl100k_base.
func (e *Estimator) lazy(name string) *lazyEncoding {
	if name == CL100k {
		return &e.cl100k
	}
	return &e.o200k
}

// build loads an encoding's ranks from the files embedded in the binary,
// without the network.
func build(name string) (map[string]int, error) {
	return loader.NewOfflineLoader().LoadTiktokenBpe(name + ".tiktoken")
}
