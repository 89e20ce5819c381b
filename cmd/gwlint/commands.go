package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

func versionString() string {
	return fmt.Sprintf("%s (%s, %s/%s)", lint.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print gwlint's version",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "gwlint %s\n", versionString())
			return nil
		},
	}
}

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule: id, default severity, source, one-line description",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
		},
		Action: func(c *cli.Context) error {
			reg := rules.All()
			switch c.String("format") {
			case "json":
				type ruleJSON struct {
					ID       string        `json:"id"`
					Severity lint.Severity `json:"severity"`
					Source   string        `json:"source"`
					Doc      string        `json:"doc"`
					Needs    []string      `json:"needs"`
				}
				out := []ruleJSON{}
				for _, r := range reg.Rules() {
					out = append(out, ruleJSON{r.ID, r.Severity, r.Source, r.Doc, r.Needs.Names()})
				}
				enc := json.NewEncoder(c.App.Writer)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "text":
				tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
				for _, r := range reg.Rules() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Doc, r.Source)
				}
				return tw.Flush()
			default:
				return usageError("rules: unknown --format %q (want text or json)", c.String("format"))
			}
		},
	}
}
