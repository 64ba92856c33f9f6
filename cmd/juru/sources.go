package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/inputs"
	"github.com/juru-cli/juru/internal/manifest"
	batchrun "github.com/juru-cli/juru/internal/run"
	"github.com/juru-cli/juru/internal/textio"
)

// sourceReader reads the documents of a run. Standard input is read once,
// up front, so that every language of it sees the same text.
type sourceReader struct {
	stdin []byte
	// onErr, if set, learns the input error of the item whose load failed,
	// so that a single-file run exits as a bad input would.
	onErr func(index int, err error)
}

// newSourceReader reads stdin if it is one of the inputs.
func (a *app) newSourceReader(ins []inputs.Input) (*sourceReader, error) {
	r := &sourceReader{}
	for _, in := range ins {
		if in.IsStdin() {
			b, err := io.ReadAll(io.LimitReader(a.stdin, textio.DefaultMaxSize+1))
			if err != nil {
				return nil, &inputError{fmt.Errorf("stdin: %w", err)}
			}
			r.stdin = b
		}
	}
	return r, nil
}

// read decodes one input.
func (r *sourceReader) read(in inputs.Input) (*textio.Doc, error) {
	if in.IsStdin() {
		return textio.Read("stdin", bytes.NewReader(r.stdin), textio.Options{})
	}
	return textio.ReadFile(in.Path, textio.Options{})
}

// load is a batchrun.Task's Load: a file that is not text is skipped with a
// warning; other input errors fail the item.
func (r *sourceReader) load(_ context.Context, it batchrun.Item) (batchrun.Source, error) {
	d := it.Data.(itemData)
	doc, err := r.read(d.in)
	if err != nil {
		var te *textio.Error
		if errors.As(err, &te) && te.Kind == textio.Binary {
			return batchrun.Source{}, batchrun.Skip(te.Error())
		}
		if r.onErr != nil {
			r.onErr(d.index, &inputError{err})
		}
		return batchrun.Source{}, err
	}
	return batchrun.Source{Hash: manifest.Hash([]byte(doc.Text)), Value: doc}, nil
}

// docOf returns the document a batchrun.Source holds.
func docOf(s batchrun.Source) *textio.Doc { return s.Value.(*textio.Doc) }

// loadGlossaries loads and merges the glossary files.
func (a *app) loadGlossaries(paths []string) (*glossary.Glossary, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	var gs []*glossary.Glossary
	for _, p := range paths {
		g, err := glossary.Load(p)
		if err != nil {
			return nil, &inputError{err}
		}
		gs = append(gs, g)
	}
	if len(gs) == 1 {
		return gs[0], nil
	}
	g, err := glossary.Merge(gs...)
	if err != nil {
		return nil, &inputError{err}
	}
	return g, nil
}
