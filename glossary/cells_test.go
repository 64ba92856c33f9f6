package glossary

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSplitCellPaths checks the quick split of cells without backslashes
// against the character-by-character one that handles escapes.
func TestSplitCellPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "B", " ", "\t", "|", "!", "ก", "\u00a0", "\u3000", "Đổi", "x y"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if strings.TrimSpace(s) == "" || !strings.ContainsAny(s, "|!") {
			continue
		}
		quick, qerr := splitCell(s)
		slow, serr := splitEscaped(s)
		if fmt.Sprint(quick, qerr) != fmt.Sprint(slow, serr) {
			t.Fatalf("cell %q: quick %v %v, escaped %v %v", s, quick, qerr, slow, serr)
		}
	}
}
