package tokens

import "github.com/juru-cli/juru/internal/llm"

// Chat formatting overhead: every message costs a few tokens besides its
// content and role, and the answer is primed with a few more, after the
// accounting OpenAI documents for its chat models.
const (
	perMessage = 3
	perReply   = 3
)

// CountMessages estimates the prompt tokens of a chat request.
func (e *Estimator) CountMessages(model string, msgs []llm.Message) int {
	if len(msgs) == 0 {
		return 0
	}
	n := perReply
	for _, m := range msgs {
		n += perMessage + e.Count(model, string(m.Role)) + e.Count(model, m.Content)
	}
	return n
}

// Output estimates the tokens of a translation of a text that costs
// srcTokens in language from, into language to: the source count scaled
// by how many tokens each language needs for the same content relative
// to English under the model's encoding.
func (e *Estimator) Output(model string, srcTokens int, from, to string) int {
	if srcTokens <= 0 {
		return 0
	}
	enc := e.Encoding(model)
	r := Ratio(enc, to) / Ratio(enc, from)
	return int(float64(srcTokens)*r + 0.5)
}

// Ratio returns how many tokens a text in a language costs under an
// encoding for every token its English version costs. The figures for
// id, ms, th, vi, fil, km, lo, my and zh-Hans were measured on the 1,012
// parallel sentences of FLORES-200 devtest; those for ta, tet, pt and
// zh-Hant are estimates from related languages and scripts. Unknown
// languages count as English.
func Ratio(encoding, lang string) float64 {
	o, c := ratios(lang)
	if encoding == CL100k {
		return c
	}
	return o
}

// ratios returns the o200k_base and cl100k_base ratios of a language.
func ratios(lang string) (o200k, cl100k float64) {
	switch lang {
	case "id":
		return 1.25, 1.55
	case "ms":
		return 1.30, 1.62
	case "th":
		return 1.99, 4.38
	case "vi":
		return 1.49, 2.44
	case "fil":
		return 1.69, 2.06
	case "km":
		return 3.34, 8.75
	case "lo":
		return 8.23, 9.54
	case "my":
		return 3.16, 11.65
	case "zh-Hans":
		return 1.25, 1.87
	case "zh-Hant":
		return 1.35, 2.20
	case "ta":
		return 3.00, 9.00
	case "tet":
		return 1.60, 2.00
	case "pt":
		return 1.20, 1.40
	}
	return 1, 1
}
