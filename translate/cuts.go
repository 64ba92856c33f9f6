package translate

import "strings"

// itemCuts returns the offsets inside a block where a line starts that
// begins a list item (at the indentation of the block's first item or
// less), begins or follows a heading, or, in a table, is a row after the
// header and its delimiter.
func itemCuts(text string, b block) []int {
	var out []int
	listIndent := -1
	prevHeading := false
	for i, l := range lines(text[b.start:b.end]) {
		content := text[b.start+l.start : b.start+l.end]
		item := isListItem(content)
		w, _ := indentOf(content)
		if item && listIndent < 0 {
			listIndent = w
		}
		heading := isHeading(content)
		cut := false
		switch {
		case i == 0:
		case b.kind == kindTable:
			cut = i >= 2
		case item && w <= listIndent, heading, prevHeading:
			cut = true
		}
		if cut {
			out = append(out, b.start+l.start)
		}
		prevHeading = heading
	}
	return out
}

// Halve cuts a text in two where the document suffers least, as near the
// middle as that allows: between blocks, else between list items or table
// rows, else between sentences. It reports false for a text that has no
// such place (a single sentence). Join of the two halves gives the text.
func Halve(text string) (Chunk, Chunk, bool) {
	blocks := scanBlocks(text)
	var cuts []int
	switch {
	case len(blocks) >= 2:
		for _, b := range blocks[1:] {
			cuts = append(cuts, b.start)
		}
	case len(blocks) == 1:
		cuts = itemCuts(text, blocks[0])
		if len(cuts) == 0 && blocks[0].kind != kindFence && !(blocks[0].kind == kindTable && strings.Contains(text, "|")) {
			cuts = sentenceCuts(text, 0, len(text))
		}
	}
	if len(cuts) == 0 {
		return Chunk{}, Chunk{}, false
	}
	best := cuts[0]
	for _, c := range cuts[1:] {
		if absInt(c-len(text)/2) < absInt(best-len(text)/2) {
			best = c
		}
	}
	left, right := chunkOf(text, 0, best), chunkOf(text, best, len(text))
	left.Line = 1
	right.Line = 1 + strings.Count(text[:right.Offset], "\n")
	return left, right, true
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
