package glossary

import (
	"testing"
)

func testGlossary() *Glossary {
	return &Glossary{Entries: []*Entry{
		{ID: "bri", Terms: map[string][]Form{
			"en": {{"Belt and Road Initiative", Preferred}, {"One Belt One Road", Forbidden}, {"OBOR", Forbidden}},
			"id": {{"Inisiatif Sabuk dan Jalan", Preferred}},
			"vi": {{"Sáng kiến Vành đai và Con đường", Preferred}},
			"th": {{"โครงการหนึ่งแถบหนึ่งเส้นทาง", Preferred}},
		}},
		{ID: "expo", Terms: map[string][]Form{
			"en": {{"China-ASEAN Expo", Preferred}},
			"vi": {{"Hội chợ Trung Quốc - ASEAN", Preferred}},
		}},
		{ID: "asean", CaseSensitive: true, Terms: map[string][]Form{
			"en": {{"ASEAN", Preferred}},
			"vi": {{"ASEAN", Preferred}},
		}},
	}}
}

func TestFindAllLeftmostLongest(t *testing.T) {
	m := NewMatcher(testGlossary(), "en")
	text := "The China-ASEAN Expo and ASEAN.\nThe belt and road initiative, not OBOR; Asean."
	var got []string
	for _, x := range m.FindAll(text) {
		got = append(got, x.Entry.ID+"@"+x.Text(text))
	}
	want := []string{"expo@China-ASEAN Expo", "asean@ASEAN", "bri@belt and road initiative", "bri@OBOR", "asean@Asean"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("match %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestFindAllDecomposedVietnamese(t *testing.T) {
	m := NewMatcher(testGlossary(), "vi")
	// "Sáng kiến" with combining marks (NFD).
	text := "Về Sa\u0301ng kie\u0302\u0301n Va\u0300nh đai va\u0300 Con đươ\u0300ng."
	ms := m.FindAll(text)
	if len(ms) != 1 || ms[0].Entry.ID != "bri" {
		t.Fatalf("got %+v", ms)
	}
	if ms[0].Line != 1 || ms[0].Col != 4 {
		t.Errorf("position %d:%d, want 1:4", ms[0].Line, ms[0].Col)
	}
}

func TestCheckerMissingAndForbidden(t *testing.T) {
	c := NewChecker(testGlossary(), "en", "id")
	src := "The Belt and Road Initiative. Again the Belt and Road Initiative."
	rep := c.Check(src, "Inisiatif Sabuk dan Jalan. Lagi OBOR.")
	if len(rep.Violations) != 1 || rep.Violations[0].Kind != Missing || rep.Violations[0].Want != 2 || rep.Violations[0].Got != 1 {
		t.Fatalf("violations = %+v", rep.Violations)
	}
	en := NewChecker(testGlossary(), "id", "en")
	if v := en.Forbidden("Under OBOR and One Belt One Road."); len(v) != 2 {
		t.Fatalf("forbidden = %+v", v)
	}
}
