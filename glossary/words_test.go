package glossary

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
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

// slowWordEnd is wordEnd read character by character.
func slowWordEnd(b []byte, p int) int {
	for p < len(b) {
		r, n := utf8.DecodeRune(b[p:])
		word := r < utf8.RuneSelf && isFoldedWord(byte(r)) ||
			r >= 0x00C0 && r <= 0x024F && r != 0x00D7 && r != 0x00F7 ||
			r >= 0x1E00 && r <= 0x1EFF
		if !word || r == utf8.RuneError && n == 1 {
			return p
		}
		p += n
	}
	return p
}

func TestWordAt(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	some := []string{"a", "b", "z", "0", "1", "9", " ", ".", "-", "\x80", "\xc3", "\xe1", "\xb8",
		"é", "×", "ɏ", "ɐ", "đ", "ệ", "ỹ", "Ỿ", "ḁ", "ก", "ក", "\u0300", "ß"}
	for range 20000 {
		var sb []byte
		for range r.IntN(30) {
			sb = append(sb, some[r.IntN(len(some))]...)
		}
		b := sb
		for p := range b {
			e := slowWordEnd(b, p)
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
