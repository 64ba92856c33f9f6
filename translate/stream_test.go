package translate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// tidySlow is the obvious version of tidyAnswer.
func tidySlow(s string) string {
	return strings.ReplaceAll(strings.Trim(s, " \t\r\n\f\v"), "\r\n", "\n")
}

// TestAnswerTextPieces checks that an answer fed in random pieces comes
// out as the whole answer tidied at once, and that the text settled so
// far is always a prefix of the final text.
func TestAnswerTextPieces(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	alphabet := []string{"a", "ไทย", " ", "\n", "\r\n", "\r", "\t", "x y", "\n\n"}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.IntN(20); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		want := tidySlow(s)
		if got := tidyAnswer(s); got != want {
			t.Fatalf("tidyAnswer(%q) = %q, want %q", s, got, want)
		}
		var a answerText
		var settled strings.Builder
		for rest := s; rest != ""; {
			k := 1 + r.IntN(len(rest))
			settled.WriteString(a.write(rest[:k]))
			rest = rest[k:]
			if !strings.HasPrefix(want, settled.String()) {
				t.Fatalf("%q: settled %q is not a prefix of %q", s, settled.String(), want)
			}
		}
		if settled.String() != want || a.String() != want {
			t.Fatalf("%q in pieces gave %q, want %q", s, settled.String(), want)
		}
	}
}

func TestEmitterOrder(t *testing.T) {
	chunks := []Chunk{{Text: "a", Trail: "\n\n"}, {Lead: "  ", Text: "b", Trail: "\n"}, {Text: "c"}}
	var got []string
	e := newEmitter(func(s string) { got = append(got, s) }, chunks)
	e.delta(1, "B1") // waits: chunk 0 is not done
	if len(got) != 0 {
		t.Fatalf("emitted before the head chunk: %q", got)
	}
	if !e.done(2, "C") {
		t.Fatal("done(2) refused")
	}
	if !e.done(0, "A\n\n") {
		t.Fatal("done(0) refused")
	}
	e.delta(1, "B2")
	if e.abandon(1) {
		t.Fatal("abandon allowed after text was shown")
	}
	if e.done(1, "  B1X\n") {
		t.Fatal("done accepted a text that contradicts what was shown")
	}
	if !e.done(1, "  B1B2\n") {
		t.Fatal("done(1) refused")
	}
	want := []string{"A\n\n", "  B1", "B2", "\n", "C"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("emitted %q, want %q", got, want)
	}
}

func TestEmitterAbandonUnshown(t *testing.T) {
	chunks := []Chunk{{Text: "a"}, {Text: "b"}}
	var got []string
	e := newEmitter(func(s string) { got = append(got, s) }, chunks)
	e.delta(1, "partial")
	if !e.abandon(1) {
		t.Fatal("abandon refused for text never shown")
	}
	e.done(1, "B")
	e.done(0, "A")
	if strings.Join(got, "") != "AB" {
		t.Errorf("emitted %q, want AB", got)
	}
}
