package lint

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkGrep times GNU grep -F -i -o -f over the same generated pair
// and the glossary's forms in both languages, in the same run as
// CheckPair, and reports CheckPair's CPU time over grep's as juru/grep
// (below 1: juru is faster), in a UTF-8 locale and in the C locale.
func BenchmarkGrep(b *testing.B) {
	grep, err := exec.LookPath("grep")
	if err != nil {
		b.Skip("grep not found; skipping the comparison")
	}
	if out, err := exec.Command(grep, "--version").Output(); err != nil || !strings.Contains(string(out), "GNU grep") {
		b.Skip("grep is not GNU grep; skipping the comparison")
	}
	fx := fixture(b)
	for _, lang := range benchLangs {
		src, tgt := genPair(fx.g, lang, benchSize, 5, newsTerms)
		dir := b.TempDir()
		text := filepath.Join(dir, "text.txt")
		terms := filepath.Join(dir, "terms.txt")
		var forms []string
		for _, e := range fx.g.Entries {
			for _, l := range []string{"en", lang} {
				for _, f := range e.Terms[l] {
					forms = append(forms, f.Text)
				}
			}
		}
		if err := os.WriteFile(text, []byte(src+"\n"+tgt), 0o600); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(terms, []byte(strings.Join(forms, "\n")+"\n"), 0o600); err != nil {
			b.Fatal(err)
		}
		b.Run(lang, func(b *testing.B) {
			s, t := Doc{Path: "a.md", Lang: "en", Text: src}, Doc{Path: "a.md", Lang: lang, Text: tgt}
			fx.l.CheckPair(s, t)
			juru := cpuBench(b, len(src)+len(tgt), coldPair(fx.l, s, t))
			// once in a UTF-8 locale, which folds case as juru does,
			// and once byte by byte (LC_ALL=C), ASCII case only
			for _, loc := range []struct{ name, env string }{{"utf8", "C.UTF-8"}, {"C", "C"}} {
				cmd := exec.Command(grep, "-F", "-i", "-o", "-f", terms, text)
				cmd.Env = append(os.Environ(), "LC_ALL="+loc.env)
				cmd.Stdout = io.Discard
				if err := cmd.Run(); err != nil {
					if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
						b.Fatal(err)
					}
				}
				cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				if cpu > 0 && juru > 0 {
					b.ReportMetric(float64(len(src)+len(tgt))/cpu.Seconds()/1e6, "grep-"+loc.name+"-MB/s")
					b.ReportMetric(float64(juru)/float64(cpu), "juru/grep-"+loc.name)
				}
			}
		})
	}
}

// BenchmarkStages times each part of CheckPair on its own, on FLORES-200
// (Indonesian, Thai) and on a generated Indonesian pair, to show where
// the time goes: preparing the texts, the glossary matches of source and
// translation (sieved and not), numbers, scripts, identical paragraphs,
// structure.
func BenchmarkStages(b *testing.B) {
	fx := fixture(b)
	for _, fl := range []struct{ file, name, lang string }{{"ind_Latn", "flores-id", "id"}, {"tha_Thai", "flores-th", "th"}, {"", "generated-id", "id"}} {
		var src, tgt string
		if fl.file == "" {
			src, tgt = genPair(fx.g, fl.lang, benchSize, 5, newsTerms)
		} else if _, err := os.Stat(filepath.Join(sharedCorpusOrEmpty(), "flores200-devtest")); err != nil {
			continue
		} else {
			src, tgt = floresPair(b, fl.file)
			n := benchSize/len(src) + 1
			src, tgt = strings.Repeat(src+"\n\n", n), strings.Repeat(tgt+"\n\n", n)
		}
		lang := fl.lang
		l := fx.l
		sd, td := Doc{Lang: "en", Text: src}, Doc{Lang: lang, Text: tgt}
		sp, sl := l.page(sd)
		tp, tl := l.page(td)
		sm := sl.matcher.FindAll(src)
		pr := &pair{l: l, src: sp, tgt: tp, sl: sl, tl: tl}
		total := len(src) + len(tgt)
		stages := []struct {
			name  string
			bytes int
			f     func()
		}{
			{"all", total, coldPair(l, sd, td)},
			{"pages", total, func() { l.page(sd); l.page(td) }},
			{"srcFindAll", len(src), func() { sl.matcher.FindAll(src) }},
			{"srcSieved", len(src), func() { (&source{page: sp, ld: sl}).glossaryMatches(l) }},
			{"tgtSieved", len(tgt), func() { l.matches(tl, tp, sm) }},
			{"tgtFindAll", len(tgt), func() { tl.matcher.FindAll(tgt) }},
			{"numbers", total, func() { pr.numbers() }},
			{"extractSrc", len(src), func() { l.extract(sl, src) }},
			{"extractTgt", len(tgt), func() { l.extract(tl, tgt) }},
			{"windowsTgt", len(tgt), func() { l.digits.windows(tgt) }},
			{"scripts", len(tgt), func() { l.scripts(tp, tl) }},
			{"untranslated", total, func() { pr.untranslated() }},
			{"structure", total, func() { pr.links = nil; pr.linkOf = nil; pr.structure() }},
		}
		for _, st := range stages {
			b.Run(fl.name+"/"+st.name, func(b *testing.B) { cpuBench(b, st.bytes, st.f) })
		}
	}
}
