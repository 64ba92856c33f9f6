package textio

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// sampleSize is how much of the input the legacy-encoding scorer reads.
const sampleSize = 64 << 10

// minScore is the lowest score at which a legacy encoding is accepted.
// Real text in its own encoding scores 0.95 or more; text in another
// encoding, or random bytes, scores well below 0.5 (see scoreText).
const minScore = 0.6

// candidate is a legacy encoding juru can detect.
type candidate struct {
	name  string
	enc   encoding.Encoding
	score func(s string) float64
}

// candidates returns the legacy encodings in order of preference when two
// score the same. Windows-1252 comes first: a text whose only non-ASCII
// characters are curly quotes and dashes decodes to the same string in
// Windows-1252, -874 and -1258, and is most likely Western.
func candidates() []candidate {
	return []candidate{
		{"windows-1252", charmap.Windows1252, func(s string) float64 { return scoreLatin(s, false) }},
		{"gb18030", simplifiedchinese.GB18030, scoreHan(simplifiedchinese.GBK, gbTier)},
		{"big5", traditionalchinese.Big5, scoreHan(traditionalchinese.Big5, big5Tier)},
		{"windows-874", charmap.Windows874, scoreThai},
		{"windows-1258", charmap.Windows1258, func(s string) float64 { return scoreLatin(s, true) }},
	}
}

// bomEncoding recognises a byte order mark and returns the encoding name,
// its decoder and the BOM's length.
func bomEncoding(data []byte) (name string, enc encoding.Encoding, n int) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8", encoding.Nop, 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	}
	return "", nil, 0
}

// detection is the outcome of detectLegacy.
type detection struct {
	name  string
	enc   encoding.Encoding
	score float64
}

// detectLegacy chooses the legacy encoding that makes the most plausible
// text of data, which is not valid UTF-8. It scores every candidate on a
// sample and returns the best, with ok false when none reaches minScore.
func detectLegacy(data []byte) (best detection, ok bool) {
	sample := sampleOf(data)
	for _, c := range candidates() {
		text, err := c.enc.NewDecoder().String(string(sample))
		if err != nil {
			continue
		}
		s := c.score(text)
		if s > best.score {
			best = detection{c.name, c.enc, s}
		}
	}
	return best, best.score >= minScore
}

// sampleOf returns the first sampleSize bytes of data, cut after a line
// feed so that no multi-byte character is split (0x0A is never part of a
// character in any candidate encoding).
func sampleOf(data []byte) []byte {
	if len(data) <= sampleSize {
		return data
	}
	s := data[:sampleSize]
	if i := bytes.LastIndexByte(s, '\n'); i > sampleSize/2 {
		return s[:i+1]
	}
	return s
}

// brokenUTF8 reports whether data, which is not valid UTF-8, is mostly
// valid UTF-8 with a few bad bytes: a damaged UTF-8 file rather than a
// legacy encoding. Text in a legacy encoding forms a valid multi-byte
// UTF-8 sequence only by chance, far less often than it breaks one.
func brokenUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid > 0 && valid >= 4*invalid
}

// firstInvalid returns the byte offset, 1-based line and character column
// of the first byte in data that is not part of valid UTF-8.
func firstInvalid(data []byte) (off, line, col int) {
	line, col = 1, 1
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			return off, line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		off += n
	}
	return -1, 0, 0
}
