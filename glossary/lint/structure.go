package lint

import "fmt"

// describe names a block's kind for messages: "a paragraph", "a level-2
// heading", "a code block", "front matter".
func describe(b block) string {
	switch b.kind {
	case heading:
		return fmt.Sprintf("a level-%d heading", b.level)
	case code:
		return "a code block"
	case front:
		return "front matter"
	}
	return "a paragraph"
}

// structure reports where the blocks of the translation stop matching
// those of the source, after aligning them (see alignBlocks): a block
// of one side without counterpart, two blocks of one side made one on
// the other, and aligned blocks of different kinds (a heading translated
// as a paragraph). Texts with the same number of blocks are aligned one
// to one. Texts too unequal to align get one finding with both counts.
// Headings, code blocks and front matter count as paragraphs.
func (pr *pair) structure() []Finding {
	pr.alignment()
	l, sb, tb := pr.l, pr.src.blocks, pr.tgt.blocks
	counts := fmt.Sprintf("the source has %d paragraphs, the translation %d", len(sb), len(tb))
	if !pr.aligned {
		start, end := 0, 0
		if len(tb) > 0 {
			start, end = tb[0].start, tb[0].end
		}
		return []Finding{l.finding(StructureParagraphs, pr.tgt, start, end,
			counts)}
	}
	var out []Finding
	for _, ln := range pr.links {
		ns, nt := ln.s1-ln.s0, ln.t1-ln.t0
		var f Finding
		switch {
		case ns == 1 && nt == 1:
			a, b := sb[ln.s0], tb[ln.t0]
			if a.kind == b.kind && a.level == b.level {
				continue
			}
			f = l.finding(StructureParagraphs, pr.tgt, b.start, b.end,
				fmt.Sprintf("the source has %s here, the translation %s", describe(a), describe(b)))
		case nt == 0:
			start, end := pr.targetSpan(ln.s0)
			line, _ := pr.src.pos(sb[ln.s0].start)
			f = l.finding(StructureParagraphs, pr.tgt, start, end,
				fmt.Sprintf("%s of the source (line %d) has no counterpart in the translation; %s", describe(sb[ln.s0]), line, counts))
		case ns == 0:
			b := tb[ln.t0]
			f = l.finding(StructureParagraphs, pr.tgt, b.start, b.end,
				fmt.Sprintf("%s of the translation has no counterpart in the source; %s", describe(b), counts))
		case ns == 2:
			l1, _ := pr.src.pos(sb[ln.s0].start)
			l2, _ := pr.src.pos(sb[ln.s0+1].start)
			b := tb[ln.t0]
			f = l.finding(StructureParagraphs, pr.tgt, b.start, b.end,
				fmt.Sprintf("this paragraph stands for two of the source (lines %d and %d); %s", l1, l2, counts))
		default:
			line, _ := pr.src.pos(sb[ln.s0].start)
			f = l.finding(StructureParagraphs, pr.tgt, tb[ln.t0].start, tb[ln.t1-1].end,
				fmt.Sprintf("these paragraphs stand for one of the source (line %d); %s", line, counts))
		}
		if ns > 0 {
			rel := pr.src.loc(sb[ln.s0].start, sb[ln.s1-1].end)
			f.Related = &rel
		}
		out = append(out, f)
	}
	return out
}
