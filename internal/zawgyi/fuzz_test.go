package zawgyi

import (
	"testing"
)

// FuzzZawgyi checks on any pair of texts that scores lie in [0,1] and
// follow the evidence, and that the evidence of two texts joined by a
// space is the sum of their evidence.
func FuzzZawgyi(f *testing.F) {
	uni, zg := fixtures(f)
	for i := range uni {
		f.Add(uni[i], zg[i])
	}
	f.Add("ascii", "\xff\u1031")
	f.Add("င်္", "\uaa60ေ")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := Detect(a), Detect(b)
		for _, r := range []Result{ra, rb} {
			if r.Score < 0 || r.Score > 1 || r.Zawgyi < 0 || r.Unicode < 0 || r.Burmese < 0 {
				t.Fatalf("result out of range: %+v", r)
			}
			switch {
			case r.Burmese == 0:
				if r.Score != 0 || r.Decidable() {
					t.Fatalf("no Burmese but %+v", r)
				}
			case r.Zawgyi == r.Unicode:
				if r.Score != 0.5 || r.Decidable() {
					t.Fatalf("no evidence either way but %+v", r)
				}
			case (r.Zawgyi > r.Unicode) != (r.Score > 0.5) || (r.Zawgyi > r.Unicode) != r.IsZawgyi():
				t.Fatalf("score against the evidence: %+v", r)
			}
		}
		rab := Detect(a + " " + b)
		if rab.Zawgyi != ra.Zawgyi+rb.Zawgyi || rab.Unicode != ra.Unicode+rb.Unicode || rab.Burmese != ra.Burmese+rb.Burmese {
			t.Fatalf("evidence of %q and %q does not add: %+v + %+v != %+v", a, b, ra, rb, rab)
		}
	})
}
