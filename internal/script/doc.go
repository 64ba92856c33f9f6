// Package script tells which scripts a text is written in, so that a lint
// can find paragraphs that are not in the script of their language (Latin
// in a Thai file, Thai in a Khmer file, Simplified Chinese in a
// Traditional Chinese file) and paragraphs of a translation left identical
// to the source.
//
// Profile counts letters per script, skipping what is not prose: digits,
// punctuation, symbols, emoji, URLs, e-mail addresses, HTML, Markdown code
// and link destinations. Check judges each paragraph of a text against the
// script of its language as the lang registry records it, and Untranslated
// compares a translation with its source paragraph by paragraph.
//
// A paragraph is a run of non-blank lines; lines holding only white space,
// zero-width spaces or byte-order marks are blank. Positions are byte
// offsets plus 1-based line and column, the column counting characters.
package script
