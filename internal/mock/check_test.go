package mock

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/internal/prompt"
)

// bruteTerms is the obvious leftmost-longest matcher: at every character,
// try every form, keep the longest that matches with word boundaries,
// and continue after it. It returns the indexes of the terms matched.
func bruteTerms(doc string, terms []prompt.Term) []int {
	var out []int
	for i := 0; i < len(doc); {
		best, bestLen := -1, 0
		for ti, t := range terms {
			for _, f := range append([]string{t.Source}, t.Forbidden...) {
				if len(f) <= bestLen || len(doc)-i < len(f) || !strings.EqualFold(doc[i:i+len(f)], f) {
					continue
				}
				before, _ := utf8.DecodeLastRuneInString(doc[:i])
				after, _ := utf8.DecodeRuneInString(doc[i+len(f):])
				first, _ := utf8.DecodeRuneInString(f)
				last, _ := utf8.DecodeLastRuneInString(f)
				word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
				if (i > 0 && word(before) && word(first)) || (i+len(f) < len(doc) && word(last) && word(after)) {
					continue
				}
				best, bestLen = ti, len(f)
			}
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, best)
		i += bestLen
	}
	return out
}

func TestTermsAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"asean", "ASEAN", "expo", "china", "China", "belt", "road", "and", "x", "1,500", "500", "tons", "2021"}
	seps := []string{" ", " ", "-", ", ", " "}
	tr := NewTranslator(LocaleDigits, nil)
	marker := regexp.MustCompile(`§([0-9]+)§`)
	for n := range 3000 {
		var terms []prompt.Term
		for k := range 1 + rng.IntN(4) {
			var words []string
			for range 1 + rng.IntN(3) {
				words = append(words, vocab[rng.IntN(len(vocab))])
			}
			terms = append(terms, prompt.Term{Source: strings.Join(words, seps[rng.IntN(len(seps))]), Target: fmt.Sprintf("§%d§", k)})
		}
		var doc strings.Builder
		for range rng.IntN(12) {
			doc.WriteString(vocab[rng.IntN(len(vocab))])
			doc.WriteString(seps[rng.IntN(len(seps))])
		}
		spec := prompt.Spec{Task: prompt.Translate, From: en, To: langOf("th"), Terms: terms, Document: doc.String()}
		out := tr.Reply(spec)
		var got []int
		for _, m := range marker.FindAllStringSubmatch(out, -1) {
			k, _ := strconv.Atoi(m[1])
			got = append(got, k)
		}
		if want := bruteTerms(doc.String(), terms); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("case %d: doc %q terms %q\n got %v\nwant %v\n%s", n, doc.String(), terms, got, bruteTerms(doc.String(), terms), out)
		}
	}
}

func TestRenderAgainstLiteral(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tr := NewTranslator(LocaleDigits, nil)
	for _, code := range []string{"en", "id", "vi", "th", "km", "my", "zh-Hans", "pt"} {
		f := tr.writing(code).num
		for range 2000 {
			n := num{whole: fmt.Sprint(1 + rng.IntN(9)), grouped: rng.IntN(2) == 0}
			for range rng.IntN(12) {
				n.whole += fmt.Sprint(rng.IntN(10))
			}
			if rng.IntN(2) == 0 {
				for range 1 + rng.IntN(15-len(n.whole)+1) {
					n.frac += fmt.Sprint(rng.IntN(10))
				}
			}
			if len(n.whole)+len(n.frac) > 15 {
				continue
			}
			if got, want := f.render(n), f.literal(n); got != want {
				t.Fatalf("%s: %+v rendered %q by x/text, %q by hand", code, n, got, want)
			}
			back, k := parseNumber(f.literal(n), tr.writing(code).src)
			if k != len(f.literal(n)) || back.whole != n.whole || back.frac != n.frac || (back.grouped != n.grouped && len(n.whole) > 3) {
				t.Fatalf("%s: %q reads back as %+v", code, f.literal(n), back)
			}
		}
	}
}

// obviousLimiter decides like a sliding window by recounting everything.
type obviousLimiter struct {
	lim      RateLimit
	admitted []use
}

func (o *obviousLimiter) admit(now time.Time, tokens int) (bool, time.Duration) {
	inWindow := func(at time.Time, u use) bool { return u.at.Add(o.lim.Window).After(at) }
	fits := func(at time.Time) bool {
		n, sum := 0, 0
		for _, u := range o.admitted {
			if inWindow(at, u) {
				n++
				sum += u.tokens
			}
		}
		return (o.lim.Requests == 0 || n < o.lim.Requests) && (o.lim.Tokens == 0 || sum+tokens <= o.lim.Tokens)
	}
	if fits(now) {
		o.admitted = append(o.admitted, use{now, tokens})
		return true, 0
	}
	// The earliest expiry after which the request fits.
	best := o.lim.Window
	for _, u := range o.admitted {
		at := u.at.Add(o.lim.Window)
		if d := at.Sub(now); d > 0 && d < best && fits(at) {
			best = d
		}
	}
	return false, best
}

func TestLimiterAgainstObvious(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for run := range 200 {
		lim := RateLimit{Requests: rng.IntN(6), Tokens: rng.IntN(3) * 50, Window: time.Second}
		if lim.Requests == 0 && lim.Tokens == 0 {
			lim.Requests = 3
		}
		fast, slow := newLimiter(lim), &obviousLimiter{lim: lim}
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 60 {
			now = now.Add(time.Duration(rng.IntN(300)) * time.Millisecond)
			cost := 1 + rng.IntN(40)
			v := fast.admit(now, cost)
			ok, retry := slow.admit(now, cost)
			if v.ok != ok || (!ok && v.retry != retry) {
				t.Fatalf("run %d request %d (%+v, cost %d): fast %v %v, obvious %v %v", run, i, lim, cost, v.ok, v.retry, ok, retry)
			}
		}
	}
}
