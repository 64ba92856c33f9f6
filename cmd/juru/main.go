// Command juru translates and summarizes news articles into the languages
// of South-East Asia through any OpenAI-compatible chat endpoint, holding
// every official name to a glossary of fixed terms, and checks
// translations against that glossary.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"golang.org/x/term"
)

func main() {
	ctx, stop := interruptContext()
	defer stop()
	os.Exit(run(ctx, os.Args, env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		getenv:    os.Getenv,
		stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),

		setMemoryLimit: debug.SetMemoryLimit,
	}))
}

// interruptContext returns a context cancelled by the first Ctrl-C (or
// SIGTERM), so that work stops cleanly; a second Ctrl-C exits at once.
func interruptContext() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		cancel(errInterrupted)
		<-sig
		os.Exit(exitInterrupted)
	}()
	return ctx, func() { signal.Stop(sig); cancel(nil) }
}
