package translate

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
)

// Translate translates a Markdown or plain-text document.
//
// The document is split into chunks under the token budget (see Split);
// fenced code blocks are kept as they are, and in every other chunk
// inline code, link targets, URLs and HTML are replaced by placeholders
// that are put back afterwards (see protect.go); a chunk left with no
// letters to translate is kept as it is. Each chunk is sent with
// the glossary entries that occur in it and its answer is checked; an
// answer that breaks the glossary or loses a placeholder is sent back
// with the list of problems, up to MaxRepairs times, and the best answer
// (fewest lost placeholders, then fewest violations) is kept. An answer
// cut off at the token limit makes the chunk split in two, down to single
// sentences. A refusal, a content filter, an empty answer, an endpoint
// error or a sentence too long to translate fails the document with a
// *ChunkError wrapping the cause.
//
// The chunks are joined with the white space of the source, in CRLF where
// the source chunk used CRLF, and the whole translation is checked once
// more: Result.Violations holds what remains, and in strict mode a
// *ViolationsError is returned instead of a result.
//
// With Options.Stream set, the translation is passed on as it becomes
// final; emitter describes exactly when.
func Translate(ctx context.Context, c llm.Completer, src string, opts Options) (*Result, error) {
	cfg, err := resolve(opts)
	if err != nil {
		return nil, err
	}
	if !utf8.ValidString(src) {
		return nil, ErrInvalidUTF8
	}
	if isBlank(src) {
		return nil, ErrEmptyDocument
	}
	chunks := Split(src, cfg.budget, cfg.count)
	r := &run{cfg: cfg, c: c, chunks: chunks, outs: make([]string, len(chunks))}
	if opts.Stream != nil {
		r.emit = newEmitter(opts.Stream, chunks)
	}
	if err := r.all(ctx); err != nil {
		return nil, err
	}
	res := &Result{
		From: cfg.From, To: cfg.To, Model: cfg.Model,
		Text: strings.Join(r.outs, ""), Chunks: len(chunks),
		Usage: r.usage, Requests: r.requests, Attempts: r.attempts,
		HTTPAttempts: r.http, Cached: r.cached,
	}
	if cfg.checker != nil {
		rep := cfg.checker.Check(mask(src), mask(res.Text))
		res.Hits, res.Violations = rep.Hits, rep.Violations
	}
	if res.Hits == nil {
		res.Hits = []glossary.Hit{}
	}
	if res.Violations == nil {
		res.Violations = []glossary.Violation{}
	}
	if cfg.Strict && len(res.Violations) > 0 {
		return nil, &ViolationsError{Result: res}
	}
	return res, nil
}

// run is the translation of one document.
type run struct {
	cfg    *config
	c      llm.Completer
	chunks []Chunk
	outs   []string // the output of each chunk: Lead, translation, Trail
	emit   *emitter

	mu                               sync.Mutex
	usage                            llm.Usage
	requests, attempts, http, cached int
}

// all translates every chunk, at most cfg.conc at a time.
func (r *run) all(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.cfg.conc)
	for i, ch := range r.chunks {
		if ch.Verbatim {
			if err := r.finish(i, ch.Text); err != nil {
				return err
			}
			continue
		}
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			text, err := r.chunk(gctx, i, ch)
			if err != nil {
				return err
			}
			return r.finish(i, text)
		})
	}
	if err := g.Wait(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("translation stopped: %w", ctx.Err())
		}
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("translation stopped: %w", ctx.Err())
	}
	return nil
}

// finish records the translated text of chunk i.
func (r *run) finish(i int, text string) error {
	ch := r.chunks[i]
	out := ch.Lead + text + ch.Trail
	r.outs[i] = out
	if !r.emit.done(i, out) {
		return &ChunkError{Chunk: i, Line: ch.Line, Err: ErrStreamMismatch}
	}
	return nil
}

// account adds one call to the totals.
func (r *run) account(resp llm.Response, newRequest bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.usage = r.usage.Add(resp.Usage)
	r.attempts++
	r.http += resp.Attempts
	if resp.Cached {
		r.cached++
	}
	if newRequest {
		r.requests++
	}
}

// chunk translates one chunk and returns its text in the line ends of
// the source.
func (r *run) chunk(ctx context.Context, i int, ch Chunk) (string, error) {
	crlf := strings.Contains(ch.Text, "\r\n")
	text := ch.Text
	if crlf {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	var live *liveStream
	if r.emit != nil {
		live = &liveStream{e: r.emit, i: i, crlf: crlf}
	}
	out, err := r.piece(ctx, text, live)
	if err != nil {
		return "", &ChunkError{Chunk: i, Line: ch.Line, Err: err}
	}
	if crlf {
		out = toCRLF(out)
	}
	return out, nil
}

// liveStream passes the pieces of a streamed answer to the emitter.
type liveStream struct {
	e    *emitter
	i    int
	crlf bool
	a    answerText
}

func (l *liveStream) write(s string) {
	settled := l.a.write(s)
	if l.crlf {
		settled = toCRLF(settled)
	}
	l.e.delta(l.i, settled)
}
