package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

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
