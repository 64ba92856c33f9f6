package batchapi

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/openai"
)

// Parser reads batch result lines; *openai.Client is one, and keeps
// keys out of what it returns.
type Parser interface {
	ReadBatchOutput(r io.Reader, fn func(openai.BatchResult) error) error
}

// Result is what a batch returned for one request.
type Result struct {
	// ID is the request's custom_id.
	ID string
	// Response is the answer, when there was one.
	Response llm.Response
	// Err is nil for a good answer; an *llm.AnswerError for an answer the
	// model gave that is not usable as it is (cut off, refused), which
	// is replayed as an interactive call would have returned it; or the
	// error that kept the request from being answered.
	Err error
}

// Answered reports whether the model answered: a good answer, or one cut
// off, refused or filtered. Other results (an error line, an expired or
// cancelled request, an unreadable line) call for sending the request
// again.
func (r Result) Answered() bool {
	if r.Err == nil {
		return true
	}
	var ae *llm.AnswerError
	return errors.As(r.Err, &ae) && !errors.Is(r.Err, llm.ErrMalformed)
}

// loc is where a result line is.
type loc struct {
	file      int
	off, size int64
	good      bool
}

// Answers indexes the lines of batch result files by request key, and
// reads a result back only when it is asked for, so that results of
// millions of requests need no more memory than their index. It is safe
// for concurrent lookups once the files are added.
type Answers struct {
	parse  Parser
	files  []*os.File
	byKey  map[string]loc    // answered results, good ones preferred
	failed map[string]string // keys with failed results only: the reason
	// Foreign counts lines whose custom_id juru did not make.
	Foreign int
}

// NewAnswers returns an empty index that reads lines with p.
func NewAnswers(p Parser) *Answers {
	return &Answers{parse: p, byKey: map[string]loc{}, failed: map[string]string{}}
}

// Close closes the result files.
func (a *Answers) Close() error {
	var err error
	for _, f := range a.files {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	a.files = nil
	return err
}

// AddFile indexes a result file: OpenAI's output or error file, or the
// output of vLLM's run-batch. A request answered in several lines keeps
// its first good answer; one with no good answer keeps its first answered
// one. Lines are parsed on every core, and filed in file order.
func (a *Answers) AddFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("batch results: %w", err)
	}
	a.files = append(a.files, f)
	fi := len(a.files) - 1
	br := bufio.NewReaderSize(f, 1<<16)
	var off int64
	var block []rawLine
	for {
		line, err := br.ReadBytes('\n')
		size := int64(len(line))
		if len(bytes.TrimSpace(line)) > 0 {
			block = append(block, rawLine{data: line, at: loc{file: fi, off: off, size: size}})
		}
		off += size
		last := errors.Is(err, io.EOF)
		if err != nil && !last {
			return fmt.Errorf("batch results %s: %w", path, err)
		}
		if len(block) == indexBlock || (last && len(block) > 0) {
			if ierr := a.indexBlock(block); ierr != nil {
				return fmt.Errorf("batch results %s: %w", path, ierr)
			}
			block = nil
		}
		if last {
			return nil
		}
	}
}

// indexBlock is how many lines are parsed at once.
const indexBlock = 2048

// rawLine is a line read and where it was.
type rawLine struct {
	data []byte
	at   loc
}

// indexBlock parses lines in parallel and files them in order.
func (a *Answers) indexBlock(lines []rawLine) error {
	results := make([]Result, len(lines))
	errs := make([]error, len(lines))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(lines); i += workers {
				results[i], errs[i] = a.read(lines[i].data)
			}
		}()
	}
	wg.Wait()
	for i, l := range lines {
		if errs[i] != nil {
			return errs[i]
		}
		a.file(results[i], l.at)
	}
	return nil
}

// file records one parsed line.
func (a *Answers) file(r Result, l loc) {
	id, err := ParseID(r.ID)
	if err != nil {
		a.Foreign++
		return
	}
	l.good = r.Err == nil
	if !r.Answered() {
		if _, ok := a.byKey[id.Key]; !ok {
			if _, seen := a.failed[id.Key]; !seen {
				a.failed[id.Key] = r.Err.Error()
			}
		}
		return
	}
	if cur, ok := a.byKey[id.Key]; ok && (cur.good || !l.good) {
		return
	}
	a.byKey[id.Key] = l
	delete(a.failed, id.Key)
}

// read parses one line.
func (a *Answers) read(line []byte) (Result, error) {
	var res Result
	n := 0
	err := a.parse.ReadBatchOutput(bytes.NewReader(line), func(br openai.BatchResult) error {
		n++
		res = Result{ID: br.CustomID, Response: br.Response, Err: br.Err}
		return nil
	})
	if err == nil && n != 1 {
		err = fmt.Errorf("%d results in one line", n)
	}
	return res, err
}

// Lookup returns the answered result for a request key (full or short),
// if there is one.
func (a *Answers) Lookup(key string) (Result, bool) {
	l, ok := a.byKey[ShortKey(key)]
	if !ok {
		return Result{}, false
	}
	buf := make([]byte, l.size)
	if _, err := a.files[l.file].ReadAt(buf, l.off); err != nil {
		return Result{}, false
	}
	r, err := a.read(buf)
	if err != nil {
		return Result{}, false
	}
	return r, true
}

// Failure returns why the request with this key was not answered, if a
// result line says so and no other line answered it.
func (a *Answers) Failure(key string) (string, bool) {
	why, ok := a.failed[ShortKey(key)]
	return why, ok
}

// Len returns the number of requests answered and of those that failed.
func (a *Answers) Len() (answered, failed int) { return len(a.byKey), len(a.failed) }

// Has reports whether the request with this key (full or short) was
// answered.
func (a *Answers) Has(key string) bool {
	_, ok := a.byKey[ShortKey(key)]
	return ok
}
