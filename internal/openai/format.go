package openai

import (
	"fmt"
	"io"
)

// Format prints a client as String does, whatever the verb and whether
// it is a pointer or a copy, so that no formatting (%v, %+v, %#v, %s of
// the value, a panic) reaches the key held inside it.
func (c Client) Format(f fmt.State, _ rune) {
	_, _ = io.WriteString(f, (&c).String())
}
