package inputs

import (
	"fmt"
	"testing"
)

// FuzzParseShard: a --shard value either names a shard of a valid
// split, which reads back the same, or is an error; never a panic.
func FuzzParseShard(f *testing.F) {
	for _, s := range []string{"0/4", "3/4", " 1 / 2 ", "4/4", "-1/4", "0/0", "1", "a/b", "0/4/8", "9999999999999999999/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		i, n, err := ParseShard(s)
		if err != nil {
			return
		}
		if n < 1 || i < 0 || i >= n {
			t.Fatalf("ParseShard(%q) = %d/%d", s, i, n)
		}
		if i2, n2, err := ParseShard(fmt.Sprintf("%d/%d", i, n)); err != nil || i2 != i || n2 != n {
			t.Fatalf("%d/%d does not read back: %d/%d, %v", i, n, i2, n2, err)
		}
	})
}
