// Package summarize writes short summaries of news articles through any
// chat-completion endpoint, in the article's language or directly in
// another, and checks every summary for faithfulness.
//
// Summarize asks for a summary in one of four styles (a headline alone,
// one or two sentences, three to five key points, or a paragraph of about
// a given length), always under a "# " headline line. Every answer is
// checked:
//
//   - its shape fits the style: a headline of at most 15 words, one or two
//     sentences, three to five key points, a paragraph of about the length
//     asked for (words in Thai, Lao, Khmer, Burmese, Chinese and
//     Vietnamese are estimated, within Allowance), in the script of the
//     summary's language;
//   - glossary terms appear only in their fixed form: no forbidden form,
//     no wrong case, and no entry of the article mentioned in the
//     article's own language where the summary's language fixes another
//     form;
//   - every number occurs in the article, compared by value the way each
//     language writes numbers (internal/numbers).
//
// An answer that breaks a rule goes back to the model with the list of
// problems, as translations do, and after the repair budget the best
// answer is kept with what remains reported; in strict mode remaining
// glossary or number problems fail the summary instead.
//
// Articles longer than the token budget are summarized map-reduce: the
// article is cut with translate.Split, the key facts of each part are
// listed in parallel, and the summary is written from those notes, while
// its numbers and terms are still checked against the original article.
//
// Digest lays out the summaries of a run as one Markdown page per
// language; FingerprintOf and DryRun serve batch runs and dry runs.
//
// The package never reads flags, files or the environment and never
// prints: it takes a context, an llm.Completer, the article and Options,
// and returns a Result or an error.
package summarize
