package script

import "strings"

// maxDestination bounds the length of a link destination, so that
// unclosed parentheses cannot make a scan quadratic.
const maxDestination = 2048

// markup finds the non-prose parts of one text.
type markup struct {
	// email and url record whether the text holds an "@" and a URL
	// prefix at all, so that words need not be examined when it does not.
	email, url bool
}

// newMarkup prepares to scan s.
func newMarkup(s string) markup {
	return markup{
		email: strings.IndexByte(s, '@') >= 0,
		url: strings.Contains(s, "://") || strings.Contains(s, "mailto:") ||
			strings.Contains(s, "www.") || strings.Contains(s, "WWW."),
	}
}

// mayStart is the quick test for skip: it reports whether markup may
// start at byte i of s.
func (m markup) mayStart(s string, i int) bool {
	switch b := s[i]; b {
	case '`', '<', '&', ']', '[', '{':
		return true
	default:
		if !(m.email || m.url) || !isASCIIAlnum(b) {
			return false
		}
		return i == 0 || !(isTokenByte(s[i-1]) || s[i-1] == '/' || s[i-1] == ':')
	}
}

// skip reports whether non-prose markup starts at byte i of s and where
// it ends: a code span, an HTML tag, comment or entity, a Markdown link
// destination, footnote reference or attribute list, a URL or an e-mail
// address.
func (m markup) skip(s string, i int) (int, bool) {
	switch b := s[i]; {
	case b == '`':
		return skipCode(s, i), true
	case b == '<':
		return skipTag(s, i)
	case b == '&':
		return skipEntity(s, i)
	case b == ']':
		return skipDestination(s, i)
	case b == '[':
		if i+1 < len(s) && s[i+1] == '^' {
			return skipTo(s, i+2, ']')
		}
	case b == '{':
		if i+1 < len(s) && (s[i+1] == '#' || s[i+1] == ':' || s[i+1] == '.') {
			return skipTo(s, i+1, '}')
		}
	case isASCIIAlnum(b):
		if i > 0 && (isTokenByte(s[i-1]) || s[i-1] == '/' || s[i-1] == ':') {
			return 0, false
		}
		if m.url {
			if end, ok := skipURL(s, i); ok {
				return end, true
			}
		}
		if m.email {
			return skipEmail(s, i)
		}
	}
	return 0, false
}

// skipCode skips a code span opened by the backticks at i; unmatched
// backticks are skipped alone. A run of some length that finds no closing
// run cannot recur later in the text (it would have closed the first), so
// the failed searches cost one scan per run length; runs of 64 or more
// backticks are not searched at all, which bounds that cost.
func skipCode(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	if n >= 64 {
		return i + n
	}
	for j := i + n; j < len(s); {
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			break
		}
		j += k
		k = 0
		for j+k < len(s) && s[j+k] == '`' {
			k++
		}
		if k == n {
			return j + k
		}
		j += k
	}
	return i + n
}

// skipTag skips an HTML comment, tag or autolink starting at i.
func skipTag(s string, i int) (int, bool) {
	if strings.HasPrefix(s[i:], "<!--") {
		if k := strings.Index(s[i+4:], "-->"); k >= 0 {
			return i + 4 + k + 3, true
		}
		return len(s), true
	}
	if i+1 >= len(s) {
		return 0, false
	}
	if c := s[i+1]; !(isASCIILetter(c) || c == '/' || c == '!' || c == '?') {
		return 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '>':
			return j + 1, true
		case '\n', '<':
			return 0, false
		}
	}
	return 0, false
}

// skipEntity skips an HTML character reference such as "&amp;" or "&#8217;".
func skipEntity(s string, i int) (int, bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	k := j
	for k < len(s) && k-j < 32 && isASCIIAlnum(s[k]) {
		k++
	}
	if k > j && k < len(s) && s[k] == ';' {
		return k + 1, true
	}
	return 0, false
}

// skipDestination skips the destination of an inline link or image,
// "](url "title")", or of a reference definition, "]: url".
func skipDestination(s string, i int) (int, bool) {
	if i+1 >= len(s) {
		return 0, false
	}
	switch s[i+1] {
	case '(':
		depth := 0
		for j := i + 1; j < len(s) && j-i < maxDestination; j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1, true
				}
			case '\n':
				return 0, false
			}
		}
	case ':':
		j := i + 2
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j == i+2 {
			return 0, false
		}
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		return j, true
	}
	return 0, false
}

// skipTo skips from i to just past the next c on the same line, within
// 256 bytes.
func skipTo(s string, i int, c byte) (int, bool) {
	for j := i; j < len(s) && j-i < 256 && s[j] != '\n'; j++ {
		if s[j] == c {
			return j + 1, true
		}
	}
	return 0, false
}

// skipURL skips a URL starting at i: up to white space, a quote or angle
// bracket, or a closing parenthesis or bracket that it did not open.
func skipURL(s string, i int) (int, bool) {
	switch s[i] | 0x20 {
	case 'h', 'f', 'm', 'w':
	default:
		return 0, false
	}
	found := false
	for _, p := range [...]string{"https://", "http://", "ftp://", "mailto:", "www."} {
		if len(s)-i > len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			found = true
			break
		}
	}
	if !found {
		return 0, false
	}
	parens, brackets := 0, 0
	j := i
	for ; j < len(s); j++ {
		switch c := s[j]; c {
		case ' ', '\t', '\n', '\r', '"', '<', '>', '`':
			return j, true
		case '(':
			parens++
		case ')':
			if parens == 0 {
				return j, true
			}
			parens--
		case '[':
			brackets++
		case ']':
			if brackets == 0 {
				return j, true
			}
			brackets--
		case 0xE2, 0xE3:
			// U+2000..U+206F punctuation and spaces and U+3000..U+303F
			// CJK punctuation end a URL written in running text.
			if j+1 < len(s) && (s[j+1] == 0x80 || s[j+1] == 0x81) {
				return j, true
			}
		case 0xEF:
			// Fullwidth punctuation (U+FF00..U+FF3F) ends it too.
			if j+1 < len(s) && s[j+1] == 0xBC {
				return j, true
			}
		}
	}
	return j, true
}

// skipEmail skips an e-mail address such as "desk@example.org" at i.
func skipEmail(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isTokenByte(s[j]) {
		j++
	}
	if j == len(s) || s[j] != '@' {
		return 0, false
	}
	k, dots, label := j+1, 0, 0
	for ; k < len(s); k++ {
		c := s[k]
		if isASCIIAlnum(c) || c == '-' {
			label++
			continue
		}
		if c == '.' && label > 0 && k+1 < len(s) && isASCIIAlnum(s[k+1]) {
			dots++
			label = 0
			continue
		}
		break
	}
	if dots == 0 || label == 0 {
		return 0, false
	}
	return k, true
}

// isTokenByte reports whether c may occur in the local part of an e-mail
// address or inside a word with digits.
func isTokenByte(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isASCIILetter(c byte) bool { c |= 0x20; return 'a' <= c && c <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || ('0' <= c && c <= '9') }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
