package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"
)

// deadlineFlag is --deadline: a time limit for the whole run.
func deadlineFlag() cli.Flag {
	return &cli.DurationFlag{Name: "deadline", Usage: "stop the whole run after `DURATION`: nothing new starts, requests in flight are cancelled, finished outputs are kept (default: none)", Category: "Endpoint"}
}

// deadlineError ends a run stopped by --deadline. Total is the number
// of items of a run over files (0 for one answer on stdout) and done
// how many of them ended.
type deadlineError struct {
	d           time.Duration
	done, total int
}

func (e *deadlineError) Error() string {
	if e.total == 0 {
		return fmt.Sprintf("the deadline of %s passed before the work was done; run the same command again, or with a longer --deadline", e.d)
	}
	return fmt.Sprintf("the deadline of %s passed with %d of %d items done; run the same command again to do the other %d", e.d, e.done, e.total, e.total-e.done)
}

// withDeadlines wraps the action of every command under cmds that has
// --deadline, so that it runs under a context that ends at the deadline
// (the flag, else deadline in juru.toml).
func withDeadlines(cmds []*cli.Command) {
	wrapActions(cmds, func(cmd *cli.Command, action cli.ActionFunc) cli.ActionFunc {
		if !hasFlag(cmd, "deadline") {
			return action
		}
		return func(c *cli.Context) error {
			d := c.Duration("deadline")
			if !c.IsSet("deadline") {
				cfg, err := loadConfig(c)
				if err != nil {
					return err
				}
				d = cfg.Deadline.Duration
			}
			switch {
			case d < 0:
				return usagef("--deadline must not be negative")
			case d == 0:
				return action(c)
			}
			ctx, cancel := context.WithTimeoutCause(c.Context, d, &deadlineError{d: d})
			defer cancel()
			c.Context = ctx
			err := action(c)
			var dl *deadlineError
			if err != nil && !errors.As(err, &dl) && errors.As(context.Cause(ctx), &dl) {
				// what failed failed because the deadline passed
				return dl
			}
			return err
		}
	})
}

// hasFlag reports whether a command has a flag of that name.
func hasFlag(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}
