package summarize

import (
	"fmt"

	"github.com/juru-cli/juru/internal/script"
)

// Shape rules, checked on every answer:
//
//   - every style starts with a "# " line holding a headline of at most
//     HeadlineWords words;
//   - headline: nothing else (anything after the headline is dropped
//     without asking again);
//   - short: one or two sentences after the headline, not a list;
//   - bullets: three to five "- " key points and nothing else, or as many
//     as the article has sentences when it has fewer than three;
//   - paragraph: one paragraph of no more than half as many words again
//     as asked for, nor fewer than half, the latter only when the article
//     has at least twice the words asked for.
//
// Word counts in scripts written without spaces, and in Vietnamese, are
// estimates and pass a limit only by more than Allowance (see words.go).
// Thai and Lao mark no sentence ends, so a short summary in them is held
// to its length only through the model's instructions.

// maxSentences and the key point limits of the styles.
const (
	maxSentences = 2
	minBullets   = 3
	maxBullets   = 5
)

// source holds what the checks need to know about the article.
type source struct {
	text      string
	sentences int
	words     wordCount
}

// shape checks an answer against the shape of its style.
func (c *config) shape(a Answer, src *source) []Problem {
	var out []Problem
	add := func(line int, format string, args ...any) {
		p := Problem{Kind: Shape, Message: fmt.Sprintf(format, args...)}
		if line > 0 {
			p.Line, p.Col = line, 3
		}
		out = append(out, p)
	}
	switch {
	case !a.Marked:
		add(0, `the answer must begin with a line "# " followed by the headline`)
	case a.Headline == "":
		add(0, `the headline after "# " is empty`)
	}
	if w := countWords(a.Headline, c.To); w.over(HeadlineWords) {
		add(1, "the headline has %s; at most %d", wordsText(w), HeadlineWords)
	}
	if !a.Marked && a.Body == "" {
		return out // the body comes with the headline line
	}
	switch c.Style {
	case Short:
		switch n := countSentences(a.Body); {
		case a.Body == "":
			add(0, "after the headline, write one or two sentences")
		case len(a.Bullets) > 0:
			add(0, "after the headline, write one or two sentences, not a list")
		case n > maxSentences:
			add(0, "the summary has %d sentences after the headline; at most %d", n, maxSentences)
		}
	case Bullets:
		least := min(minBullets, max(1, src.sentences))
		if len(a.Prose) > 0 {
			add(0, `write every key point on its own line starting with "- ", with nothing else after the headline`)
		}
		if n := len(a.Bullets); n < least || n > maxBullets {
			add(0, `the summary has %d key points; write %d to %d, each on its own line starting with "- "`, n, minBullets, maxBullets)
		}
	case Paragraph:
		w := countWords(a.Body, c.To)
		switch {
		case a.Body == "":
			add(0, "after the headline, write one paragraph of about %d words", c.Words)
		case len(a.Bullets) > 0 || a.Paragraphs > 1:
			add(0, "write one paragraph, without blank lines or lists")
		}
		long := w.over(c.Words * 3 / 2)
		short := a.Body != "" && src.words.n >= float64(2*c.Words) && w.under(c.Words/2)
		if long || short {
			add(0, "the paragraph has %s; write about %d", wordsText(w), c.Words)
		}
	}
	return out
}

// wordsText writes a word count, "about" when it is an estimate.
func wordsText(w wordCount) string {
	n := w.rounded()
	s := "s"
	if n == 1 {
		s = ""
	}
	if w.estimated {
		return fmt.Sprintf("about %d word%s", n, s)
	}
	return fmt.Sprintf("%d word%s", n, s)
}

// scriptProblems reports paragraphs of a summary that are not in the
// script of its language, and, for a summary in another language than
// the article, paragraphs that repeat the article untranslated.
func (c *config) scriptProblems(text string, src *source) []Problem {
	var out []Problem
	found, err := script.Check(text, c.To, script.Options{})
	if err != nil {
		return nil // the language was resolved by the registry
	}
	if c.From != c.To {
		found = append(found, script.Untranslated(src.text, text, c.From, c.To)...)
	}
	for _, f := range found {
		var what string
		switch f.Kind {
		case script.WrongScript:
			what = "is in " + f.Found.String() + " script"
		case script.WrongHanForm:
			what = "uses Traditional Chinese characters"
			if c.To == "zh-Hant" {
				what = "uses Simplified Chinese characters"
			}
		case script.Japanese:
			what = "holds Japanese kana"
		case script.NoDiacritics:
			what = "has no Vietnamese diacritics"
		case script.Identical:
			what = "repeats the article"
		default:
			what = "is not in the script of " + c.to.English
		}
		msg := fmt.Sprintf("line %d %s; write the summary in %s", f.Line, what, c.to.English)
		out = append(out, Problem{Kind: Script, Message: msg, Line: f.Line, Col: f.Col})
	}
	return out
}
