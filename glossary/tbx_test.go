package glossary

import (
	"errors"
	"strings"
	"testing"
)

// tbx wraps entries in a TBX v3 document.
func tbx(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
` + body + `
</body></text></tbx>
`
}

func TestParseTBX(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "statuses, preferred first",
			in: tbx(`<conceptEntry id="bri">
<langSec xml:lang="en">
<termSec><term>OBOR</term><termNote type="administrativeStatus">deprecated</termNote></termSec>
<termSec><term>BRI</term><termNote type="administrativeStatus">admitted</termNote></termSec>
<termSec><term>Belt and Road Initiative</term><termNote type="administrativeStatus">preferred</termNote></termSec>
<termSec><term>One Belt One Road</term><termNote type="administrativeStatus">notRecommended</termNote></termSec>
<termSec><term>New Silk Road</term><termNote type="administrativeStatus">obsolete</termNote></termSec>
</langSec>
<langSec xml:lang="vi"><termSec><term>Sáng kiến Vành đai và Con đường</term></termSec></langSec>
</conceptEntry>`),
			want: `t:4:1 bri
  en: ="Belt and Road Initiative" !"OBOR" ~"BRI" !"One Belt One Road" !"New Silk Road" @5:1
  vi: ="Sáng kiến Vành đai và Con đường" @12:1
`,
		},
		{
			name: "first accepted term preferred when none is marked",
			in: tbx(`<conceptEntry id="x">
<langSec xml:lang="en">
<termSec><term>CAEXPO</term><termNote type="administrativeStatus">deprecated</termNote></termSec>
<termSec><term>China-ASEAN Expo</term><termNote type="administrativeStatus">admitted</termNote></termSec>
<termSec><term>the Expo</term></termSec>
</langSec></conceptEntry>`),
			want: `t:4:1 x
  en: ="China-ASEAN Expo" !"CAEXPO" ~"the Expo" @5:1
`,
		},
		{
			name: "second preferred becomes admitted",
			in: tbx(`<conceptEntry id="x"><langSec xml:lang="en">
<termSec><term>a</term><termNote type="administrativeStatus">preferred</termNote></termSec>
<termSec><term>b</term><termNote type="administrativeStatus">preferred</termNote></termSec>
</langSec></conceptEntry>`),
			want: `t:4:1 x
  en: ="a" ~"b" @4:22
`,
		},
		{
			name: "v2 statuses, ntig, bare term, notes and acronym",
			in: `<martif type="TBX"><text><body>
<termEntry id="asean">
<descrip type="subjectField">organizations</descrip>
<note>keep the capitals</note>
<langSet xml:lang="en_US">
<ntig><termGrp><term>ASEAN</term><termNote type="termType">acronym</termNote><termNote type="administrativeStatus">standardizedTerm-admn-sts</termNote></termGrp></ntig>
<tig><term>Asean</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
</langSet>
<langSet xml:lang="th"><term>อาเซียน</term></langSet>
</termEntry>
<termEntry>
<langSet xml:lang="zh-TW"><tig><term>東協</term></tig></langSet>
</termEntry>
</body></text></martif>`,
			want: `t:2:1 asean case-sensitive
  en: ="ASEAN" !"Asean" @5:1
  th: ="อาเซียน" @9:1
  note note: "keep the capitals"
  note subjectField: "organizations"
t:11:1 t:11
  zh-Hant: ="東協" @12:1
`,
		},
		{
			name: "inline markup and character references",
			in:   tbx(`<conceptEntry><langSec xml:lang="zh-CN"><termSec><term>中国&#x2014;东盟<hi type="bold">博览会</hi></term></termSec></langSec></conceptEntry>`),
			want: "t:4:1 t:4\n  zh-Hans: =\"中国—东盟博览会\" @4:15\n",
		},
		{
			name: "entities of XML only",
			in:   tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term>R&amp;D &lt;unit&gt;</term></termSec></langSec></conceptEntry>`),
			want: "t:4:1 t:4\n  en: =\"R&D <unit>\" @4:15\n",
		},
		{
			name: "a language in two sections",
			in: tbx(`<conceptEntry id="x">
<langSec xml:lang="en"><termSec><term>a</term></termSec></langSec>
<langSec xml:lang="en-GB"><termSec><term>b</term><termNote type="administrativeStatus">preferred</termNote></termSec></langSec>
</conceptEntry>`),
			want: "t:4:1 x\n  en: =\"b\" ~\"a\" @5:1\n",
		},
		{
			name: "no entries",
			in:   tbx(""),
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tt.in), "t", ParseOptions{Format: TBX})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, g)
			if got := dump(g); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseTBXErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"not XML", "<tbx><text>\n<body></text>", "t:2:7: malformed XML: element <body> closed by </text>"},
		{"unclosed", "<tbx>\n<text>", "t:2:7: malformed XML: unexpected EOF"},
		{"undefined entity", tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term>&bogus;</term></termSec></langSec></conceptEntry>`), "t:4:53: malformed XML: invalid character entity &bogus;"},
		{"entity from a DTD", "<!DOCTYPE tbx [<!ENTITY lol \"lol\">]>\n<tbx><text><body><conceptEntry><langSec xml:lang=\"en\"><termSec><term>&lol;</term></termSec></langSec></conceptEntry></body></text></tbx>", "t:2:70: malformed XML: invalid character entity &lol;"},
		{"other XML", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"></tmx>", "t:2:1: not a TBX file: the root element is <tmx>, want <tbx> or <martif>"},
		{"no root", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", "t:3:1: not a TBX file: no root element"},
		{"unknown language", tbx(`<conceptEntry><langSec xml:lang="xx-YY"><termSec><term>a</term></termSec></langSec></conceptEntry>`), `t:4:15: unknown language tag "xx-YY"`},
		{"missing language", tbx(`<conceptEntry><langSec><termSec><term>a</term></termSec></langSec></conceptEntry>`), "t:4:15: <langSec> without xml:lang"},
		{"unknown status", tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term>a</term><termNote type="administrativeStatus">maybe</termNote></termSec></langSec></conceptEntry>`), `t:4:38: unknown administrativeStatus "maybe"`},
		{"empty term", tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term> </term></termSec></langSec></conceptEntry>`), "t:4:38: empty term"},
		{"term outside a language", tbx(`<conceptEntry><termSec><term>a</term></termSec></conceptEntry>`), "t:4:15: <termSec> outside a language section"},
		{"nested entries", tbx(`<conceptEntry><conceptEntry/></conceptEntry>`), "t:4:15: <conceptEntry> inside another entry"},
		{"language outside an entry", tbx(`<langSec xml:lang="en"/>`), "t:4:1: <langSec> outside an entry"},
		{"accepted and forbidden", tbx(`<conceptEntry><langSec xml:lang="en"><termSec><term>a</term></termSec><termSec><term>A</term><termNote type="administrativeStatus">deprecated</termNote></termSec></langSec></conceptEntry>`), `t:4:15: form "A" is both accepted and forbidden`},
		{"other encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tbx/>", `t:1:44: cannot read XML: xml: opening charset "ISO-8859-1": unsupported encoding "ISO-8859-1" (save the file as UTF-8)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(strings.NewReader(tt.in), "t", ParseOptions{Format: TBX})
			if err == nil {
				t.Fatalf("no error; loaded\n%s", dump(g))
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
		})
	}
}
