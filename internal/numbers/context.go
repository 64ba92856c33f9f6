package numbers

import (
	"math/big"
	"strings"
)

// clock reports whether a token of two groups joined by a point is a time
// of day, an hour and its minutes ("pukul 10.30", "10.30 น.", "07.19
// WIB"): the hour is at most 24, the minutes two digits below 60, and a
// word for "o'clock" or a time zone stands before or after.
func clock(text string, t token, rd reading) bool {
	if len(t.seps) != 1 || t.seps[0] != '.' || rd.end != t.ends[1] {
		return false
	}
	h, m := t.groups[0], t.groups[1]
	if len(h) > 2 || len(m) != 2 || atoi(h) > 24 || atoi(m) > 59 {
		return false
	}
	before := strings.TrimRight(text[:t.start], " \u00A0")
	for _, w := range []string{"pukul", "jam", "pkl.", "pk.", "lúc"} {
		if hasSuffixFold(before, w) {
			return true
		}
	}
	// the second time of a range: "pukul 06.30 dan 07.30"
	for _, w := range []string{"dan", "hingga", "sampai", "-", "–", "ถึง", "đến"} {
		if hasSuffixFold(before, w) && endsWithClock(strings.TrimRight(before[:len(before)-len(w)], " \u00A0")) {
			return true
		}
	}
	after := text[skipSpace(text, t.ends[1]):]
	for _, w := range []string{"น.", "นาฬิกา", "WIB", "WITA", "WIT", "GMT", "UTC", "giờ", "h"} {
		if strings.HasPrefix(after, w) && boundary(after, len(w)) {
			return true
		}
	}
	return false
}

// endsWithClock reports whether s ends with an hour and minutes joined by
// a point ("06.30").
func endsWithClock(s string) bool {
	n := len(s)
	if n < 4 || !isASCIIDigit(s[n-1]) || !isASCIIDigit(s[n-2]) || s[n-3] != '.' || !isASCIIDigit(s[n-4]) {
		return false
	}
	return n == 4 || !isASCIIDigit(s[n-5]) || n == 5 || !isASCIIDigit(s[n-6])
}

// militaryTime gives a four-digit time of day before a time zone ("1200
// GMT", "0930 UTC") its hour as another reading.
func militaryTime(text string, ns []Number) {
	for k := range ns {
		n := &ns[k]
		if len(n.Raw) != 4 || !n.Value.IsInt() {
			continue
		}
		after := text[skipSpace(text, n.End):]
		for _, w := range []string{"GMT", "UTC", "hrs", "hours", "WIB"} {
			if strings.HasPrefix(after, w) && boundary(after, len(w)) && atoi(n.Raw[:2]) <= 24 && atoi(n.Raw[2:]) <= 59 {
				n.Alt = append(n.Alt, big.NewRat(int64(atoi(n.Raw[:2])), 1))
				break
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}

// century reads a Chinese century after its number: "20 世纪" is the
// twentieth century, which also reads 1900, and "20 世纪 60 年代" the
// decade 1960. It extends n and returns the new end.
func century(text string, end int, n *Number) int {
	i := skipSpace(text, end)
	const shiji, niandai = "世纪", "年代"
	if !strings.HasPrefix(text[i:], shiji) && !strings.HasPrefix(text[i:], "世紀") {
		return end
	}
	i += len(shiji)
	c := new(big.Rat).Sub(n.Value, big.NewRat(1, 1))
	c.Mul(c, big.NewRat(100, 1))
	j := skipSpace(text, i)
	k := j
	for k < len(text) && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	if k > j && k-j <= 2 {
		if l := skipSpace(text, k); strings.HasPrefix(text[l:], niandai) {
			n.Value = c.Add(c, big.NewRat(int64(atoi(text[j:k])), 1))
			n.Digits = new(big.Rat).Set(n.Value)
			n.Year = true
			return l + len(niandai)
		}
	}
	n.Alt = append(n.Alt, c)
	return i
}

// afternoonHours gives an English hour followed by "pm" ("11 pm", "11:35
// p.m.") its 24-hour reading too, and "12 am" the reading 0.
func afternoonHours(text string, ns []Number) {
	for k := range ns {
		n := &ns[k]
		if n.Scale != 0 || !n.Value.IsInt() || n.Spelled || !atMost(n.Value.Num(), 12) || n.Value.Sign() == 0 {
			continue
		}
		i := n.End
		if i+3 <= len(text) && text[i] == ':' && isASCIIDigit(text[i+1]) && isASCIIDigit(text[i+2]) {
			i += 3
		}
		after := text[skipSpace(text, i):]
		h := n.Value.Num().Int64()
		switch {
		case hasPrefixFold(after, "pm") || hasPrefixFold(after, "p.m."):
			if h < 12 {
				n.Alt = append(n.Alt, big.NewRat(h+12, 1))
			}
			// the first hour of a range shares the "pm": "10:00-11:00 pm"
			pk := k - 1
			if pk > 0 && text[ns[pk-1].End:ns[pk].Start] == ":" && len(ns[pk].Raw) == 2 {
				pk-- // skip the minutes of the first time: "10:00-11:00 pm"
			}
			if pk >= 0 && ns[pk].Value.IsInt() && !ns[pk].Spelled && ns[pk].Scale == 0 {
				p := &ns[pk]
				gap := text[p.End:n.Start]
				if len(gap) >= 3 && gap[0] == ':' && isASCIIDigit(gap[1]) && isASCIIDigit(gap[2]) {
					gap = gap[3:]
				}
				if ph := p.Value.Num().Int64(); ph >= 1 && ph < 12 && rangeWord(strings.TrimSpace(gap)) {
					p.Alt = append(p.Alt, big.NewRat(ph+12, 1))
				}
			}
		case hasPrefixFold(after, "am") || hasPrefixFold(after, "a.m."):
			if h == 12 {
				n.Alt = append(n.Alt, new(big.Rat))
			}
		}
	}
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// shareRangeMagnitude gives the first number of a range the magnitude
// word written only after the second ("4.2-3.9 million", "between 3 and 4
// billion", "2 đến 3 triệu") as another reading.
func shareRangeMagnitude(text string, ns []Number) {
	for k := 0; k+1 < len(ns); k++ {
		a, b := &ns[k], ns[k+1]
		if a.Scale != 0 || b.Scale == 0 || a.Year || a.Spelled != b.Spelled {
			continue
		}
		if rangeWord(strings.TrimSpace(text[a.End:b.Start])) {
			a.Alt = append(a.Alt, scaled(a.Digits, b.Scale))
		}
	}
}

// rangeWord reports the words and signs that join the two ends of a range.
func rangeWord(s string) bool {
	switch strings.ToLower(s) {
	case "-", "–", "—", "~", "to", "and", "or", "至", "到", "ถึง", "đến", "tới", "hingga", "sampai", "hanggang", "até", "a":
		return true
	}
	return false
}
