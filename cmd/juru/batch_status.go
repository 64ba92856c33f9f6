package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/openai"
)

// folderOptions are the settings of a command on an output folder's
// batches.
type folderOptions struct {
	batch    batchOptions
	endpoint endpointOptions
}

// folderOptions reads the output folder (flag or argument), the shard
// and the endpoint.
func (a *app) folderOptions(c *cli.Context) (folderOptions, error) {
	var o folderOptions
	if err := checkArgs(c, 0, 1); err != nil {
		return o, err
	}
	o.batch.outDir = c.String("output")
	if c.NArg() == 1 {
		if o.batch.outDir != "" && o.batch.outDir != c.Args().First() {
			return o, usagef("%s: give the output folder once, as -o DIR or as the argument", c.Command.Name)
		}
		o.batch.outDir = c.Args().First()
	}
	if o.batch.outDir == "" {
		return o, usagef("%s: which output folder? give -o DIR", c.Command.Name)
	}
	o.batch.shard = c.String("shard")
	if err := o.batch.readShard(a.getenv); err != nil {
		return o, err
	}
	cfg, err := loadConfig(c)
	if err != nil {
		return o, err
	}
	if o.endpoint, err = a.endpointOptions(c, cfg); err != nil {
		return o, err
	}
	return o, nil
}

// openFolder returns the folder's batch store and an endpoint client.
func (a *app) openFolder(ctx context.Context, o folderOptions) (*batchapi.Store, *openai.Client, error) {
	store := batchapi.OpenStore(o.batch.outDir, o.batch.shardName())
	if _, err := store.Load(); err != nil {
		if errors.Is(err, batchapi.ErrNoState) {
			return nil, nil, &inputError{fmt.Errorf("%s: %w", o.batch.outDir, err)}
		}
		return nil, nil, &inputError{err}
	}
	client, err := a.batchClient(ctx, o.endpoint)
	return store, client, err
}

func (a *app) batchStatusCommand() *cli.Command {
	return &cli.Command{
		Name:      "status",
		Usage:     "show the batches of an output folder and their request counts",
		ArgsUsage: "[DIR]",
		Flags: append(folderFlags(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "`FORMAT` on stdout: text or json", Category: "Output"}),
		Action: func(c *cli.Context) error {
			o, err := a.folderOptions(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("status: unknown --format %q (want text or json)", format)
			}
			store, client, err := a.openFolder(c.Context, o)
			if err != nil {
				return err
			}
			if err := store.Sync(c.Context, client, nil); err != nil {
				return err
			}
			st, err := store.Load()
			if err != nil {
				return &inputError{err}
			}
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(st.Batches)
			}
			writeBatchTable(a.stdout, st)
			return nil
		},
	}
}

// writeBatchTable lists the batches and sums up their requests.
func writeBatchTable(w io.Writer, st *batchapi.State) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BATCH\tSTATUS\tREQUESTS\tDONE\tFAILED\tFILE")
	var total, done, failed, active int
	for _, b := range st.Batches {
		id := b.ID
		if id == "" {
			id = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", id, b.Status, b.Requests, b.Completed, b.Failed, b.Name)
		total += b.Requests
		done += b.Completed
		failed += b.Failed
		if !batchapi.Terminal(b.Status) {
			active++
		}
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "%d batches (%d running), %d requests: %d answered, %d failed\n", len(st.Batches), active, total, done, failed)
}

func (a *app) batchWaitCommand() *cli.Command {
	return &cli.Command{
		Name:      "wait",
		Usage:     "poll the batches of an output folder until every one has ended",
		ArgsUsage: "[DIR]",
		Description: "Polls every --poll at first, then less often up to --max-poll, showing progress on stderr.\n" +
			"Ctrl-C stops waiting; the batches go on at the endpoint. Exits 0 when every batch has ended\n" +
			"(expired, cancelled and failed ones included: submit again sends what they did not answer).",
		Flags: append(folderFlags(),
			&cli.DurationFlag{Name: "poll", Value: defaultPoll, Usage: "first wait between polls `DURATION`", Category: "Batch"},
			&cli.DurationFlag{Name: "max-poll", Value: defaultMaxPoll, Usage: "longest wait between polls `DURATION`", Category: "Batch"},
			&cli.DurationFlag{Name: "max-wait", Usage: "give up after `DURATION` (exit code 4); 0 waits as long as it takes", Category: "Batch"},
		),
		Action: func(c *cli.Context) error {
			o, err := a.folderOptions(c)
			if err != nil {
				return err
			}
			poll, maxPoll := c.Duration("poll"), c.Duration("max-poll")
			if poll <= 0 || maxPoll < poll || c.Duration("max-wait") < 0 {
				return usagef("wait: --poll must be positive, --max-poll at least --poll, --max-wait not negative")
			}
			store, client, err := a.openFolder(c.Context, o)
			if err != nil {
				return err
			}
			return a.batchWait(c.Context, store, client, poll, maxPoll, c.Duration("max-wait"))
		},
	}
}

// batchWait polls until no batch is running, backing off between polls.
func (a *app) batchWait(ctx context.Context, store *batchapi.Store, client *openai.Client, poll, maxPoll, maxWait time.Duration) error {
	start := time.Now()
	delay := poll
	for {
		if err := store.Sync(ctx, client, nil); err != nil {
			if ctx.Err() != nil {
				return waitInterrupted(a, ctx)
			}
			return err
		}
		st, err := store.Load()
		if err != nil {
			return &inputError{err}
		}
		running, total, done, failed := 0, 0, 0, 0
		for _, b := range st.Batches {
			total += b.Requests
			done += b.Completed
			failed += b.Failed
			if !batchapi.Terminal(b.Status) {
				running++
			}
		}
		if running == 0 {
			writeBatchTable(a.stderr, st)
			return nil
		}
		fmt.Fprintf(a.stderr, "juru: waiting: %d of %d batches running; %d of %d requests answered, %d failed; next poll in %s\n",
			running, len(st.Batches), done, total, failed, delay.Round(time.Millisecond))
		if maxWait > 0 && time.Since(start)+delay > maxWait {
			fmt.Fprintf(a.stderr, "juru: gave up waiting after %s; the batches go on at the endpoint: run 'juru batch wait' again\n", maxWait)
			return &silentError{code: exitPartial}
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return waitInterrupted(a, ctx)
		case <-t.C:
		}
		delay = min(maxPoll, delay*3/2)
	}
}

func waitInterrupted(a *app, ctx context.Context) error {
	fmt.Fprintln(a.stderr, "juru: stopped waiting; the batches go on at the endpoint: run 'juru batch wait' again")
	return context.Cause(ctx)
}

func (a *app) batchCancelCommand() *cli.Command {
	return &cli.Command{
		Name:        "cancel",
		Usage:       "ask the endpoint to stop the running batches of an output folder",
		ArgsUsage:   "[DIR]",
		Description: "Answers already given stay available to collect; submit sends the rest again.",
		Flags:       folderFlags(),
		Action: func(c *cli.Context) error {
			o, err := a.folderOptions(c)
			if err != nil {
				return err
			}
			store, client, err := a.openFolder(c.Context, o)
			if err != nil {
				return err
			}
			cancelled, err := store.Cancel(c.Context, client)
			for _, b := range cancelled {
				fmt.Fprintf(a.stdout, "%s\t%s\n", b.ID, b.Status)
			}
			return err
		},
	}
}
