package main

import (
	"time"

	"github.com/urfave/cli/v2"
)

// batchCommand is "juru batch": runs handed to batch engines (OpenAI's
// Batch API, vLLM's run-batch) and the merging of sharded runs.
func (a *app) batchCommand() *cli.Command {
	return &cli.Command{
		Name:  "batch",
		Usage: "hand the work to OpenAI's Batch API or to a vLLM batch job, at half the price or on your own cluster",
		Description: "A batch run takes the same inputs and options as translate (or summarize, with --task\n" +
			"summarize). 'submit' sends the first request of every chunk of every item that is not up to date\n" +
			"to the Batch API; 'wait' polls until the batches end; 'collect' downloads the answers and runs the\n" +
			"normal translation over them, so that chunks are joined and checked as in an interactive run and\n" +
			"only answers that break the glossary are repaired live. Run submit again to send what expired,\n" +
			"was cancelled or failed.\n\n" +
			"For vLLM: 'prepare -o requests.jsonl' writes the request lines, 'vllm run-batch -i requests.jsonl\n" +
			"-o results.jsonl --model M' answers them, and 'collect --from-file results.jsonl' writes the outputs.\n\n" +
			"Examples:\n" +
			"   juru batch submit --to asean -g terms.csv -o out/ news/\n" +
			"   juru batch wait -o out/\n" +
			"   juru batch collect --to asean -g terms.csv -o out/ news/\n" +
			"   juru batch prepare --to th,vi -o requests.jsonl news/\n" +
			"   juru batch collect --to th,vi --from-file results.jsonl -o out/ news/\n" +
			"   juru batch merge out/",
		Subcommands: []*cli.Command{
			a.batchSubmitCommand(),
			a.batchStatusCommand(),
			a.batchWaitCommand(),
			a.batchCollectCommand(),
			a.batchCancelCommand(),
			a.batchPrepareCommand(),
			a.batchMergeCommand(),
		},
	}
}

// taskFlags are the flags of translate and summarize, which batch
// submit, prepare and collect share, plus extra ones; a flag of extra
// replaces a flag of the same name, and translate's flag wins over
// summarize's (--chunk-tokens then defaults to summarize's own budget
// when --task summarize; see batchTaskOptions).
func (a *app) taskFlags(extra ...cli.Flag) []cli.Flag {
	names := map[string]bool{}
	var out []cli.Flag
	add := func(fs []cli.Flag) {
		for _, f := range fs {
			clash := false
			for _, n := range f.Names() {
				clash = clash || names[n]
			}
			if clash {
				continue
			}
			for _, n := range f.Names() {
				names[n] = true
			}
			out = append(out, f)
		}
	}
	add(extra)
	add(a.translateCommand().Flags)
	add(a.summarizeCommand().Flags)
	return out
}

// taskFlag is --task: which work a batch run does.
func taskFlag() cli.Flag {
	return &cli.StringFlag{Name: "task", Value: "translate", Usage: "the work to hand over: translate or summarize (with the flags of that command)", Category: "Batch"}
}

// folderFlags are the flags of commands that work on an output folder's
// batches only.
func folderFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the output `DIR` the batches were submitted for (or give it as the argument)", Category: "Files"},
		&cli.StringFlag{Name: "shard", Usage: "the shard `I/N` the batches were submitted for (default from JOB_COMPLETION_INDEX/JOB_COMPLETIONS)", Category: "Batch"},
		configFlag(),
	}
	return append(flags, endpointFlags()...)
}

// Polling of juru batch wait.
const (
	defaultPoll    = 30 * time.Second
	defaultMaxPoll = 5 * time.Minute
)
