// Package glossary loads glossaries of fixed terms, matches their terms in
// text and checks translations against them.
//
// A glossary is a list of entries, one concept each, holding for every
// language the forms of the term: the first is preferred (the one a
// translation must use), later ones are admitted alternatives, and forms
// marked deprecated are forbidden. CSV and TSV files with a header row of
// BCP 47 tags (the layout Amazon Translate and Google Cloud Translation
// accept) and TBX files load into the same model.
//
// # CSV and TSV
//
// The first row names the columns; every later row is an entry. CSV is
// read with RFC 4180 quoting; TSV is read as plain tab-separated lines,
// quotes being ordinary characters. A UTF-8 byte-order mark is skipped,
// UTF-16 text with a byte-order mark is decoded, anything else must be
// UTF-8 without NUL bytes. Blank rows are skipped.
//
// A header cell is, in this order:
//   - empty: the column is ignored (its cells must be empty too), as in
//     the trailing empty column of Google's sample glossary;
//   - "case", "case-sensitive", "case_sensitive" or "match case": a cell
//     holding yes, y, true, 1 or x makes the entry case-sensitive (no, n,
//     false, 0 or nothing leaves it case-insensitive);
//   - a note word, kept in Entry.Notes under the header as written: note,
//     notes, comment, remark, description, desc, definition, context,
//     example, usage, pos, part of speech, gender, domain, subject, subject
//     field, category, tag, tags, type, status, url, link, key, string id,
//     entry id, term id, concept id, identifier, ref, reference (compared
//     without case, spaces, '-' or '_'), or any name holding a space;
//   - otherwise a language tag, which must name one of juru's languages
//     (canonicalized by internal/lang: "en-US" is en, "zh-CN" is zh-Hans,
//     "tl" is fil) or a language that CLDR has an English name for (kept
//     as its canonical BCP 47 tag: "hi", "es", "fr"). An unknown tag is an
//     error; so is a language given twice.
//
// "id" is Indonesian. A column headed "id" whose cells are all whole
// numbers is taken for an identifier and kept as a note. Column names
// passed in ParseOptions.Columns, for files without a header such as the
// GATITOS lexicons, may be any valid BCP 47 language tag.
//
// A header holding sourceLang, targetLang, sourceString and targetString
// (the TICO-19 layout) makes each row a pair: the two language cells name
// the languages of the two strings; the other columns are notes.
//
// # Cells
//
// A cell may hold several forms separated by '|': the first form not
// marked is preferred, later ones are admitted, and a form starting with
// '!' is forbidden, as in
//
//	Belt and Road Initiative|!One Belt One Road|!OBOR
//
// Whitespace around each form (and after the '!') is dropped. "\|" and
// "\!" stand for a literal '|' and '!', "\\" for a backslash; a backslash
// before any other character is an ordinary character. An empty cell
// means no term in that language; an empty form between separators, a
// form both accepted and forbidden, or cells beyond the header are
// errors. A form given twice, as matching compares forms (so also with
// other spaces), is kept once. A form may not be longer than
// MaxFormBytes, a file not larger than ParseOptions.MaxBytes. Text that
// looks like a spreadsheet formula ("=cmd|...", "+", "-", "@") is kept
// as text; Validate warns about it.
//
// # TBX
//
// TBX v3 and TBX-Basic (tbx/text/body/conceptEntry/langSec/termSec/term)
// and the older MARTIF form (martif/text/body/termEntry/langSet/tig or
// ntig/termGrp/term) are read as an XML stream; no DTD is fetched and no
// entity beyond XML's own is expanded. termNote type="administrativeStatus"
// maps preferred (also standardized, legal, regulated) to Preferred,
// admitted to Admitted, and deprecated, superseded, notRecommended and
// obsolete to Forbidden, in the v2 spelling ("preferredTerm-admn-sts") or
// the v3 one ("preferred"). A term without a status is admitted; when no
// term of a language is marked preferred, the first accepted one is.
// Within a language the preferred form comes first. A termNote
// type="termType" of "acronym" makes the entry case-sensitive.
// Entry-level descrip and note elements are kept as notes.
//
// # Matching
//
// A Matcher finds the forms of one language in a text: leftmost-longest,
// without overlaps, comparing both sides in NFC and, unless the entry is
// case-sensitive, case-folded (golang.org/x/text/cases). In scripts
// written with spaces a form matches only at word boundaries; in Thai,
// Lao, Khmer, Burmese and Han anywhere. Positions are byte offsets,
// lines and character columns of the original text.
//
// Text is often broken differently from the glossary: hard-wrapped,
// indented, spaced twice, joined with a no-break space, or, in Khmer,
// Thai and Burmese, cut into words by invisible zero-width spaces. The
// text and the forms are read alike, normalization segment by
// normalization segment (a character and the marks that combine with it):
//   - A segment that is one whitespace character (unicode.IsSpace: space,
//     tab, line feed, carriage return, vertical tab, form feed, U+0085,
//     U+00A0 NO-BREAK SPACE, U+1680, U+2000 to U+200A, U+2028, U+2029,
//     U+202F, U+205F, U+3000) is a space, and a run of spaces is one
//     space. "Belt and Road Initiative" matches "Belt and\n   Road
//     Initiative", "Belt and  Road Initiative" and "Belt\u00a0and Road
//     Initiative"; a form written with odd spaces matches the text
//     written with plain ones. Whitespace is never nothing: "BeltandRoad"
//     does not match.
//   - In a text, a run of whitespace that holds two line feeds or more
//     (a blank line, with or without spaces or carriage returns on it)
//     or a U+2029 PARAGRAPH SEPARATOR ends a paragraph, and no match
//     spans it: "ASEAN\n\nExpo" holds no "ASEAN Expo", so that a
//     heading and the paragraph below it, or two paragraphs that a long
//     text is split between, are not read as one term. One line feed,
//     a U+2028 LINE SEPARATOR or carriage returns alone do not end a
//     paragraph. In a form, every run of whitespace is one space.
//   - A segment that is one ignorable character, U+200B ZERO WIDTH
//     SPACE, U+2060 WORD JOINER or U+FEFF ZERO WIDTH NO-BREAK SPACE, is
//     not there at all: "ក្រសួង\u200bពាណិជ្ជកម្ម" and "ក្រសួងពាណិជ្ជកម្ម"
//     match each other, and U+200B inside a run of whitespace leaves one
//     run. Word boundaries are judged on the characters around the match
//     that are not ignorable, so "ASEAN\u200bs" reads as "ASEANs" and
//     holds no "ASEAN". U+200C ZERO WIDTH NON-JOINER and U+200D ZERO
//     WIDTH JOINER, which change how Arabic, Indic and other scripts are
//     drawn, are ordinary characters. An ignorable character that a
//     combining mark follows makes a segment with it, which is ordinary.
//   - Spaces at either end of a form are dropped, so a form never starts
//     or ends with a space, and a form of nothing but spaces and
//     ignorable characters matches nothing.
//
// A match starts at its first character and ends after its last one,
// neither of them a space or an ignorable character; it holds the line
// breaks (within a paragraph) and ignorable characters in between. Match.Line and Match.Col
// locate its start, counting a line feed as the end of a line; Start and
// End are offsets in the original text, so Match.Text returns the term as
// the text breaks it.
//
// Markdown line prefixes are not skipped: the indentation of list items
// and of continued lines is whitespace and matches, but a "> " quote
// marker starting a line is text, so a term broken across the lines of a
// block quote is not found (one whole on a quoted line is).
//
// # Validation
//
// Validate reports problems with stable codes:
//
//	empty-entry       error    an entry has no term in any language
//	conflict          error    two entries share a form but require different
//	                           forms in another language, or one forbids a
//	                           form the other accepts
//	unknown-lang      error    a language code that is not a valid BCP 47 tag
//	duplicate         warning  an entry repeats an earlier one
//	same-form         warning  two entries share a form: the matcher finds
//	                           only the earlier one
//	overlap           warning  the end of one form is the start of another,
//	                           so where they overlap in a text only the first
//	                           is found
//	single-language   warning  an entry has a term in one language only
//	empty-cell        warning  an entry lacks a language its file has
//	unsupported-lang  warning  a language juru does not translate into
//	formula           warning  a form looks like a spreadsheet formula
//	edge-punct        warning  a form starts or ends with punctuation, so
//	                           that side is not held to a word boundary
//	no-entries        warning  the glossary has no entries
package glossary
