package textio

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// metaScan is how far into an HTML page metaCharset looks for an encoding
// declaration. Browsers prescan 1,024 bytes; saved pages often carry long
// heads, so juru looks further.
const metaScan = 4 << 10

// metaCharset finds the encoding an HTML page declares in its head, by
// <meta charset="..."> or <meta http-equiv="Content-Type"
// content="text/html; charset=...">, and returns it with its WHATWG name,
// or nil when the page declares none that is known.
func metaCharset(data []byte) (encoding.Encoding, string) {
	if len(data) > metaScan {
		data = data[:metaScan]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return nil, ""
			}
			if string(name) != "meta" || !hasAttr {
				continue
			}
			if label := metaLabel(z); label != "" {
				if e, n := charset.Lookup(label); e != nil {
					return e, n
				}
			}
		}
	}
}

// metaLabel reads the charset label from the attributes of a meta tag.
func metaLabel(z *html.Tokenizer) string {
	var cs, httpEquiv, content string
	for {
		k, v, more := z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			cs = strings.TrimSpace(string(v))
		case "http-equiv":
			httpEquiv = strings.ToLower(strings.TrimSpace(string(v)))
		case "content":
			content = string(v)
		}
		if !more {
			break
		}
	}
	if cs != "" {
		return cs
	}
	if httpEquiv == "content-type" && content != "" {
		if _, params, err := mime.ParseMediaType(content); err == nil {
			return params["charset"]
		}
		if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
			return strings.Trim(strings.TrimSpace(after), `"';`)
		}
	}
	return ""
}
