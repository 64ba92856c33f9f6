package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/juru-cli/juru/internal/cost"
	"github.com/juru-cli/juru/internal/inputs"
)

// batchOptions are the settings every command that works on files and
// folders shares.
type batchOptions struct {
	inputs    []string
	outDir    string
	filesFrom string
	all       bool
	jobs      int
	force     bool
	noCache   bool
	cacheDir  string
	report    string
	maxCost   float64
	maxTokens int64
	prices    map[string]cost.Price
	shard     string
	shardI    int
	shardN    int
	dryRun    bool
	format    string
	progress  string
}

// defaultJobs is the default bound on requests in flight.
const defaultJobs = 4

// batchFlags are the flags of commands that take files and folders.
func batchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write outputs under `DIR`, mirroring the input tree", Category: "Files"},
		&cli.StringFlag{Name: "files-from", Usage: "read input paths from `FILE`, one per line ('-' for stdin)", Category: "Files"},
		&cli.BoolFlag{Name: "all", Usage: "take every regular file in folders, not only .txt, .md, .html and .htm", Category: "Files"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: defaultJobs, Usage: "requests in flight at most, across files, languages and chunks", Category: "Batch"},
		&cli.BoolFlag{Name: "force", Usage: "redo every item, even those up to date or edited by hand", Category: "Batch"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the response cache", Category: "Batch"},
		&cli.StringFlag{Name: "cache-dir", Usage: "response cache `DIR` (default $JURU_CACHE_DIR, else the user cache folder)", Category: "Batch"},
		&cli.StringFlag{Name: "report", Usage: "write a JSON report of every item to `FILE`", Category: "Batch"},
		&cli.Float64Flag{Name: "max-cost", Usage: "stop starting new work before spending more than `USD`", Category: "Batch"},
		&cli.Int64Flag{Name: "max-tokens", Usage: "stop starting new work before using more than `N` tokens", Category: "Batch"},
		&cli.StringSliceFlag{Name: "price", Usage: "price of a model in USD per million tokens, `MODEL=IN/OUT` (repeatable)", Category: "Batch"},
		&cli.StringFlag{Name: "shard", Usage: "do share `I/N` of the inputs (0-based; default from JOB_COMPLETION_INDEX/JOB_COMPLETIONS)", Category: "Batch"},
		&cli.StringFlag{Name: "progress", Value: "auto", Usage: "progress on stderr: auto, bar, plain or none", Category: "Output"},
		&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "show what would be sent and what it would cost, without calling the endpoint", Category: "Output"},
		&cli.StringFlag{Name: "format", Value: "text", Usage: "report `FORMAT` on stdout: text or json (one record per file and language)", Category: "Output"},
	}
}

// batchOptions reads the batch flags, with juru.toml under them.
func (a *app) batchOptions(c *cli.Context, cfg *configFile) (batchOptions, error) {
	o := batchOptions{
		inputs:    c.Args().Slice(),
		outDir:    c.String("output"),
		filesFrom: c.String("files-from"),
		all:       c.Bool("all"),
		jobs:      c.Int("jobs"),
		force:     c.Bool("force"),
		noCache:   c.Bool("no-cache"),
		cacheDir:  firstNonEmpty(c.String("cache-dir"), a.getenv("JURU_CACHE_DIR")),
		report:    c.String("report"),
		maxCost:   c.Float64("max-cost"),
		maxTokens: c.Int64("max-tokens"),
		shard:     c.String("shard"),
		dryRun:    c.Bool("dry-run"),
		format:    c.String("format"),
		progress:  c.String("progress"),
	}
	if o.cacheDir == "" && !o.noCache {
		if d, err := userCacheDir(a.getenv); err == nil {
			o.cacheDir = filepath.Join(d, "juru", "responses")
		}
	}
	if !c.IsSet("jobs") && cfg.Jobs > 0 {
		o.jobs = cfg.Jobs
	}
	if o.jobs < 1 || o.jobs > 1024 {
		return o, usagef("--jobs %d is outside 1..1024", o.jobs)
	}
	if o.maxCost < 0 || o.maxTokens < 0 {
		return o, usagef("--max-cost and --max-tokens must not be negative")
	}
	switch o.format {
	case "text", "json":
	default:
		return o, usagef("unknown --format %q (want text or json)", o.format)
	}
	switch o.progress {
	case "auto", "bar", "plain", "none":
	default:
		return o, usagef("unknown --progress %q (want auto, bar, plain or none)", o.progress)
	}
	o.prices = map[string]cost.Price{}
	for m, p := range cfg.Prices {
		o.prices[m] = cost.Price{In: p.Input, Out: p.Output}
	}
	for _, s := range c.StringSlice("price") {
		ps, err := cost.Parse(s)
		if err != nil {
			return o, usagef("--price %q: %v", s, err)
		}
		for m, p := range ps {
			o.prices[m] = p
		}
	}
	if len(o.inputs) == 0 && o.filesFrom == "" {
		return o, usagef("%s: no input: give files, folders, globs, '-' for stdin, or --files-from", c.Command.Name)
	}
	if err := o.readShard(a.getenv); err != nil {
		return o, err
	}
	return o, nil
}

// readShard reads --shard, or the Kubernetes Indexed Job variables.
func (o *batchOptions) readShard(getenv func(string) string) error {
	o.shardN = 1
	if o.shard != "" {
		i, n, err := inputs.ParseShard(o.shard)
		if err != nil {
			return usagef("--shard %q: %v", o.shard, err)
		}
		o.shardI, o.shardN = i, n
		return nil
	}
	i, n, ok, err := inputs.ShardFromEnv(getenv)
	if err != nil {
		return usagef("%v", err)
	}
	if ok {
		o.shardI, o.shardN = i, n
		o.shard = fmt.Sprintf("%d/%d", i, n)
	}
	return nil
}

// toStdout reports whether the run writes its single output to stdout.
func (o batchOptions) toStdout() bool { return o.outDir == "" }

// shardName names a shard for its manifest file: "2-of-4".
func (o batchOptions) shardName() string {
	if o.shardN <= 1 {
		return ""
	}
	return strings.ReplaceAll(fmt.Sprintf("%d-of-%d", o.shardI, o.shardN), "/", "-")
}

// userCacheDir is os.UserCacheDir read through the program's environment,
// so that the cache folder follows what the command was given.
func userCacheDir(getenv func(string) string) (string, error) {
	home := getenv("HOME")
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", errors.New("%LocalAppData% is not set")
	case "darwin", "ios":
		if home != "" {
			return filepath.Join(home, "Library", "Caches"), nil
		}
	case "plan9":
		if home != "" {
			return filepath.Join(home, "lib", "cache"), nil
		}
	default:
		if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
			return d, nil
		}
		if home != "" {
			return filepath.Join(home, ".cache"), nil
		}
	}
	return "", errors.New("$HOME is not set")
}

// sourcePath is where an input was read, as the manifest in outDir
// records it: relative to outDir where a relative path leads there,
// absolute otherwise, empty for standard input or an unknown place.
func sourcePath(outDir string, in inputs.Input) string {
	if in.IsStdin() || outDir == "" {
		return ""
	}
	src, err := filepath.Abs(in.Path)
	if err != nil {
		return ""
	}
	out, err := filepath.Abs(outDir)
	if err != nil {
		return filepath.ToSlash(src)
	}
	if rel, err := filepath.Rel(out, src); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(src)
}
