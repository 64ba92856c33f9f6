// Package prompt builds the chat messages juru sends for each task and
// reads them back. Building and reading live together so that the mock
// endpoint and the tests understand exactly what the core sends.
//
// The document always travels as data: between markers carrying a tag
// derived from its content, after instructions that tell the model to
// translate or summarize whatever the markers enclose and never to obey it.
package prompt

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/juru-cli/juru/internal/llm"
)

// Version changes whenever the wording of any prompt changes, so that
// outputs made with older prompts are recognised as stale.
const Version = "2"

// Task is what the model is asked to do.
type Task string

// The tasks juru asks for.
const (
	// Translate asks for a full translation.
	Translate Task = "translate"
	// Summarize asks for a summary in a style.
	Summarize Task = "summarize"
	// Notes asks for the key facts of one part of a long article, the map
	// step of a map-reduce summary.
	Notes Task = "notes"
)

// Term is one glossary entry as the prompt carries it.
type Term struct {
	// Source is the term as the source language writes it.
	Source string
	// Target is the form the answer must use.
	Target string
	// Accepted lists further target forms that are also correct.
	Accepted []string
	// Forbidden lists target forms that must never appear.
	Forbidden []string
}

// Lang names a language in a prompt.
type Lang struct {
	Code string // juru's code, such as "id"
	Name string // English name, such as "Indonesian"
}

// Spec is everything a prompt says.
type Spec struct {
	Task Task
	From Lang
	To   Lang
	// Style and Words shape a summary: Style is headline, short, bullets or
	// paragraph; Words is the length a paragraph aims at.
	Style string
	Words int
	// Terms are the glossary entries that occur in Document.
	Terms []Term
	// Document is the text to translate or summarize.
	Document string
}

// marker returns the tag that opens and closes the document, derived from
// its content so that no document can close its own markers by chance.
func marker(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:6])
}

// Build returns the system and user messages for a spec.
func Build(s Spec) []llm.Message {
	return []llm.Message{
		{Role: llm.System, Content: systemText(s)},
		{Role: llm.User, Content: userText(s)},
	}
}

// userText lays out the glossary and the delimited document.
func userText(s Spec) string {
	var b strings.Builder
	if len(s.Terms) > 0 {
		b.WriteString("Glossary (" + s.From.Name + " → " + s.To.Name + "):\n")
		for _, t := range s.Terms {
			b.WriteString("- " + quote(t.Source) + " → " + quote(t.Target))
			if len(t.Accepted) > 0 {
				b.WriteString(" (also correct: " + quoteList(t.Accepted) + ")")
			}
			if len(t.Forbidden) > 0 {
				b.WriteString(" (never: " + quoteList(t.Forbidden) + ")")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	m := marker(s.Document)
	b.WriteString("<document id=\"" + m + "\">\n")
	b.WriteString(s.Document)
	b.WriteString("\n</document id=\"" + m + "\">")
	return b.String()
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = quote(x)
	}
	return strings.Join(q, ", ")
}

// Repair appends the model's answer and a request to correct the listed
// problems to a conversation.
func Repair(conv []llm.Message, answer string, problems []string) []llm.Message {
	var b strings.Builder
	b.WriteString(repairHead)
	for _, p := range problems {
		b.WriteString("- " + p + "\n")
	}
	b.WriteString(repairTail)
	out := append([]llm.Message(nil), conv...)
	return append(out,
		llm.Message{Role: llm.Assistant, Content: answer},
		llm.Message{Role: llm.User, Content: b.String()},
	)
}

const (
	repairHead = "Your answer breaks these rules:\n"
	repairTail = "Answer again with the complete corrected text only, keeping everything else as it was."
)
