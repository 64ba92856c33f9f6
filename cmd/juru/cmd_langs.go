package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

// langsCommand lists the supported languages.
func (a *app) langsCommand() *cli.Command {
	return &cli.Command{
		Name:  "langs",
		Usage: "list the supported languages",
		Description: "Lists each language's tag, English name, own-language name and script.\n" +
			"'--to asean' stands for id,ms,th,vi,fil,km,lo,my.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
		},
		Action: func(c *cli.Context) error {
			if err := checkArgs(c, 0, 0); err != nil {
				return err
			}
			return a.runLangs(c.String("format"))
		},
	}
}

func (a *app) runLangs(format string) error {
	all := a.langs.All()
	switch format {
	case "json":
		type row struct {
			Tag     string `json:"tag"`
			English string `json:"english"`
			Native  string `json:"native"`
			Script  string `json:"script"`
			ASEAN   bool   `json:"asean"`
		}
		asean := map[string]bool{}
		for _, l := range a.langs.ASEAN() {
			asean[l.Code] = true
		}
		var rows []row
		for _, l := range all {
			rows = append(rows, row{l.Code, l.English, l.Native, l.Script, asean[l.Code]})
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "text":
		tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TAG\tENGLISH\tSCRIPT\tNATIVE")
		for _, l := range all {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Code, l.English, l.Script, l.Native)
		}
		return tw.Flush()
	}
	return usagef("langs: unknown --format %q (want text or json)", format)
}
