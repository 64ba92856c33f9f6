package textio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// fixture is a self-written UTF-8 text in testdata/src and the encoding a
// generated copy of it in testdata/enc is stored in.
type fixture struct {
	src, enc string
	encode   func(string) []byte
}

func fixtures() []fixture {
	with := func(e encoding.Encoding) func(string) []byte {
		return func(s string) []byte {
			b, err := e.NewEncoder().Bytes([]byte(s))
			if err != nil {
				panic(fmt.Sprintf("fixture not encodable: %v", err))
			}
			return b
		}
	}
	bom := func(e encoding.Encoding) func(string) []byte {
		return func(s string) []byte { return with(e)("\uFEFF" + s) }
	}
	return []fixture{
		{"zh-hans", "gb18030", with(simplifiedchinese.GB18030)},
		{"zh-hans", "utf-16le", bom(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM))},
		{"zh-hant", "big5", with(traditionalchinese.Big5)},
		{"zh-hant", "utf-16be", bom(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM))},
		{"th", "windows-874", with(charmap.Windows874)},
		{"vi", "windows-1258", encode1258},
		{"vi", "utf-8", func(s string) []byte { return []byte("\uFEFF" + norm.NFD.String(s)) }},
		{"pt", "windows-1252", with(charmap.Windows1252)},
	}
}

// TestEncodedFixtures decodes each self-written text from the encoded copy
// kept in testdata/enc (regenerated with -update) and expects the
// encoding to be named and the text to come back exactly, in NFC.
func TestEncodedFixtures(t *testing.T) {
	for _, f := range fixtures() {
		name := f.src + "." + f.enc + ".txt"
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "src", f.src+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "enc", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, f.encode(string(src)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			doc, err := ReadFile(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != f.enc {
				t.Errorf("encoding %q, want %q", doc.Encoding, f.enc)
			}
			if want := norm.NFC.String(string(src)); doc.Text != want {
				t.Errorf("text differs from the source:\n got %q\nwant %q", doc.Text, want)
			}
		})
	}
}

// TestDetectFLORES encodes every FLORES-200 sentence, alone and in
// documents of five, and expects the legacy detector to name the
// encoding. Big5 samples are the Chinese sentences with the simplified
// characters Big5 lacks left out.
func TestDetectFLORES(t *testing.T) {
	sets := []struct {
		code, want string
		encode     func(string) []byte
	}{
		{"zho_Hans", "gb18030", func(s string) []byte { return encodeKeeping(simplifiedchinese.GB18030, s) }},
		{"zho_Hans", "big5", func(s string) []byte { return encodeKeeping(traditionalchinese.Big5, s) }},
		{"tha_Thai", "windows-874", func(s string) []byte { return encodeKeeping(charmap.Windows874, s) }},
		{"vie_Latn", "windows-1258", encode1258},
		{"eng_Latn", "windows-1252", func(s string) []byte { return encodeKeeping(charmap.Windows1252, s) }},
	}
	for _, group := range []int{1, 5} {
		for _, s := range sets {
			t.Run(fmt.Sprintf("%s/%s/%d", s.code, s.want, group), func(t *testing.T) {
				lines := floresLines(t, s.code)
				right, total := 0, 0
				var wrong []string
				for i := 0; i+group <= len(lines); i += group {
					b := s.encode(strings.Join(lines[i:i+group], "\n"))
					if utf8.Valid(b) {
						continue // pure ASCII: nothing to detect
					}
					total++
					if got, ok := detectLegacy(b); ok && got.name == s.want {
						right++
					} else if len(wrong) < 3 {
						wrong = append(wrong, fmt.Sprintf("%s (%.2f) for line %d", got.name, got.score, i+1))
					}
				}
				rate := float64(right) / float64(max(total, 1))
				t.Logf("%d of %d samples detected as %s (%.2f%%)", right, total, s.want, 100*rate)
				if rate < 0.995 {
					t.Errorf("detection rate %.4f below 0.995; first misses: %v", rate, wrong)
				}
			})
		}
	}
}

// TestDetectRefuses checks inputs that are not text in any supported
// encoding: damaged UTF-8 is reported at its first bad byte rather than
// read as a legacy encoding, and Shift_JIS Japanese is refused.
func TestDetectRefuses(t *testing.T) {
	zh, err := os.ReadFile("testdata/src/zh-hans.txt")
	if err != nil {
		t.Fatal(err)
	}
	cut := strings.Index(string(zh), "数百家") // on line 1, after whole characters
	broken := append([]byte{}, zh[:cut]...)
	broken = append(broken, 0xFF)
	broken = append(broken, zh[cut:]...)
	sjis, err := japanese.ShiftJIS.NewEncoder().String("東京都は二十日、新たに三百人の感染者を確認したと発表した。専門家は、年末年始の人の移動に注意するよう呼びかけている。")
	if err != nil {
		t.Fatal(err)
	}
	truncated := zh[:len(zh)-2] // cut inside the final "。"
	lastLine := string(zh[strings.LastIndexByte(strings.TrimSuffix(string(zh), "\n"), '\n')+1:])
	tests := []struct {
		name      string
		data      []byte
		line, col int
	}{
		{"stray byte in UTF-8", broken, 1, 1 + utf8.RuneCount(zh[:cut])},
		{"UTF-8 cut mid-character", truncated, 5, utf8.RuneCountInString(lastLine) - 1},
		{"Shift_JIS", []byte(sjis), 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode("in.txt", tc.data, Options{})
			e, ok := err.(*Error)
			if !ok || e.Kind != BadEncoding {
				t.Fatalf("got %v, want a BadEncoding error", err)
			}
			if e.Line != tc.line || e.Col != tc.col {
				t.Errorf("at %d:%d, want %d:%d (%v)", e.Line, e.Col, tc.line, tc.col, err)
			}
		})
	}
}
