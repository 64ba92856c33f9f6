package openai

import (
	"fmt"
	"strings"
	"testing"
)

// TestFormatHidesKey formats a client in every way a log line, an error
// or a panic could, and finds neither the key nor a header secret.
func TestFormatHidesKey(t *testing.T) {
	const key, secret = "sk-format-KEY-9d8c7b6a5f4e", "hdr-SECRET-1a2b3c4d"
	c, err := New(Config{APIKey: key, BaseURL: "http://127.0.0.1:1/v1", Model: "m",
		Headers: map[string]string{"X-Api-Key": secret}})
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{"*Client": c, "Client": *c, "[]*Client": []*Client{c}, "struct": struct{ C Client }{*c}}
	for name, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			s := fmt.Sprintf(verb, v)
			if strings.Contains(s, key) || strings.Contains(s, secret) || strings.Contains(s, fmt.Sprintf("%x", key)) {
				t.Errorf("fmt.Sprintf(%q, %s) holds a secret: %s", verb, name, s)
			}
		}
	}
	if got, want := fmt.Sprint(*c), c.String(); got != want {
		t.Errorf("a copy prints %q, want %q", got, want)
	}
}
