package main

import (
	"sync"

	"github.com/urfave/cli/v2"
)

// cliSetup guards what urfave/cli keeps at package level and writes while
// it parses a command line (its HelpFlag and help command). Runs of juru
// in one process, as the tests make them, take turns through parsing;
// their actions run side by side. The program itself runs once.
var cliSetup sync.Mutex

// parsing holds cliSetup while a command line is parsed: it returns the
// function that lets go, which the first action calls, and run calls
// again when it returns (help, usage errors).
func parsing() (release func()) {
	cliSetup.Lock()
	var once sync.Once
	return func() { once.Do(cliSetup.Unlock) }
}

// onAction makes every action under cmds call start before it runs.
func onAction(cmds []*cli.Command, start func()) {
	wrapActions(cmds, func(_ *cli.Command, action cli.ActionFunc) cli.ActionFunc {
		return func(c *cli.Context) error {
			start()
			return action(c)
		}
	})
}

// wrapActions replaces the action of every command under cmds that has
// one by what wrap makes of it.
func wrapActions(cmds []*cli.Command, wrap func(*cli.Command, cli.ActionFunc) cli.ActionFunc) {
	for _, cmd := range cmds {
		wrapActions(cmd.Subcommands, wrap)
		if cmd.Action != nil {
			cmd.Action = wrap(cmd, cmd.Action)
		}
	}
}
