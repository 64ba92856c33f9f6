package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
	"github.com/juru-cli/juru/internal/shards"
)

func (a *app) batchMergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "join the manifests of a sharded run into the output folder's manifest",
		ArgsUsage: "DIR [SHARD_DIR...]",
		Description: "Shards (--shard I/N, or a Kubernetes Indexed Job) write one manifest each, so that they can work\n" +
			"on one output folder at once. merge folds them into DIR's manifest; any run without --shard on DIR\n" +
			"does the same on its own. Shards that ran in folders of their own are given as SHARD_DIR: their\n" +
			"outputs are copied into DIR (checked against the recorded hashes) with their records.",
		Action: func(c *cli.Context) error {
			if err := checkArgs(c, 1, -1); err != nil {
				return err
			}
			out := c.Args().First()
			if info, err := os.Stat(out); err != nil || !info.IsDir() {
				return &inputError{fmt.Errorf("merge: %s is not an output folder", out)}
			}
			m, err := manifest.Open(c.Context, out, manifest.Options{})
			if err != nil {
				return &inputError{err}
			}
			defer m.Close()
			for _, dir := range c.Args().Slice()[1:] {
				taken, skipped, err := shards.Import(m, dir)
				if err != nil {
					return &inputError{err}
				}
				fmt.Fprintf(a.stderr, "juru: merge: %d items from %s", taken, dir)
				if skipped > 0 {
					fmt.Fprintf(a.stderr, " (%d left out: output missing or edited there)", skipped)
				}
				fmt.Fprintln(a.stderr)
			}
			files, records, err := shards.Fold(c.Context, m)
			if err != nil {
				return &inputError{err}
			}
			if err := m.Compact(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "juru: merge: %d shard manifests folded into %s (%d records)\n", files, manifest.Path(out, ""), records)
			return nil
		},
	}
}

// joinShards keeps the manifests of a folder one whole: an unsharded
// run folds the shard manifests in, a shard takes the main manifest's
// records of its own items, so that resuming works either way.
func joinShards(ctx context.Context, bo batchOptions, m *manifest.Manifest) error {
	if bo.shardN > 1 {
		_, err := shards.Seed(m, func(k manifest.Key) bool {
			return k.Source != "" && inputs.ShardOf(k.Source, bo.shardN) == bo.shardI
		})
		return err
	}
	_, _, err := shards.Fold(ctx, m)
	var inUse *shards.InUseError
	if errors.As(err, &inUse) {
		return fmt.Errorf("%w; wait for it, or run with the same --shard", err)
	}
	return err
}
