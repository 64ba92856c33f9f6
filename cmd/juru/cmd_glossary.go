package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/glossary"
)

func (a *app) glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "validate glossaries and show where their terms occur",
		Subcommands: []*cli.Command{
			{
				Name:      "validate",
				Usage:     "report duplicates, conflicts, empty cells, unknown tags and ambiguous overlaps",
				ArgsUsage: "FILE...",
				Description: "Prints each problem as 'file:line:col: severity code: message' and exits 1 when\n" +
					"one is an error. Several files are also checked for conflicts between them, as\n" +
					"several --glossary flags merge them.",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
				},
				Action: func(c *cli.Context) error {
					if err := checkArgs(c, 1, -1); err != nil {
						return err
					}
					format := c.String("format")
					if format != "text" && format != "json" {
						return usagef("glossary validate: unknown --format %q (want text or json)", format)
					}
					return a.runGlossaryValidate(c.Args().Slice(), format)
				},
			},
			a.glossaryMatchCommand(),
		},
	}
}

// validateReport is the JSON form of juru glossary validate.
type validateReport struct {
	Files    []string           `json:"files"`
	Entries  int                `json:"entries"`
	Problems []glossary.Problem `json:"problems"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
}

// runGlossaryValidate loads each file, validates it, and checks that the
// files merge.
func (a *app) runGlossaryValidate(paths []string, format string) error {
	rep := validateReport{Files: paths, Problems: []glossary.Problem{}}
	var gs []*glossary.Glossary
	for _, p := range paths {
		g, err := glossary.Load(p)
		if err != nil {
			return &inputError{err}
		}
		gs = append(gs, g)
		rep.Entries += g.Len()
		rep.Problems = append(rep.Problems, glossary.Validate(g)...)
	}
	if len(gs) > 1 {
		if _, err := glossary.Merge(gs...); err != nil {
			var ce *glossary.ConflictError
			if !errors.As(err, &ce) {
				return &inputError{err}
			}
			rep.Problems = append(rep.Problems, glossary.Problem{
				Pos: ce.Second, Severity: glossary.SeverityError, Code: "conflict",
				Message: fmt.Sprintf("conflicts with %s on %s %q: %s", ce.First, ce.Lang, ce.Term, ce.Detail),
			})
		}
	}
	for _, p := range rep.Problems {
		if p.Severity == glossary.SeverityError {
			rep.Errors++
		} else {
			rep.Warnings++
		}
	}
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		w := bufio.NewWriter(a.stdout)
		for _, p := range rep.Problems {
			fmt.Fprintf(w, "%s: %s %s: %s\n", p.Pos, p.Severity, p.Code, oneLine(p.Message))
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stderr, "juru: %s, %s: %s, %s\n", plural(len(paths), "glossary"), plural(rep.Entries, "entry"),
		plural(rep.Errors, "error"), plural(rep.Warnings, "warning"))
	if rep.Errors > 0 {
		return &silentError{code: exitViolations}
	}
	return nil
}

// quote writes s in double quotes, escaping what would break the line.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
}
