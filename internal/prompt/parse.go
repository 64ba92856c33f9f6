package prompt

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/juru-cli/juru/internal/llm"
)

// quote writes s as a JSON string without escaping <, > and &.
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

var (
	reTranslate = regexp.MustCompile(`(?m)^You are a professional news translator\. Translate the document from (.+) \(([^()]+)\) into (.+) \(([^()]+)\)\.$`)
	reSummarize = regexp.MustCompile(`(?m)^You are a news editor\. (Summarize the document|List the key facts of the document), written in (.+) \(([^()]+)\), in (.+) \(([^()]+)\)\.$`)
	reStyle     = regexp.MustCompile(`(?m)^Style: ([a-z]+)(?:, about (\d+) words)?\.$`)
	reOpen      = regexp.MustCompile(`(?m)^<document id="([0-9a-f]+)">\n`)
)

// ErrNotPrompt means the messages were not built by Build.
var ErrNotPrompt = errors.New("not a juru prompt")

// Parse reads back the spec that Build turned into msgs. Extra turns after
// the first two (a repair) are ignored; use Conversation to read them.
func Parse(msgs []llm.Message) (Spec, error) {
	if len(msgs) < 2 || msgs[0].Role != llm.System || msgs[1].Role != llm.User {
		return Spec{}, fmt.Errorf("%w: want a system and a user message", ErrNotPrompt)
	}
	var s Spec
	sys := msgs[0].Content
	if m := reTranslate.FindStringSubmatch(sys); m != nil {
		s.Task = Translate
		s.From = Lang{Name: m[1], Code: m[2]}
		s.To = Lang{Name: m[3], Code: m[4]}
	} else if m := reSummarize.FindStringSubmatch(sys); m != nil {
		s.Task = Summarize
		if strings.HasPrefix(m[1], "List") {
			s.Task = Notes
		}
		s.From = Lang{Name: m[2], Code: m[3]}
		s.To = Lang{Name: m[4], Code: m[5]}
		if st := reStyle.FindStringSubmatch(sys); st != nil {
			s.Style = st[1]
			s.Words, _ = strconv.Atoi(st[2])
		}
	} else {
		return Spec{}, fmt.Errorf("%w: unknown task", ErrNotPrompt)
	}
	user := msgs[1].Content
	loc := reOpen.FindStringSubmatchIndex(user)
	if loc == nil {
		return Spec{}, fmt.Errorf("%w: no document markers", ErrNotPrompt)
	}
	id := user[loc[2]:loc[3]]
	closing := "\n</document id=\"" + id + "\">"
	if !strings.HasSuffix(user, closing) || len(user)-len(closing) < loc[1] {
		return Spec{}, fmt.Errorf("%w: document not closed", ErrNotPrompt)
	}
	s.Document = user[loc[1] : len(user)-len(closing)]
	if marker(s.Document) != id {
		return Spec{}, fmt.Errorf("%w: document marker does not match its content", ErrNotPrompt)
	}
	terms, err := parseTerms(user[:loc[0]])
	if err != nil {
		return Spec{}, err
	}
	s.Terms = terms
	return s, nil
}

// parseTerms reads the glossary block of a user message.
func parseTerms(block string) ([]Term, error) {
	var out []Term
	for _, line := range strings.Split(block, "\n") {
		if !strings.HasPrefix(line, "- ") {
			continue
		}
		rest := line[2:]
		src, rest, err := readQuoted(rest)
		if err != nil {
			return nil, fmt.Errorf("%w: glossary line %q: %v", ErrNotPrompt, line, err)
		}
		rest, ok := strings.CutPrefix(rest, " → ")
		if !ok {
			return nil, fmt.Errorf("%w: glossary line %q: no arrow", ErrNotPrompt, line)
		}
		tgt, rest, err := readQuoted(rest)
		if err != nil {
			return nil, fmt.Errorf("%w: glossary line %q: %v", ErrNotPrompt, line, err)
		}
		t := Term{Source: src, Target: tgt}
		if r, ok := strings.CutPrefix(rest, " (also correct: "); ok {
			t.Accepted, rest, err = readQuotedList(r)
			if err != nil {
				return nil, fmt.Errorf("%w: glossary line %q: %v", ErrNotPrompt, line, err)
			}
		}
		if r, ok := strings.CutPrefix(rest, " (never: "); ok {
			t.Forbidden, rest, err = readQuotedList(r)
			if err != nil {
				return nil, fmt.Errorf("%w: glossary line %q: %v", ErrNotPrompt, line, err)
			}
		}
		if rest != "" {
			return nil, fmt.Errorf("%w: glossary line %q: trailing %q", ErrNotPrompt, line, rest)
		}
		out = append(out, t)
	}
	return out, nil
}

// readQuoted reads one JSON string from the front of s.
func readQuoted(s string) (string, string, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	var v string
	if err := dec.Decode(&v); err != nil {
		return "", "", err
	}
	return v, s[dec.InputOffset():], nil
}

// readQuotedList reads `"a", "b")` and returns the strings and what follows.
func readQuotedList(s string) ([]string, string, error) {
	var out []string
	for {
		v, rest, err := readQuoted(s)
		if err != nil {
			return nil, "", err
		}
		out = append(out, v)
		if r, ok := strings.CutPrefix(rest, ", "); ok {
			s = r
			continue
		}
		r, ok := strings.CutPrefix(rest, ")")
		if !ok {
			return nil, "", errors.New("list not closed")
		}
		return out, r, nil
	}
}

// Turn is one earlier answer and the problems the repair request listed.
type Turn struct {
	Answer   string
	Problems []string
}

// Conversation returns the earlier answers and repair requests that follow
// the first two messages, oldest first.
func Conversation(msgs []llm.Message) ([]Turn, error) {
	var out []Turn
	for i := 2; i+1 < len(msgs); i += 2 {
		a, u := msgs[i], msgs[i+1]
		if a.Role != llm.Assistant || u.Role != llm.User {
			return nil, fmt.Errorf("%w: turn %d is not an answer and a repair request", ErrNotPrompt, i)
		}
		body, ok := strings.CutPrefix(u.Content, repairHead)
		if !ok {
			return nil, fmt.Errorf("%w: turn %d is not a repair request", ErrNotPrompt, i)
		}
		body = strings.TrimSuffix(body, repairTail)
		var probs []string
		for _, l := range strings.Split(body, "\n") {
			if p, ok := strings.CutPrefix(l, "- "); ok {
				probs = append(probs, p)
			}
		}
		out = append(out, Turn{Answer: a.Content, Problems: probs})
	}
	if (len(msgs)-2)%2 != 0 {
		return nil, fmt.Errorf("%w: conversation ends with an answer", ErrNotPrompt)
	}
	return out, nil
}
