package main

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/lang"
)

// env is what the program receives from its surroundings: streams,
// environment variables and whether the streams are terminals.
type env struct {
	stdin                io.Reader
	stdout, stderr       io.Writer
	getenv               func(string) string
	stdoutTTY, stderrTTY bool
	// setMemoryLimit sets the process's soft memory limit (the real
	// program's runtime/debug.SetMemoryLimit); nil where juru runs
	// inside another program, such as the tests.
	setMemoryLimit func(int64) int64
}

// app holds what every command shares for one run.
type app struct {
	env
	langs *lang.Registry
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, e env) int {
	a := &app{env: e, langs: lang.New()}
	release := parsing()
	defer release()
	c := a.cli()
	onAction(c.Commands, release)
	err := c.RunContext(ctx, args)
	release()
	if ctx.Err() != nil && err == nil {
		err = context.Cause(ctx)
	}
	report(a.stderr, err)
	return exitCode(ctx, err)
}

// cli builds the command tree.
func (a *app) cli() *cli.App {
	c := &cli.App{
		Name:  "juru",
		Usage: "translate and summarize news into the languages of South-East Asia, holding official names to a glossary",
		Description: "juru talks to any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, Ollama, vLLM,\n" +
			"llama.cpp, LM Studio, OpenRouter, SEA-LION). Set OPENAI_API_KEY and, for endpoints other\n" +
			"than OpenAI, OPENAI_BASE_URL; see https://github.com/juru-cli/juru#configuration.",
		Reader:          a.stdin,
		Writer:          a.stdout,
		ErrWriter:       a.stderr,
		HideHelpCommand: false,
		Suggest:         true,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v", err)
		},
		CustomAppHelpTemplate: cli.AppHelpTemplate + "\n" + exitCodesHelp,
		Commands: []*cli.Command{
			a.translateCommand(),
			a.summarizeCommand(),
			a.langsCommand(),
			a.batchCommand(),
			a.checkCommand(),
			a.glossaryCommand(),
		},
	}
	for _, cmd := range c.Commands {
		setUsageHandler(cmd)
	}
	withDeadlines(c.Commands)
	return c
}

// setUsageHandler makes flag errors of a command and its subcommands
// usage errors (exit code 2) and lists the exit codes in its help.
func setUsageHandler(cmd *cli.Command) {
	cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
		return usagef("%s: %v", cmd.Name, err)
	}
	if cmd.CustomHelpTemplate == "" && len(cmd.Subcommands) == 0 {
		cmd.CustomHelpTemplate = cli.CommandHelpTemplate + "\n" + exitCodesHelp
	}
	for _, sub := range cmd.Subcommands {
		setUsageHandler(sub)
	}
}

// checkArgs fails when a command got more or fewer arguments than it takes.
func checkArgs(c *cli.Context, min, max int) error {
	n := c.NArg()
	if n < min {
		if min == 1 {
			return usagef("%s: missing argument: %s", c.Command.Name, c.Command.ArgsUsage)
		}
		return usagef("%s: want at least %d arguments: %s", c.Command.Name, min, c.Command.ArgsUsage)
	}
	if max >= 0 && n > max {
		return usagef("%s: too many arguments: %s", c.Command.Name, strings.Join(c.Args().Slice()[max:], " "))
	}
	return nil
}

// isCanceled reports whether err comes from the run being interrupted.
func isCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted)
}
