package cost

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseError reports a bad price entry.
type ParseError struct {
	// Entry is the entry as given.
	Entry string
	// Reason says what is wrong.
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("price %q: %s (want MODEL=IN/OUT in USD per million tokens, such as gpt-4o=2.5/10)", e.Entry, e.Reason)
}

// Parse reads price overrides: entries "model=in/out" (USD per million
// input / output tokens) separated by commas, semicolons or newlines.
// Blank entries are ignored; a model given twice keeps the last price.
func Parse(spec string) (map[string]Price, error) {
	out := map[string]Price{}
	fields := strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
	for _, f := range fields {
		entry := strings.TrimSpace(f)
		if entry == "" {
			continue
		}
		model, p, err := parseEntry(entry)
		if err != nil {
			return nil, err
		}
		out[model] = p
	}
	return out, nil
}

func parseEntry(entry string) (string, Price, error) {
	fail := func(reason string) error { return &ParseError{Entry: entry, Reason: reason} }
	model, prices, ok := strings.Cut(entry, "=")
	model = strings.ToLower(strings.TrimSpace(model))
	if !ok || model == "" {
		return "", Price{}, fail("no model name")
	}
	in, out, ok := strings.Cut(prices, "/")
	if !ok {
		return "", Price{}, fail("no \"/\" between input and output price")
	}
	pi, err := parsePrice(in)
	if err != nil {
		return "", Price{}, fail("input price: " + err.Error())
	}
	po, err := parsePrice(out)
	if err != nil {
		return "", Price{}, fail("output price: " + err.Error())
	}
	return model, Price{In: pi, Out: po}, nil
}

func parsePrice(s string) (float64, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil:
		return 0, fmt.Errorf("%q is not a number", s)
	case math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e6:
		return 0, fmt.Errorf("%q is out of range", s)
	}
	return v, nil
}
