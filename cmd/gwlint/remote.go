package main

import (
	"os"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/web"
)

// checkOnServer sends each draft to a gwlint server, one at a time, and
// emits the results as a local check would. A server that is down, too
// slow or not a gwlint server stops the run with its reason; the drafts
// already reported stay reported.
func checkOnServer(c *cli.Context, server string, reg *lint.Registry, targets []lint.Target, emit func(*lint.Result)) error {
	client := &web.Client{URL: server, Timeout: c.Duration("server-timeout"), Registry: reg}
	for _, t := range targets {
		if t.Err != nil {
			emit(&lint.Result{Path: t.Path, Err: t.Err})
			continue
		}
		data := t.Data
		if data == nil {
			var err error
			if data, err = os.ReadFile(t.Path); err != nil {
				emit(&lint.Result{Path: t.Path, Err: err})
				continue
			}
		}
		r, err := client.Check(c.Context, t.Path, data)
		if err != nil {
			return err
		}
		emit(r)
	}
	return nil
}
