package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/glossary/lint"
	"github.com/juru-cli/juru/internal/atomicfile"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/textio"
)

// checkResult is the outcome of one job: the file checked (nil when it
// was skipped), a warning, and the diff --fix made.
type checkResult struct {
	file *checkedFile
	warn string
	diff []byte
}

// sourceDoc is a source read once for every translation of it.
type sourceDoc struct {
	text string
	// hash is the manifest's hash of the source as it is now (of its
	// normalised text), when a manifest names it.
	hash string
}

// runCheck checks the files and prints the report.
func (a *app) runCheck(ctx context.Context, o checkOptions) error {
	g, err := a.loadGlossaries(o.glossaries)
	if err != nil {
		return err
	}
	l, err := lint.New(lint.Options{Glossary: g, SourceLang: o.from, Severities: o.severities})
	if err != nil {
		return usagef("check: %v", err)
	}
	jobs, err := a.planCheck(o)
	if err != nil {
		return err
	}
	if g == nil {
		fmt.Fprintln(a.stderr, "juru: warning: no glossary given (--glossary or juru.toml): the term rules are off")
	}
	var stdin []byte
	if readsStdin(jobs) {
		if stdin, err = io.ReadAll(io.LimitReader(a.stdin, textio.DefaultMaxSize+1)); err != nil {
			return &inputError{fmt.Errorf("stdin: %w", err)}
		}
	}
	sources, err := readSources(ctx, jobs, o.jobs)
	if err != nil {
		return err
	}
	results := make([]checkResult, len(jobs))
	errs := make([]error, len(jobs))
	eg, ectx := errgroup.WithContext(ctx)
	eg.SetLimit(o.jobs)
	for i, j := range jobs {
		eg.Go(func() error {
			if ectx.Err() != nil {
				return nil
			}
			results[i], errs[i] = checkOneJob(l, j, sources, stdin, o)
			return nil
		})
	}
	_ = eg.Wait()
	if err := ctx.Err(); err != nil {
		return context.Cause(ctx)
	}
	if err := firstError(errs); err != nil {
		return err
	}
	return a.printCheck(o, g, results)
}

// readsStdin reports whether a job reads standard input.
func readsStdin(jobs []checkJob) bool {
	for _, j := range jobs {
		if j.path == "" {
			return true
		}
	}
	return false
}

// firstError returns the first error, in job order, so that the message
// does not depend on which file finished first.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readSources reads every source once, in parallel.
func readSources(ctx context.Context, jobs []checkJob, n int) (map[string]*sourceDoc, error) {
	var list []string
	hashed := map[string]bool{}
	for _, j := range jobs {
		if j.source == "" {
			continue
		}
		if _, ok := hashed[j.source]; !ok {
			list = append(list, j.source)
		}
		hashed[j.source] = hashed[j.source] || j.sourceHash != ""
	}
	docs := make([]*sourceDoc, len(list))
	errs := make([]error, len(list))
	eg, _ := errgroup.WithContext(ctx)
	eg.SetLimit(n)
	for i, path := range list {
		eg.Go(func() error {
			d, err := textio.ReadFile(path, textio.Options{Verbatim: true})
			if err != nil {
				errs[i] = &inputError{fmt.Errorf("source: %w", err)}
				return nil
			}
			sd := &sourceDoc{text: d.Text}
			if hashed[path] {
				if norm, err := textio.ReadFile(path, textio.Options{}); err == nil {
					sd.hash = manifest.Hash([]byte(norm.Text))
				}
			}
			docs[i] = sd
			return nil
		})
	}
	_ = eg.Wait()
	if err := firstError(errs); err != nil {
		return nil, err
	}
	out := make(map[string]*sourceDoc, len(list))
	for i, path := range list {
		out[path] = docs[i]
	}
	return out, nil
}

// checkOneJob reads, fixes (with --fix) and checks one file.
func checkOneJob(l *lint.Linter, j checkJob, sources map[string]*sourceDoc, stdin []byte, o checkOptions) (checkResult, error) {
	var doc *textio.Doc
	var err error
	if j.path == "" {
		doc, err = textio.Read(inputs.StdinRel, bytes.NewReader(stdin), textio.Options{Verbatim: true})
	} else {
		doc, err = textio.ReadFile(j.path, textio.Options{Verbatim: true})
	}
	if err != nil {
		var te *textio.Error
		if !j.explicit && errors.As(err, &te) && (te.Kind == textio.Binary || te.Kind == textio.Empty) {
			return checkResult{warn: fmt.Sprintf("juru: warning: skipped %v", err)}, nil
		}
		return checkResult{}, &inputError{err}
	}
	cf := &checkedFile{Path: j.display, Lang: j.lang, Mode: modeAlone, Text: doc.Text, Note: j.note}
	if doc.Format == textio.FormatHTML {
		cf.Note = strings.TrimSpace(cf.Note + " An HTML page: lines and columns refer to the article text juru extracted from it.")
	}
	var res checkResult
	d := lint.Doc{Path: j.display, Lang: j.lang, Text: doc.Text}
	if o.fix {
		fx, err := fixFile(l, j, doc, o.dryRun)
		if err != nil {
			return checkResult{}, err
		}
		res.warn, res.diff, cf.Fixed = fx.warn, fx.diff, fx.edits
		if fx.edits > 0 && !o.dryRun {
			d.Text, cf.Text = fx.text, fx.text
		}
	}
	if j.source != "" {
		src := sources[j.source]
		cf.Mode, cf.Source, cf.SourceLang, cf.SourceText = modePair, j.source, j.sourceLang, src.text
		if j.sourceHash != "" && src.hash != "" && j.sourceHash != src.hash {
			cf.Note = fmt.Sprintf("the source %s changed after this translation was made", j.source)
			res.warn = strings.TrimSpace(res.warn + "\njuru: warning: " + j.display + ": " + cf.Note)
		}
		cf.Findings = l.CheckPair(lint.Doc{Path: j.source, Lang: j.sourceLang, Text: src.text}, d)
	} else {
		cf.Findings = l.CheckOne(d)
	}
	res.file = cf
	return res, nil
}

// printCheck prints warnings, diffs, the report and the summary, and
// returns the run's outcome. Diffs go to stdout with the text format or
// when the report goes to a file; otherwise to stderr, so that stdout
// stays parseable.
func (a *app) printCheck(o checkOptions, g *glossary.Glossary, results []checkResult) error {
	r := &checkReport{Rules: rulesFor(o.severities), FailLevel: o.failLevel, Glossary: g}
	diffs := a.stderr
	if o.format == "text" || o.output != "" {
		diffs = a.stdout
	}
	edits, files := 0, 0
	for _, res := range results {
		if res.warn != "" {
			fmt.Fprintln(a.stderr, res.warn)
		}
		if len(res.diff) > 0 {
			if _, err := diffs.Write(res.diff); err != nil {
				return err
			}
		}
		if res.file != nil {
			r.Files = append(r.Files, res.file)
			if res.file.Fixed > 0 {
				edits += res.file.Fixed
				files++
			}
		}
	}
	r.sortFiles()
	render, _ := checkFormatter(o.format)
	var buf bytes.Buffer
	if err := render(&buf, r); err != nil {
		return err
	}
	if err := a.writeReport(o, buf.Bytes()); err != nil {
		return err
	}
	if o.output != "" {
		fmt.Fprintf(a.stderr, "juru: wrote the %s report to %s\n", o.format, o.output)
	}
	if o.fix {
		switch {
		case edits == 0:
			fmt.Fprintln(a.stderr, "juru: nothing to fix")
		case o.dryRun:
			fmt.Fprintf(a.stderr, "juru: --fix would change %s (%s); dry run, nothing written\n", plural(files, "file"), plural(edits, "replacement"))
		default:
			fmt.Fprintf(a.stderr, "juru: fixed %s (%s)\n", plural(files, "file"), plural(edits, "replacement"))
		}
	}
	fmt.Fprintf(a.stderr, "juru: %s\n", r.summary())
	if r.failed() {
		return &silentError{code: exitViolations}
	}
	return nil
}

// writeReport writes the rendered report to --output, atomically, or to
// stdout.
func (a *app) writeReport(o checkOptions, data []byte) error {
	if o.output == "" || o.output == "-" {
		_, err := a.stdout.Write(data)
		return err
	}
	if err := atomicfile.WriteFile(o.output, data, 0o644); err != nil {
		return &inputError{fmt.Errorf("--output %s: %w", o.output, unwrapPath(err))}
	}
	return nil
}
