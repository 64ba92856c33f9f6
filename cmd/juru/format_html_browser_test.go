package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
