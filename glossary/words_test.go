package glossary

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

func TestNonWordBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	some := []byte("az09AZ`{/:\x80\xff")
	for range 100000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b[i] = some[r.IntN(len(some))]
			}
		}
		got := nonWordBytes(binary.LittleEndian.Uint64(b[:]))
		for i, c := range b {
			if bad := got>>(8*i+7)&1 == 1; bad != !isFoldedWord(c) || got>>(8*i)&0x7F != 0 {
				t.Fatalf("nonWordBytes(%q) = %#x: byte %d wrong", b[:], got, i)
			}
		}
	}
}

func TestWordAt(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	some := []byte("abz0189 .-\x80\xc3")
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = some[r.IntN(len(some))]
		}
		for p := range b {
			e := p
			for e < len(b) && isFoldedWord(b[e]) {
				e++
			}
			got, h := wordAt(b, p)
			if got != e {
				t.Fatalf("wordAt(%q, %d) ends at %d, want %d", b, p, got, e)
			}
			// the hash depends on the word alone
			w := append([]byte(nil), b[p:e]...)
			if _, hw := wordAt(w, 0); h != hw {
				t.Fatalf("the hash of %q differs in %q at %d", w, b, p)
			}
		}
	}
}
