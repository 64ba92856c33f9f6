package tokens

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// uncounted counts text the slow way: every segment encoded by the
// tokenizer library, no memo.
func uncounted(t *testing.T, e *Estimator, model, text string) int {
	t.Helper()
	enc := reference(t, e.Encoding(model))
	n := 0
	for _, seg := range segments(text, maxSegment) {
		n += len(enc.EncodeOrdinary(seg))
	}
	return n
}

// randomParagraph writes a paragraph of words from every script juru
// translates into.
func randomParagraph(r *rand.Rand) string {
	words := []string{"ASEAN", "China-ASEAN Expo", "Nanning", "34.35", "billion", "Inisiatif", "Sabuk", "ประชาคม", "อาเซียน", "Hội", "chợ", "Việt", "សហគមន៍", "ລາວ", "မြန်မာ", "中国", "东盟", "博览会", "\n", "  ", "—", "1,250", "๒๕๖๙"}
	var b strings.Builder
	for range 10 + r.IntN(200) {
		b.WriteString(words[r.IntN(len(words))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestMemoGivesTheCountOfTheText(t *testing.T) {
	t.Parallel()
	e := New()
	r := rand.New(rand.NewPCG(7, 8))
	var texts []string
	for range 300 {
		texts = append(texts, randomParagraph(r))
	}
	for round := range 3 {
		for _, model := range []string{"gpt-4o-mini", "gpt-4"} {
			for _, text := range texts {
				got, want := e.Count(model, text), uncounted(t, e, model, text)
				if got != want {
					t.Fatalf("round %d, %s: Count = %d, encoded %d, for %q", round, model, got, want, text)
				}
				if got > len(text) {
					t.Fatalf("%s: %d tokens for %d bytes", model, got, len(text))
				}
			}
		}
	}
}

func TestMemoStaysBounded(t *testing.T) {
	var m memo
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 20000 {
		text := strings.Repeat("x", memoMinLen+r.IntN(2000)) + strconv.Itoa(i)
		m.put(text, i)
		if m.size > memoBytes {
			t.Fatalf("memo holds %d bytes, more than %d", m.size, memoBytes)
		}
		if n, ok := m.get(text); !ok || n != i {
			t.Fatalf("memo lost the text it was just given: %d, %v", n, ok)
		}
	}
	total := 0
	for k := range m.counts {
		total += len(k)
	}
	if total != m.size {
		t.Fatalf("memo counts %d bytes, holds %d", m.size, total)
	}
}

func TestMemoKeepsNoDocumentAlive(t *testing.T) {
	var m memo
	doc := strings.Repeat("paragraph of a long document. ", 1000)
	m.put(doc[:100], 1)
	for k := range m.counts {
		if len(k) != 100 || unsafe.StringData(k) == unsafe.StringData(doc) {
			t.Fatal("memo key is not a copy")
		}
	}
}

// forget empties the memo, so that benchmarks count afresh.
func (m *memo) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts, m.size = nil, 0
}
