// Package textio reads the documents juru works on: plain text, Markdown
// and HTML pages saved from news sites, in UTF-8, UTF-16 with a byte order
// mark, or one of the legacy encodings still common in the region
// (GB18030/GBK, Big5, Windows-874/TIS-620 Thai, Windows-1258 Vietnamese,
// and Windows-1252 for Western text).
//
// Every reader returns a Doc whose Text is valid UTF-8. Unless
// Options.Verbatim is set, the text is normalised so that later stages can
// rely on one form:
//
//   - a leading byte order mark is dropped;
//   - line endings are "\n" (CRLF and lone CR are converted);
//   - the text is in Unicode Normalization Form C, so that Vietnamese typed
//     or encoded with combining tone marks compares equal to its
//     precomposed form.
//
// HTML is reduced to the article's title and body text with a readability
// algorithm and rendered as Markdown-like text: paragraphs separated by a
// blank line, headings as "#" lines, list items as "- " lines.
//
// Input is never read without bound: anything larger than Options.MaxSize
// (DefaultMaxSize, 50 MiB, when unset) is refused with a TooLarge error
// before it is held in memory. All failures a user can cause with a bad
// input are reported as *Error, whose Kind says what went wrong.
package textio

// DefaultMaxSize is the largest input accepted when Options.MaxSize is
// zero: 50 MiB.
const DefaultMaxSize = 50 << 20

// Formats a Doc can have.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// Doc is a decoded input document.
type Doc struct {
	// Name is the file name or label the document was read under.
	Name string
	// Text is the document as valid UTF-8. For HTML it is the extracted
	// article, starting with the title as a "# " heading when there is one.
	Text string
	// Title is the page title for HTML, the first level-one heading for
	// Markdown, and empty for plain text.
	Title string
	// Encoding is the encoding the bytes were decoded from: "utf-8",
	// "utf-16le", "utf-16be", "gb18030", "big5", "windows-874",
	// "windows-1258", "windows-1252", or for HTML any encoding label its
	// <meta charset> declared, by its WHATWG name (such as "gbk").
	Encoding string
	// Format is FormatText, FormatMarkdown or FormatHTML.
	Format string
}

// Options controls how input is read and decoded. The zero value is ready
// to use.
type Options struct {
	// MaxSize is the largest input accepted, in bytes. Zero or less means
	// DefaultMaxSize.
	MaxSize int64
	// Format forces FormatText, FormatMarkdown or FormatHTML. Empty means
	// detect it from the name's extension and, failing that, the content.
	Format string
	// Verbatim keeps line endings and the Unicode normalization form of
	// the decoded text as they were, so that offsets in Text match the
	// original file (tools that report positions or rewrite files in place
	// want this). A leading byte order mark is still dropped, text decoded
	// from Windows-1258 is still composed (its decomposed form is an
	// artefact of the encoding), and HTML is still reduced to article text.
	Verbatim bool
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}
