package main

import (
	"runtime"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary/lint"
)

// checkOptions is everything juru check was asked to do.
type checkOptions struct {
	args       []string
	glossaries []string
	// lang is the language of the files named (canonical code), or "" to
	// tell it from each name (article.th.md) or the manifest.
	lang string
	// from is the language of sources (canonical code).
	from string
	// source pairs every file named with this source file.
	source string
	// sourceRoot is where the sources a manifest names are looked up.
	sourceRoot string
	format     string
	output     string
	failLevel  lint.Severity
	severities map[string]lint.Severity
	fix        bool
	dryRun     bool
	jobs       int
}

func (a *app) checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint translations against the glossary: terms, numbers, script, Zawgyi, structure",
		ArgsUsage: "FILE|FOLDER|GLOB|- ...",
		Description: "Checks translations and reports findings as 'path:line:col: severity rule: message'.\n" +
			"A folder juru wrote is checked through its manifest, each output against its source\n" +
			"(looked up under --source-root); --source pairs the files named with one source; other\n" +
			"files are checked on their own, in the language --lang or their name gives (article.th.md\n" +
			"is Thai); files in the source language are checked for deprecated variants.\n\n" +
			"Rules: term.missing, term.forbidden, term.case, number.mismatch, script.wrong,\n" +
			"encoding.zawgyi, structure.paragraphs. --rule ID=SEVERITY (error, warning, info, off)\n" +
			"changes one; juru.toml can too, under [check] rules = { \"term.case\" = \"off\" }.\n\n" +
			"Examples:\n" +
			"   juru check --glossary terms.csv out/\n" +
			"   juru check --glossary terms.csv --source article.md --lang th article.th.md\n" +
			"   juru check --glossary terms.csv --lang en drafts/*.md\n" +
			"   juru check --glossary terms.csv --format sarif --output juru.sarif out/",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (CSV, TSV or TBX; repeatable, merged)"},
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: "language of the files named (default: from the name, article.th.md is Thai; for a folder juru wrote, restricts it to this language)"},
			&cli.StringFlag{Name: "from", Aliases: []string{"f"}, Usage: "source `LANG` (default en)"},
			&cli.StringFlag{Name: "source", Aliases: []string{"s"}, Usage: "check the files named as translations of `FILE`"},
			&cli.StringFlag{Name: "source-root", Usage: "look up the sources a folder's manifest names under `DIR` (default: the working folder)"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: " + checkFormatList},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout (for html and sarif)"},
			&cli.StringFlag{Name: "fail-level", Value: "error", Usage: "exit 1 for findings of `SEVERITY` or above: error, warning or info"},
			&cli.StringSliceFlag{Name: "rule", Usage: "set a rule's severity, `ID=SEVERITY` (error, warning, info or off; repeatable)"},
			&cli.BoolFlag{Name: "fix", Usage: "rewrite forbidden forms into the preferred form where that is unambiguous, showing a diff first"},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "with --fix: show the diff, change nothing"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.GOMAXPROCS(0), Usage: "files checked in parallel"},
			configFlag(),
		},
		Action: func(c *cli.Context) error {
			o, err := a.checkOptions(c)
			if err != nil {
				return err
			}
			return a.runCheck(c.Context, o)
		},
	}
}

// checkOptions reads and checks the flags, with juru.toml under them,
// before any file is read.
func (a *app) checkOptions(c *cli.Context) (checkOptions, error) {
	if err := checkArgs(c, 1, -1); err != nil {
		return checkOptions{}, err
	}
	cfg, sec, err := loadCheckConfig(c)
	if err != nil {
		return checkOptions{}, err
	}
	o := checkOptions{
		args:       c.Args().Slice(),
		glossaries: c.StringSlice("glossary"),
		source:     c.String("source"),
		sourceRoot: firstNonEmpty(c.String("source-root"), cfg.resolve(sec.SourceRoot)),
		format:     c.String("format"),
		output:     c.String("output"),
		fix:        c.Bool("fix"),
		dryRun:     c.Bool("dry-run"),
		jobs:       c.Int("jobs"),
	}
	if len(o.glossaries) == 0 {
		for _, g := range cfg.Glossary {
			o.glossaries = append(o.glossaries, cfg.resolve(g))
		}
	}
	if !c.IsSet("format") && sec.Format != "" {
		o.format = sec.Format
	}
	if _, ok := checkFormatter(o.format); !ok {
		return o, usagef("check: unknown --format %q (want %s)", o.format, checkFormatList)
	}
	level := c.String("fail-level")
	if !c.IsSet("fail-level") && sec.FailLevel != "" {
		level = sec.FailLevel
	}
	switch s := lint.Severity(level); s {
	case lint.Error, lint.Warning, lint.Info:
		o.failLevel = s
	default:
		return o, usagef("check: unknown --fail-level %q (want error, warning or info)", level)
	}
	if o.severities, err = ruleSeverities(sec.Rules, c.StringSlice("rule")); err != nil {
		return o, err
	}
	if !c.IsSet("jobs") && cfg.Jobs > 0 {
		o.jobs = cfg.Jobs
	}
	if o.jobs < 1 || o.jobs > 1024 {
		return o, usagef("check: --jobs %d is outside 1..1024", o.jobs)
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
	if o.dryRun && !o.fix {
		return o, usagef("check: --dry-run goes with --fix")
	}
	if slices.Contains(o.args, "-") {
		if o.fix {
			return o, usagef("check: --fix rewrites files; it cannot fix standard input")
		}
		if o.lang == "" {
			return o, usagef("check: standard input needs --lang")
		}
	}
	if o.source == "-" {
		return o, usagef("check: --source must name a file")
	}
	return o, nil
}

// ruleSeverities merges the rule severities of juru.toml and of --rule
// flags (which win), rejecting unknown rules and severities.
func ruleSeverities(fromConfig map[string]string, flags []string) (map[string]lint.Severity, error) {
	out := map[string]lint.Severity{}
	ids := make([]string, 0, len(fromConfig))
	for id := range fromConfig {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s, err := parseRuleSeverity(id, fromConfig[id])
		if err != nil {
			return nil, usagef("check: juru.toml [check] rules: %v", err)
		}
		out[id] = s
	}
	for _, spec := range flags {
		id, sev, ok := strings.Cut(spec, "=")
		if !ok {
			return nil, usagef("check: --rule %q: want ID=SEVERITY, such as term.case=off", spec)
		}
		id = strings.TrimSpace(id)
		s, err := parseRuleSeverity(id, sev)
		if err != nil {
			return nil, usagef("check: --rule: %v", err)
		}
		out[id] = s
	}
	return out, nil
}

// parseRuleSeverity checks a rule ID and a severity name.
func parseRuleSeverity(id, sev string) (lint.Severity, error) {
	known := false
	var ids []string
	for _, r := range lint.Rules() {
		ids = append(ids, r.ID)
		known = known || r.ID == id
	}
	if !known {
		return "", usagef("unknown rule %q (rules: %s)", id, strings.Join(ids, ", "))
	}
	switch s := lint.Severity(strings.ToLower(strings.TrimSpace(sev))); s {
	case lint.Error, lint.Warning, lint.Info, lint.Off:
		return s, nil
	}
	return "", usagef("rule %s: unknown severity %q (want error, warning, info or off)", id, sev)
}
