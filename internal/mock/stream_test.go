package mock

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestStreamFaults(t *testing.T) {
	full := NewTranslator(LocaleDigits, nil).Reply(translateSpec(t, "id"))
	cases := []struct {
		name  string
		fault Fault
		check func(t *testing.T, got streamed)
	}{
		{"none", Fault{}, func(t *testing.T, got streamed) {
			if !got.Done || got.Err != nil || got.Content != full {
				t.Errorf("stream %+v", got)
			}
		}},
		{"truncated", Fault{Kind: Truncated}, func(t *testing.T, got streamed) {
			if got.Done || got.Err == nil {
				t.Errorf("a cut stream ended cleanly: done %v err %v", got.Done, got.Err)
			}
		}},
		{"bad json", Fault{Kind: BadJSON}, func(t *testing.T, got streamed) {
			var se *json.SyntaxError
			if !errors.As(got.Err, &se) {
				t.Errorf("bad event not detected: %v", got.Err)
			}
		}},
		{"length", Fault{Kind: Length}, func(t *testing.T, got streamed) {
			if got.Finish != "length" || !got.Done || len(got.Content) >= len(full) || !strings.HasPrefix(full, got.Content) {
				t.Errorf("finish %q, %d bytes", got.Finish, len(got.Content))
			}
		}},
		{"refusal", Fault{Kind: Refusal}, func(t *testing.T, got streamed) {
			if got.Refusal == "" || got.Content != "" || !got.Done {
				t.Errorf("refusal stream %+v", got)
			}
		}},
		{"no choices", Fault{Kind: NoChoices}, func(t *testing.T, got streamed) {
			if got.Content != "" || got.Finish != "" || !got.Done {
				t.Errorf("no-choices stream %+v", got)
			}
		}},
		{"drop terms", Fault{Kind: DropTerms}, func(t *testing.T, got streamed) {
			if !got.Done || strings.Contains(got.Content, "Inisiatif Sabuk dan Jalan") {
				t.Errorf("terms kept in a drop-terms stream")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := start(t, Options{Script: Sequence(c.fault), ChunkSize: 16})
			resp, err := faultRequest(t, s, true)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			c.check(t, readSSE(resp.Body))
		})
	}
}
