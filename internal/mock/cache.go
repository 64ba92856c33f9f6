package mock

import (
	"crypto/sha256"
	"fmt"
	"strconv"

	"github.com/juru-cli/juru/internal/prompt"
)

// maxReplies bounds the Translator's reply cache; it is emptied when full.
const maxReplies = 512

// reply answers a spec, from the cache when it was answered lately.
func (t *Translator) reply(s *prompt.Spec, mode termMode) string {
	key := specKey(s, mode)
	t.mu.Lock()
	out, ok := t.replies[key]
	t.mu.Unlock()
	if ok {
		return out
	}
	out = t.compose(s, mode)
	t.mu.Lock()
	if len(t.replies) >= maxReplies {
		clear(t.replies)
	}
	t.replies[key] = out
	t.mu.Unlock()
	return out
}

// specKey hashes everything a reply depends on.
func specKey(s *prompt.Spec, mode termMode) [32]byte {
	h := sha256.New()
	field := func(x string) { fmt.Fprintf(h, "%d:%s", len(x), x) }
	for _, x := range []string{string(s.Task), s.From.Code, s.To.Code, s.Style, strconv.Itoa(s.Words), strconv.Itoa(int(mode)), s.Document} {
		field(x)
	}
	for _, term := range s.Terms {
		field(term.Source)
		field(term.Target)
		for _, list := range [][]string{term.Accepted, term.Forbidden} {
			field(strconv.Itoa(len(list)))
			for _, x := range list {
				field(x)
			}
		}
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
