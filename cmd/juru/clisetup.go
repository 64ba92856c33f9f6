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
	for _, cmd := range cmds {
		onAction(cmd.Subcommands, start)
		if cmd.Action == nil {
			continue
		}
		action := cmd.Action
		cmd.Action = func(c *cli.Context) error {
			start()
			return action(c)
		}
	}
}
