// Package translate translates news articles in Markdown or plain text
// through any chat-completion endpoint, holding every term of a glossary
// to its fixed form.
//
// Translate splits a document into chunks under a token budget (Split,
// which summaries reuse), protects code, links and URLs with placeholders,
// sends each chunk with only the glossary entries that occur in it,
// checks every answer and asks for repairs, splits chunks whose answer was
// cut off, and joins the chunks back with the document's own white space.
// DryRun shows what would be sent without sending it, and FingerprintOf
// identifies everything that decides a translation so that batch runs can
// skip work that is up to date.
//
// The package never reads flags, files or the environment and never
// prints: it takes a context, an llm.Completer, the document and Options,
// and returns a Result or an error.
package translate
