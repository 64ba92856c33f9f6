package lint

import "unicode/utf8"

// forthWindow and backWindow return the window without its first or last
// n bytes, white space not counted.
func forthWindow(w string, n int) string { return w[forth(w, 0, n):] }

func backWindow(w string, n int) string { return w[:back(w, len(w), n)] }

// back returns the offset n bytes before i in text, not counting white
// space, which matching reads a run of as one space, and moved back to a
// character start.
func back(text string, i, n int) int {
	for i > 0 && n > 0 {
		i--
		if c := text[i]; c != ' ' && c-'\t' >= 5 {
			n--
		}
	}
	return runeFloor(text, i)
}

// forth returns the offset n bytes after i in text, not counting white
// space, moved on to a character start.
func forth(text string, i, n int) int {
	for i < len(text) && n > 0 {
		if c := text[i]; c != ' ' && c-'\t' >= 5 {
			n--
		}
		i++
	}
	return runeCeil(text, i)
}

// shift returns copies of edits moved by d bytes.
func shift(edits []Edit, d int) []Edit {
	out := make([]Edit, len(edits))
	for i, e := range edits {
		e.Start += d
		e.End += d
		out[i] = e
	}
	return out
}

// runeFloor clamps i to [0, len(s)] and moves it back to a character start.
func runeFloor(s string, i int) int {
	if i <= 0 {
		return 0
	}
	i = min(i, len(s))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// runeCeil clamps i to [0, len(s)] and moves it on to a character start.
func runeCeil(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	i = max(i, 0)
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
