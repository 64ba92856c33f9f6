package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
)

// checkJob is one file to check.
type checkJob struct {
	// path is the file to read, "" for standard input; display names it
	// in findings.
	path, display string
	lang          string
	// source is the source file to check against, "" for none.
	source, sourceLang string
	// sourceHash is the manifest's hash of the source as translated, to
	// tell a source edited since.
	sourceHash string
	// explicit is set for a file named on the command line: a file that
	// cannot be read is an error, not a warning.
	explicit bool
	// note says why a file is checked on its own.
	note string
}

// planCheck turns the arguments into jobs: a folder juru wrote into its
// outputs with their sources, other folders, globs and files into the
// files they hold. Warnings go to stderr.
func (a *app) planCheck(o checkOptions) ([]checkJob, error) {
	var jobs []checkJob
	for _, arg := range o.args {
		if arg == "-" {
			jobs = append(jobs, checkJob{display: inputs.StdinRel, lang: o.lang, source: o.source, sourceLang: o.from, explicit: true})
			continue
		}
		if isManifestFolder(arg) {
			if o.source != "" {
				return nil, usagef("check: --source pairs files named one by one; %s is a folder juru wrote, whose manifest names the sources (see --source-root)", arg)
			}
			mj, err := a.manifestJobs(arg, o)
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, mj...)
			continue
		}
		ins, warns, err := inputs.Expand([]string{arg}, inputs.Options{})
		for _, w := range warns {
			fmt.Fprintf(a.stderr, "juru: warning: %s\n", w)
		}
		if err != nil {
			return nil, &inputError{err}
		}
		for _, in := range ins {
			explicit := filepath.Clean(in.Path) == filepath.Clean(arg)
			l := o.lang
			if l == "" {
				l = a.langFromName(in.Path)
			}
			switch {
			case l == "" && explicit:
				return nil, usagef("check: cannot tell the language of %s: give --lang, or name the file like article.th.md", in.Path)
			case l == "":
				fmt.Fprintf(a.stderr, "juru: warning: skipped %s: its name gives no language (give --lang, or name it like article.th.md)\n", in.Path)
				continue
			}
			jobs = append(jobs, checkJob{
				path: in.Path, display: in.Path, lang: l, source: o.source, sourceLang: o.from, explicit: explicit,
			})
		}
	}
	// A file reached twice is checked once.
	seen := map[string]bool{}
	out := jobs[:0]
	for _, j := range jobs {
		key := j.display
		if j.path != "" {
			key = filepath.Clean(j.path)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, j)
		}
	}
	if len(out) == 0 {
		return nil, &inputError{errors.New("no files to check (folders are searched for .txt, .md, .html and .htm)")}
	}
	return out, nil
}

// langFromName returns the language a file's name gives, as in
// article.th.md or summary.id.txt, or "" when it names none.
func (a *app) langFromName(path string) string {
	parts := strings.Split(filepath.Base(path), ".")
	if len(parts) < 3 {
		return ""
	}
	tag := parts[len(parts)-2]
	if tag == "" || strings.ContainsFunc(tag, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') }) {
		return ""
	}
	l, err := a.langs.Lookup(tag)
	if err != nil {
		return ""
	}
	return l.Code
}

// isManifestFolder reports whether path is a folder with a manifest.
func isManifestFolder(path string) bool {
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		return false
	}
	if _, err := os.Stat(manifest.Path(path, "")); err == nil {
		return true
	}
	shards, _ := manifest.ShardFiles(path)
	return len(shards) > 0
}

// manifestJobs lists the outputs a folder's manifest records, each with
// its source when it can be found (see findSource).
func (a *app) manifestJobs(dir string, o checkOptions) ([]checkJob, error) {
	recs, err := a.loadManifestRecords(dir)
	if err != nil {
		return nil, err
	}
	where := "where the manifest says they were read, nor under the working folder"
	if o.sourceRoot != "" {
		where = "under " + o.sourceRoot
	}
	var jobs []checkJob
	missing := 0
	for _, r := range recs {
		if r.Output == "" || r.Status == manifest.StatusFailed || o.lang != "" && r.Lang != o.lang {
			continue
		}
		out := filepath.Join(dir, filepath.FromSlash(r.Output))
		if _, err := os.Stat(out); err != nil {
			fmt.Fprintf(a.stderr, "juru: warning: %s: the manifest records %s, which is missing\n", dir, r.Output)
			continue
		}
		j := checkJob{path: out, display: out, lang: r.Lang, sourceLang: o.from}
		switch {
		case r.Task != manifest.TaskTranslate:
			j.note = fmt.Sprintf("a %s output: checked on its own", r.Task)
		case r.Source == "" || r.Source == inputs.StdinRel:
			j.note = "translated from standard input: checked on its own"
		default:
			if src, ok := findSource(dir, o.sourceRoot, r); ok {
				j.source, j.sourceHash = src, r.SourceHash
			} else {
				missing++
				j.note = fmt.Sprintf("source %s not found: checked on its own (give --source-root)", r.Source)
			}
		}
		jobs = append(jobs, j)
	}
	if missing > 0 {
		fmt.Fprintf(a.stderr, "juru: warning: %s: the sources of %s were not found %s; they were checked on their own (give --source-root DIR)\n",
			dir, plural(missing, "translation"), where)
	}
	return jobs, nil
}

// findSource finds the source of a manifest record of the folder dir:
// under root when one is given; else where the record says it was read
// (relative to dir), then under the working folder.
func findSource(dir, root string, r manifest.Record) (string, bool) {
	var candidates []string
	switch {
	case root != "":
		candidates = append(candidates, filepath.Join(root, filepath.FromSlash(r.Source)))
	default:
		if p := filepath.FromSlash(r.SourcePath); p != "" {
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			candidates = append(candidates, p)
		}
		candidates = append(candidates, filepath.FromSlash(r.Source))
	}
	for _, c := range candidates {
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return c, true
		}
	}
	return "", false
}

// loadManifestRecords reads a folder's manifest and its shards, keeping
// the newest record of each key, sorted by key.
func (a *app) loadManifestRecords(dir string) ([]manifest.Record, error) {
	files, err := manifest.ShardFiles(dir)
	if err != nil {
		return nil, &inputError{fmt.Errorf("%s: %w", dir, err)}
	}
	files = append([]string{manifest.Path(dir, "")}, files...)
	byKey := map[manifest.Key]manifest.Record{}
	for _, name := range files {
		f, err := os.Open(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, &inputError{fmt.Errorf("manifest %s: %w", name, unwrapPath(err))}
		}
		l, err := manifest.Load(f)
		f.Close()
		if err != nil {
			return nil, &inputError{fmt.Errorf("manifest %s: %w", name, err)}
		}
		for _, p := range l.Problems {
			fmt.Fprintf(a.stderr, "juru: warning: %s: %s\n", name, p)
		}
		for k, r := range l.Records {
			if old, ok := byKey[k]; !ok || manifest.Newer(r, old) {
				byKey[k] = r
			}
		}
	}
	recs := make([]manifest.Record, 0, len(byKey))
	for _, r := range byKey {
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(x, y manifest.Record) int {
		switch {
		case x.Key.Less(y.Key):
			return -1
		case y.Key.Less(x.Key):
			return 1
		}
		return 0
	})
	return recs, nil
}
