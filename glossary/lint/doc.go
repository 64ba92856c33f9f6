// Package lint checks translations against a glossary and a few rules
// that catch what a reviewer would: missing or forbidden terms, changed
// numbers, text in the wrong script, legacy Zawgyi Burmese, and a
// structure that differs from the source.
//
// Every rule has a stable ID and a default severity; options switch a
// rule off or change its severity. Findings are plain values that
// formatters render; this package never prints.
//
// # Findings
//
// CheckPair locates every finding in the translation. Findings come in
// the order of their start, then end, then rule as Rules lists them.
// The messages are one line, without a final period:
//
//	term.missing    missing "<required form>" for "<preferred source form>": <n> in the source, <m> in the translation
//	term.forbidden  forbidden form "<as written>": use "<preferred form>"
//	                forbidden form "<as written>": use "<a>" or "<b>"   (entries prefer different forms)
//	                forbidden form "<as written>"                       (no preferred form in the language)
//	term.case       wrong case "<as written>": the glossary writes "<form>"
//	number.mismatch number "<raw>" (<value>) of the source is missing from the translation
//	                number "<raw>" (<value>) of the source is changed to "<raw>" (<value>) in the translation
//	script.wrong    the messages of internal/script: "<Script> text in a <Language> file",
//	                "mostly <Script> (<n>%) in a <Language> file, <Script> script only <n>%",
//	                "no Vietnamese diacritic in <n> Latin letters: probably not translated into Vietnamese",
//	                "<Standard> Chinese in a <Language> file: <n> characters written only in <Standard>, <n> only in <Standard>",
//	                "Japanese kana (<n>%) in a <Language> file",
//	                and "paragraph identical to the source paragraph at line <n>: left untranslated"
//	encoding.zawgyi Burmese in the legacy Zawgyi encoding instead of Unicode
//	structure.paragraphs
//	                the source has <kind> here, the translation <kind>
//	                <kind> of the source (line <n>) has no counterpart in the translation; <counts>
//	                <kind> of the translation has no counterpart in the source; <counts>
//	                this paragraph stands for two of the source (lines <n> and <m>); <counts>
//	                these paragraphs stand for one of the source (line <n>); <counts>
//	                <counts>   (texts too unequal to align)
//
// A value in parentheses follows a number only when it reads otherwise
// than the number as written ("34.35 billion" (34350000000), but "2020").
// <kind> is "a paragraph", "a level-<n> heading", "a code block" or
// "front matter"; <counts> is "the source has <n> paragraphs, the
// translation <m>".
//
// Where a finding is about a place in the source, Related locates it:
// the first source occurrence of a missing term that the translation
// leaves without a partner (occurrences are paired paragraph by
// paragraph), a missing number, the source paragraph a paragraph
// repeats or that has no counterpart. The finding itself then spans the
// translation's paragraphs aligned with that source paragraph (an empty
// span at the end of the paragraph before, where it has none), or the
// changed number. Paragraphs are aligned one to one when both texts have
// as many, otherwise by length, numbers and identical text, as Gale and
// Church align sentences. Suggestion holds the required or preferred
// form for the term rules.
//
// A block of the translation left identical to the source is reported
// as untranslated only, not also as in the wrong script.
package lint
