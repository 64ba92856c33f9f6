package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestSecretNeverPrints checks that settings holding a key print without
// it, whatever the verb.
func TestSecretNeverPrints(t *testing.T) {
	const key = "sk-secret-test-91c3"
	o := endpointOptions{APIKey: newSecret(key), Model: "m"}
	to := translateOptions{endpoint: o}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		for _, v := range []any{o, &o, to, &to, o.APIKey} {
			if got := fmt.Sprintf(verb, v); strings.Contains(got, key) || strings.Contains(got, fmt.Sprintf("%x", key)) {
				t.Errorf("%s of %T prints the key: %s", verb, v, got)
			}
		}
	}
	if o.APIKey.Value() != key {
		t.Error("the key itself is lost")
	}
	if newSecret("").String() != "" || newSecret("").Set() {
		t.Error("no key should print as empty")
	}
}
