package glossary

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// The shortcuts of runes.go must agree with norm, cases and unicode on
// every character they answer for.

func TestNFCClassAllRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		starter, ccc, known := nfcClass(r)
		if !known {
			continue
		}
		if !utf8.ValidRune(r) {
			t.Fatalf("nfcClass(%U) answers for an invalid rune", r)
		}
		s := string(r)
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("nfcClass knows %U, which is not in NFC alone", r)
		}
		if want := norm.NFC.PropertiesString(s).CCC(); ccc != want {
			t.Errorf("nfcClass(%U) class %d, norm says %d", r, ccc, want)
		}
		// A boundary falls after "a" exactly when r starts a segment.
		got := norm.NFC.NextBoundaryInString("a"+string(r), true) == 1
		if got != starter {
			t.Errorf("nfcClass(%U) starter %v, norm says %v", r, starter, got)
		}
	}
}

func TestFoldsToItselfAllRunes(t *testing.T) {
	fold := cases.Fold()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !foldsToItself(r) || !utf8.ValidRune(r) {
			continue
		}
		if s := string(r); fold.String(s) != s {
			t.Errorf("foldsToItself(%U) but it folds to %q", r, fold.String(s))
		}
	}
}

func TestIsSpacedWordAllRunes(t *testing.T) {
	// Above the BMP isSpacedWord is spacedWordRune itself.
	for r := rune(0); r <= 0xFFFF; r++ {
		if isSpacedWord(r) != spacedWordRune(r) {
			t.Errorf("isSpacedWord(%U) = %v, spacedWordRune says %v", r, isSpacedWord(r), spacedWordRune(r))
		}
	}
}

func TestNoCharacterFoldsToNothing(t *testing.T) {
	fold := cases.Fold()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if fold.String(norm.NFC.String(string(r))) == "" {
			t.Errorf("%U folds to nothing", r)
		}
	}
}

// knownRunes lists the characters nfcClass knows, split into starters and
// the others.
func knownRunes() (starters, marks []rune) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if starter, _, known := nfcClass(r); known && utf8.ValidRune(r) {
			if starter {
				starters = append(starters, r)
			} else {
				marks = append(marks, r)
			}
		}
	}
	return starters, marks
}

// checkSegment compares nfcSegment on s with norm and cases.
func checkSegment(t *testing.T, fold cases.Caser, s string) {
	t.Helper()
	size, plain := nfcSegment(s)
	if size == 0 {
		return
	}
	if want := norm.NFC.NextBoundaryInString(s, true); size != want {
		t.Fatalf("nfcSegment(%+q) size %d, norm says %d", s, size, want)
	}
	seg := s[:size]
	// plain may be false for a segment that needs no change (only
	// slower), never true for one that does.
	if plain && !(norm.NFC.IsNormalString(seg) && fold.String(seg) == seg) {
		t.Fatalf("nfcSegment(%+q) is plain, but NFC or folding changes it", s)
	}
}

func TestNFCSegmentMarks(t *testing.T) {
	fold := cases.Fold()
	starters, marks := knownRunes()
	bases := append([]rune(nil), marks...)
	for i := 0; i < len(starters); i += 97 {
		bases = append(bases, starters[i])
	}
	bases = append(bases, 'a', 'A', 0x1025, 0x0E01, 0x1780, 0x1000, 0x0E81, 0x1EA0)
	// The combining marks of decomposed Latin: all of them in pairs, a
	// sample in threes.
	var latin, some []rune
	for r := rune(0x0300); r <= 0x036F; r++ {
		latin = append(latin, r)
		if r%7 == 0 || r == 0x0301 || r == 0x0323 || r == 0x031B || r == 0x034F {
			some = append(some, r)
		}
	}
	all := append(append([]rune(nil), marks...), latin...)
	for i, b := range append(starters, all...) {
		if i%23 != 0 && i < len(starters) {
			continue
		}
		for _, m := range all {
			checkSegment(t, fold, string(b)+string(m)+"x")
		}
	}
	three := append(marks, some...)
	for _, b := range bases {
		for _, m1 := range three {
			for _, m2 := range three {
				checkSegment(t, fold, string(b)+string(m1)+string(m2))
			}
		}
	}
}

func TestDecodeRune(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		s := string(r) + "a"
		gr, gn := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if gr != wr || gn != wn {
			t.Fatalf("decodeRune(%+q) = %U, %d; want %U, %d", s, gr, gn, wr, wn)
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		s := "a" + string(r)
		want, _ := utf8.DecodeLastRuneInString(s)
		if got := decodeLastRune(s); got != want {
			t.Fatalf("decodeLastRune(%+q) = %U, want %U", s, got, want)
		}
	}
	for _, s := range []string{"\xe0\x80\x80", "\xed\xa0\x80", "\xe1\x80", "\xef\xbf", "\xe1\xc0\x80", "\xe0\xa0\xc0"} {
		gr, gn := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if gr != wr || gn != wn {
			t.Errorf("decodeRune(%+q) = %U, %d; want %U, %d", s, gr, gn, wr, wn)
		}
		wl, _ := utf8.DecodeLastRuneInString("a" + s)
		if gl := decodeLastRune("a" + s); gl != wl {
			t.Errorf("decodeLastRune(%+q) = %U, want %U", "a"+s, gl, wl)
		}
	}
}

func TestFoldSameSizeAllRunes(t *testing.T) {
	fold := cases.Fold()
	n := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f, ok := foldSameSize(r)
		if !ok || !utf8.ValidRune(r) {
			continue
		}
		n++
		if got := fold.String(string(r)); got != string(f) || utf8.RuneLen(f) != utf8.RuneLen(r) {
			t.Errorf("foldSameSize(%U) = %U, cases.Fold makes %+q", r, f, got)
		}
	}
	// every letter of the Vietnamese alphabet is among them
	for _, r := range "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ" {
		if _, ok := foldSameSize(r); !ok && r >= 0x80 {
			t.Errorf("foldSameSize does not know %c (%U)", r, r)
		}
	}
	if n < 550 {
		t.Errorf("foldSameSize knows %d characters, want the Latin blocks", n)
	}
}

func TestStarter3AllRunes(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if !starter3(r) {
			continue
		}
		starter, _, known := nfcClass(r)
		if !known || !starter || !foldsToItself(r) || isSpaceRune(r) || isIgnorable(r) || r == 0x1025 || !utf8.ValidRune(r) {
			t.Errorf("starter3(%U), but nfcClass %v %v, foldsToItself %v", r, starter, known, foldsToItself(r))
		}
	}
	for _, r := range "กขีไลក中ệ—" {
		if !starter3(r) {
			t.Errorf("starter3(%c) = false", r)
		}
	}
}

func TestMark3AllRunes(t *testing.T) {
	n := 0
	for r := rune(0x800); r <= 0xFFFF; r++ {
		m := mark3(r)
		if m == 0 {
			continue
		}
		n++
		starter, ccc, known := nfcClass(r)
		if !known || starter || ccc != m-1 || !foldsToItself(r) {
			t.Errorf("mark3(%U) = %d, but nfcClass %v %d %v", r, m, starter, ccc, known)
		}
	}
	// every mark nfcClass knows in three bytes
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if starter, _, known := nfcClass(r); known && !starter && mark3(r) == 0 {
			t.Errorf("mark3 does not know %U", r)
		}
	}
}
