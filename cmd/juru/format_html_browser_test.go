package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/juru-cli/juru/glossary/lint"
)

// findBrowser returns a Chromium or Chrome on PATH, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// headless runs the browser without a window, profile or network
// chatter, with the given extra arguments, and returns its stdout.
func headless(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--mute-audio", "--hide-scrollbars", "--force-device-scale-factor=1",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,6000",
	}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, lastLines(stderr.String(), 20))
	}
	return stdout.Bytes()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// probeJS runs in the rendered page, after the page's own script, and
// writes what a reader would see into <pre id="probe">: computed colours
// and fonts, whether a tooltip shows on focus, where cells lie, and
// what the filters do.
const probeJS = `
(function () {
  var r = {};
  function css(el, p) { return el ? getComputedStyle(el)[p] : ""; }
  function rect(el) { if (!el) return null; var b = el.getBoundingClientRect(); return {x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height}; }
  r.active = document.activeElement ? document.activeElement.id : "";
  r.scripts = document.scripts.length;
  r.foreign = document.querySelectorAll("img, iframe, object, embed, link, base, form").length;
  r.text = document.body.textContent;
  var err = document.querySelector("mark.finding.sev-error[id]:not(.pin)");
  r.errorMark = {bg: css(err, "backgroundColor"), fg: css(err, "color"), border: css(err, "borderBottomStyle"), id: err ? err.id : ""};
  var warn = document.querySelector("mark.finding.sev-warning[id]:not(.pin)");
  r.warningBorder = css(warn, "borderBottomStyle");
  var term = document.querySelector("td span.term");
  r.term = {bg: css(term, "backgroundColor"), fg: css(term, "color"), border: css(term, "borderBottomStyle")};
  var badge = document.querySelector(".badge.sev-error");
  r.badge = {bg: css(badge, "backgroundColor"), fg: css(badge, "color"), text: badge ? badge.textContent : ""};
  var mark = document.getElementById(r.active) || err;
  var tip = mark ? mark.querySelector(".tip") : null;
  r.tipFocused = {display: css(tip, "display"), rect: rect(tip), bg: css(tip, "backgroundColor"), fg: css(tip, "color"), text: tip ? tip.textContent : ""};
  if (mark) { mark.blur(); }
  r.tipBlurred = css(tip, "display");
  var other = Array.prototype.slice.call(document.querySelectorAll("mark.finding[id]")).filter(function (m) { return m !== mark; })[0];
  if (other) { other.focus(); r.otherTip = css(other.querySelector(".tip"), "display"); }
  var row = document.querySelector("table.pair tbody tr");
  r.source = rect(row && row.cells[0]);
  r.target = rect(row && row.cells[1]);
  r.cells = {};
  ["th", "km", "my", "lo", "en", "vi"].forEach(function (l) {
    var td = Array.prototype.slice.call(document.querySelectorAll("td[lang='" + l + "']")).filter(function (c) { return c.textContent.trim() !== ""; })[0];
    r.cells[l] = {font: css(td, "fontFamily"), text: td ? td.textContent : "", rect: rect(td)};
  });
  var box = document.querySelector(".filters");
  r.filtersShown = box ? !box.hidden : false;
  var cb = document.querySelector(".filters input[data-sev='error']");
  var li = document.querySelector(".findings li.sev-error");
  r.listBefore = css(li, "display");
  if (cb) { cb.click(); }
  r.listAfter = css(li, "display");
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
`

// probeResult is what probeJS reports.
type probeResult struct {
	Active    string `json:"active"`
	Scripts   int    `json:"scripts"`
	Foreign   int    `json:"foreign"`
	Text      string `json:"text"`
	ErrorMark struct {
		BG, FG, Border, ID string
	} `json:"errorMark"`
	WarningBorder string `json:"warningBorder"`
	Term          struct{ BG, FG, Border string }
	Badge         struct{ BG, FG, Text string }
	TipFocused    struct {
		Display string
		Rect    *box
		BG, FG  string
		Text    string
	} `json:"tipFocused"`
	TipBlurred string `json:"tipBlurred"`
	OtherTip   string `json:"otherTip"`
	Source     *box   `json:"source"`
	Target     *box   `json:"target"`
	Cells      map[string]struct {
		Font, Text string
		Rect       *box
	} `json:"cells"`
	FiltersShown bool   `json:"filtersShown"`
	ListBefore   string `json:"listBefore"`
	ListAfter    string `json:"listAfter"`
}

type box struct{ X, Y, W, H float64 }

// instrument adds the probe to a page and lets the page's policy run it.
func instrument(t *testing.T, page string) string {
	sum := sha256.Sum256([]byte(probeJS))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	const marker = "; script-src "
	if !strings.Contains(page, marker) || !strings.Contains(page, "</body>") {
		t.Fatal("the page has no script policy or no body end")
	}
	page = strings.Replace(page, marker, marker+hash+" ", 1)
	return strings.Replace(page, "</body>", "<script>"+probeJS+"</script>\n</body>", 1)
}

// TestHTMLInBrowser renders the review page in headless Chromium and
// checks what a reader sees: findings painted in their colours, icons
// and labels beside colours, messages that show on focus, source and
// translation side by side, each script's text in the page with a font
// stack for it, markup from the translation shown as text, and working
// filters.
func TestHTMLInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH: skipping the browser test of the review page (Debian: apt-get install chromium)")
	}
	r := testReport(t)
	var buf bytes.Buffer
	if err := formatHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	// The page is opened at the forbidden form of out/article.th.md.
	target := ""
	for i, f := range r.Files {
		for j, x := range f.Findings {
			if f.Path == "out/article.th.md" && x.Rule == lint.TermForbidden {
				target = fmt.Sprintf("f-%d-%d", i+1, j+1)
			}
		}
	}
	dir := t.TempDir()
	pagePath := filepath.Join(dir, "review.html")
	probePath := filepath.Join(dir, "probe.html")
	if err := os.WriteFile(pagePath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(probePath, []byte(instrument(t, buf.String())), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, browser, "--virtual-time-budget=5000", "--dump-dom", "file://"+filepath.ToSlash(probePath)+"#"+target)
	p := readProbe(t, dom)

	t.Run("nothing but the page runs", func(t *testing.T) {
		if p.Scripts != 2 || p.Foreign != 0 {
			t.Errorf("%d scripts (want the page's and the probe's), %d foreign elements", p.Scripts, p.Foreign)
		}
		for _, s := range []string{`<script>alert("xss")</script>`, `<img src=x onerror="alert(1)">`, `<b>ตัวหนา</b>`} {
			if !strings.Contains(p.Text, s) {
				t.Errorf("the page does not show %q as text", s)
			}
		}
	})
	t.Run("findings are painted with icon and label", func(t *testing.T) {
		if p.ErrorMark.BG != "rgb(253, 226, 225)" || p.ErrorMark.Border != "solid" {
			t.Errorf("error mark: background %s, border %s", p.ErrorMark.BG, p.ErrorMark.Border)
		}
		if p.WarningBorder != "dashed" {
			t.Errorf("a warning is underlined %q, like an error: colour alone tells them apart", p.WarningBorder)
		}
		if p.Term.BG != "rgb(230, 244, 234)" || p.Term.Border != "dotted" {
			t.Errorf("glossary term: background %s, border %s", p.Term.BG, p.Term.Border)
		}
		if !strings.Contains(p.Badge.Text, "✖") || !strings.Contains(p.Badge.Text, "error") {
			t.Errorf("error badge reads %q", p.Badge.Text)
		}
		for _, c := range []struct{ name, fg, bg string }{
			{"error mark", p.ErrorMark.FG, p.ErrorMark.BG},
			{"term", p.Term.FG, p.Term.BG},
			{"badge", p.Badge.FG, p.Badge.BG},
			{"tooltip", p.TipFocused.FG, p.TipFocused.BG},
		} {
			if r := contrast(t, c.fg, c.bg); r < 4.5 {
				t.Errorf("%s: contrast %.2f of %s on %s, below 4.5", c.name, r, c.fg, c.bg)
			}
		}
	})
	t.Run("the message shows on focus", func(t *testing.T) {
		if p.Active != target {
			t.Errorf("following #%s focused %q", target, p.Active)
		}
		if p.TipFocused.Display == "none" || p.TipFocused.Rect == nil || p.TipFocused.Rect.W < 50 || p.TipFocused.Rect.H < 10 {
			t.Errorf("tooltip of the focused mark: display %q, box %+v", p.TipFocused.Display, p.TipFocused.Rect)
		}
		if !strings.Contains(p.TipFocused.Text, "term.forbidden") || !strings.Contains(p.TipFocused.Text, "ข้อริเริ่มแถบและเส้นทาง") {
			t.Errorf("tooltip reads %q", p.TipFocused.Text)
		}
		if p.TipBlurred != "none" {
			t.Errorf("the tooltip stays (%q) once the mark loses focus", p.TipBlurred)
		}
		if p.OtherTip == "none" {
			t.Error("focusing another mark does not show its message")
		}
	})
	t.Run("source and translation side by side", func(t *testing.T) {
		s, g := p.Source, p.Target
		if s == nil || g == nil || !(s.X+s.W <= g.X+1) || math.Abs(s.Y-g.Y) > 1 || s.W < 300 || g.W < 300 {
			t.Errorf("source cell %+v, translation cell %+v", s, g)
		}
	})
	t.Run("every script is in the page with its fonts", func(t *testing.T) {
		for lang, want := range map[string]struct{ text, font string }{
			"th": {"งานแสดงสินค้าจีน-อาเซียน", "Noto Sans Thai"},
			"km": {"ពិព័រណ៍ចិន-អាស៊ាន", "Noto Sans Khmer"},
			"my": {"တရုတ်-အာဆီယံ", "Noto Sans Myanmar"},
			"lo": {"ງານວາງສະແດງສິນຄ້າ", "Noto Sans Lao"},
			"vi": {"Hội chợ Trung Quốc - ASEAN", "Noto Sans"},
			"en": {"Trade talks in Nanning", "Noto Sans"},
		} {
			c := p.Cells[lang]
			if !strings.Contains(c.Text, want.text) {
				t.Errorf("%s: the first cell reads %q, without %q", lang, c.Text, want.text)
			}
			if !strings.Contains(c.Font, want.font) {
				t.Errorf("%s: font stack %q lacks %q", lang, c.Font, want.font)
			}
		}
	})
	t.Run("filters hide a severity", func(t *testing.T) {
		if !p.FiltersShown || p.ListBefore == "none" || p.ListAfter != "none" {
			t.Errorf("filters shown %v; error entry %q before, %q after unticking errors", p.FiltersShown, p.ListBefore, p.ListAfter)
		}
	})
	t.Run("highlights are painted", func(t *testing.T) {
		shot := filepath.Join(dir, "shot.png")
		headless(t, browser, "--virtual-time-budget=3000", "--screenshot="+shot, "file://"+filepath.ToSlash(pagePath))
		img := readPNG(t, shot)
		for name, c := range map[string][3]uint8{"error": {253, 226, 225}, "warning": {255, 243, 196}, "glossary term": {230, 244, 234}, "source of a finding": {241, 230, 255}} {
			if n := countColour(img, img.Bounds(), c); n < 300 {
				t.Errorf("%s highlight: %d pixels of rgb%v painted", name, n, c)
			}
		}
		for lang, c := range p.Cells {
			if c.Rect == nil {
				continue
			}
			r := image.Rect(int(c.Rect.X), int(c.Rect.Y), int(c.Rect.X+c.Rect.W), int(c.Rect.Y+c.Rect.H))
			if ink := countDark(img, r); ink < 50 {
				t.Errorf("%s: the first cell %v shows %d dark pixels: its text is not painted", lang, r, ink)
			}
		}
	})
}

// readProbe finds the probe's report in a dumped DOM.
func readProbe(t *testing.T, dom []byte) probeResult {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	var raw string
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "id") == "probe" {
			raw = textOf(n)
		}
	})
	if raw == "" {
		t.Fatalf("the probe did not run (the page's script policy may block it); DOM:\n%s", lastLines(string(dom), 5))
	}
	var p probeResult
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		t.Fatalf("probe: %v: %s", err, raw)
	}
	return p
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// countColour counts the pixels of r that have exactly colour c.
func countColour(img image.Image, r image.Rectangle, c [3]uint8) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if uint8(cr>>8) == c[0] && uint8(cg>>8) == c[1] && uint8(cb>>8) == c[2] {
				n++
			}
		}
	}
	return n
}

// countDark counts the pixels of r dark enough to be ink.
func countDark(img image.Image, r image.Rectangle) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr>>8)+(cg>>8)+(cb>>8) < 3*100 {
				n++
			}
		}
	}
	return n
}

// contrast returns the WCAG contrast ratio of two CSS "rgb(r, g, b)" colours.
func contrast(t *testing.T, fg, bg string) float64 {
	t.Helper()
	lum := func(s string) float64 {
		var r, g, b float64
		if _, err := fmt.Sscanf(s, "rgb(%g, %g, %g)", &r, &g, &b); err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		ch := func(v float64) float64 {
			v /= 255
			if v <= 0.03928 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
	}
	a, b := lum(fg), lum(bg)
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}
