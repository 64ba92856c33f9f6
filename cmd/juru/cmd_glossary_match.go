package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/textio"
)

// matchOptions is what juru glossary match was asked to do.
type matchOptions struct {
	args       []string
	glossaries []string
	lang, from string
	format     string
}

func (a *app) glossaryMatchCommand() *cli.Command {
	return &cli.Command{
		Name:      "match",
		Usage:     "show which glossary entries occur where",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Prints 'path:line:col: ENTRY LANG \"text\" (preferred \"form\")' for every occurrence of a\n" +
			"glossary form, marking forbidden forms and wrong case. A file's language is --lang, else\n" +
			"the one its name gives (article.th.md), else the source language.",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV or TBX; repeatable, merged)"},
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: "language `LANG` of the files"},
			&cli.StringFlag{Name: "from", Aliases: []string{"f"}, Usage: "source `LANG`, for files whose name gives none (default en)"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
			configFlag(),
		},
		Action: func(c *cli.Context) error {
			o, err := a.matchOptions(c)
			if err != nil {
				return err
			}
			return a.runGlossaryMatch(o)
		},
	}
}

// matchOptions reads and checks the flags before any file is read.
func (a *app) matchOptions(c *cli.Context) (matchOptions, error) {
	if err := checkArgs(c, 1, -1); err != nil {
		return matchOptions{}, err
	}
	cfg, _, err := loadCheckConfig(c)
	if err != nil {
		return matchOptions{}, err
	}
	o := matchOptions{args: c.Args().Slice(), glossaries: c.StringSlice("glossary"), format: c.String("format")}
	if len(o.glossaries) == 0 {
		for _, g := range cfg.Glossary {
			o.glossaries = append(o.glossaries, cfg.resolve(g))
		}
	}
	if len(o.glossaries) == 0 {
		return o, usagef("glossary match: --glossary is required")
	}
	if o.format != "text" && o.format != "json" {
		return o, usagef("glossary match: unknown --format %q (want text or json)", o.format)
	}
	from, err := a.langs.Lookup(firstNonEmpty(c.String("from"), cfg.From, "en"))
	if err != nil {
		return o, err
	}
	o.from = from.Code
	if l := c.String("lang"); l != "" {
		x, err := a.langs.Lookup(l)
		if err != nil {
			return o, err
		}
		o.lang = x.Code
	}
	return o, nil
}

// matchRecord is one occurrence, in the JSON output.
type matchRecord struct {
	File         string `json:"file"`
	Line         int    `json:"line"`
	Col          int    `json:"col"`
	Entry        string `json:"entry"`
	Lang         string `json:"lang"`
	Text         string `json:"text"`
	Form         string `json:"form"`
	Status       string `json:"status"`
	Preferred    string `json:"preferred,omitempty"`
	CaseMismatch bool   `json:"case_mismatch,omitempty"`
}

// runGlossaryMatch prints the occurrences of glossary forms in the files.
func (a *app) runGlossaryMatch(o matchOptions) error {
	g, err := a.loadGlossaries(o.glossaries)
	if err != nil {
		return err
	}
	var files []inputs.Input
	for _, arg := range o.args {
		ins, warns, err := inputs.Expand([]string{arg}, inputs.Options{Stdin: a.stdin})
		for _, w := range warns {
			fmt.Fprintf(a.stderr, "juru: warning: %s\n", w)
		}
		if err != nil {
			return &inputError{err}
		}
		files = append(files, ins...)
	}
	matchers := map[string]*glossary.Matcher{}
	recs := []matchRecord{}
	entries := map[string]bool{}
	for _, in := range files {
		doc, err := a.readVerbatim(in)
		if err != nil {
			return err
		}
		l := firstNonEmpty(o.lang, a.langFromName(in.Path), o.from)
		m := matchers[l]
		if m == nil {
			m = glossary.NewMatcher(g, l)
			matchers[l] = m
		}
		name := in.Path
		if in.IsStdin() {
			name = inputs.StdinRel
		}
		for _, x := range m.FindAll(doc.Text) {
			pref, _ := x.Entry.Preferred(l)
			recs = append(recs, matchRecord{
				File: name, Line: x.Line, Col: x.Col, Entry: x.Entry.ID, Lang: l, Text: x.Text(doc.Text),
				Form: x.Form.Text, Status: x.Form.Status.String(), Preferred: pref, CaseMismatch: x.CaseMismatch,
			})
			entries[x.Entry.ID] = true
		}
	}
	if err := writeMatches(a.stdout, o.format, recs); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "juru: %s of %s in %s\n", plural(len(recs), "occurrence"), plural(len(entries), "entry"), plural(len(files), "file"))
	return nil
}

// readVerbatim reads an input keeping its positions exact.
func (a *app) readVerbatim(in inputs.Input) (*textio.Doc, error) {
	var doc *textio.Doc
	var err error
	if in.IsStdin() {
		b, rerr := io.ReadAll(io.LimitReader(a.stdin, textio.DefaultMaxSize+1))
		if rerr != nil {
			return nil, &inputError{fmt.Errorf("stdin: %w", rerr)}
		}
		doc, err = textio.Read(inputs.StdinRel, bytes.NewReader(b), textio.Options{Verbatim: true})
	} else {
		doc, err = textio.ReadFile(in.Path, textio.Options{Verbatim: true})
	}
	if err != nil {
		return nil, &inputError{err}
	}
	return doc, nil
}

// writeMatches prints the occurrences as text lines or a JSON array.
func writeMatches(w io.Writer, format string, recs []matchRecord) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(recs)
	}
	bw := bufio.NewWriter(w)
	for _, r := range recs {
		var how []string
		switch {
		case r.Status == glossary.Forbidden.String():
			how = append(how, "forbidden")
		case r.CaseMismatch:
			how = append(how, "wrong case")
		}
		if r.Preferred != "" {
			how = append(how, "preferred "+quote(r.Preferred))
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s %s", r.File, r.Line, r.Col, r.Entry, r.Lang, quote(r.Text))
		if len(how) > 0 {
			fmt.Fprintf(bw, " (%s)", strings.Join(how, "; "))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
