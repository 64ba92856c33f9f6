package batchapi_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/juru-cli/juru/internal/batchapi"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/mock"
	"github.com/juru-cli/juru/internal/openai"
)

// lossy is an API whose batch creations lose their answer: the batch is
// created (when create is set) but the caller sees an error.
type lossy struct {
	*openai.Client
	create bool
	calls  int
}

func (l *lossy) CreateBatch(ctx context.Context, file string, meta map[string]string) (openai.Batch, error) {
	l.calls++
	if l.create {
		if _, err := l.Client.CreateBatch(ctx, file, meta); err != nil {
			return openai.Batch{}, err
		}
	}
	return openai.Batch{}, &llm.UnreachableError{URL: "mock", Err: errors.New("connection reset")}
}

func mockClient(t *testing.T, opts mock.Options) (*mock.Server, *openai.Client) {
	t.Helper()
	s := mock.New(opts)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	c, err := openai.New(openai.Config{BaseURL: s.URL(), Model: mock.DefaultModel, MaxRetries: openai.NoRetries})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func lines(t *testing.T, c *openai.Client, texts ...string) []batchapi.Line {
	t.Helper()
	var out []batchapi.Line
	for i, s := range texts {
		r := llm.Request{Messages: []llm.Message{{Role: llm.User, Content: s}}}
		key := batchapi.Key(r)
		id := batchapi.NewID(batchapi.TaskTranslate, "th", "a.md", i, key).String()
		data, err := c.BatchLine(openai.BatchRequest{CustomID: id, Request: r})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, batchapi.Line{ID: id, Key: key, Data: data})
	}
	return out
}

func TestSubmitFindsABatchWhoseAnswerWasLost(t *testing.T) {
	_, c := mockClient(t, mock.Options{})
	ctx := context.Background()
	store := batchapi.OpenStore(t.TempDir(), "")
	api := &lossy{Client: c, create: true}
	created, err := store.Submit(ctx, api, [][]batchapi.Line{lines(t, c, "one", "two")}, map[string]string{"x": "a.md"}, "mock")
	if err != nil {
		t.Fatalf("a lost answer to a batch that exists: %v", err)
	}
	if len(created) != 1 || created[0].ID == "" || created[0].Status != batchapi.StatusValidating {
		t.Fatalf("created %+v", created)
	}
	list, _, err := c.ListBatches(ctx, "", 100)
	if err != nil || len(list) != 1 {
		t.Fatalf("%d batches at the endpoint (%v), want 1", len(list), err)
	}
	st, err := store.Load()
	if err != nil || st.Batches[0].ID != list[0].ID || st.Sources["x"] != "a.md" {
		t.Fatalf("state %+v %v", st, err)
	}
}

func TestResumeCreatesABatchNeverCreated(t *testing.T) {
	_, c := mockClient(t, mock.Options{})
	ctx := context.Background()
	store := batchapi.OpenStore(t.TempDir(), "")
	api := &lossy{Client: c}
	if _, err := store.Submit(ctx, api, [][]batchapi.Line{lines(t, c, "one")}, nil, "mock"); err == nil {
		t.Fatal("a failed creation was not reported")
	}
	st, _ := store.Load()
	if len(st.Batches) != 1 || st.Batches[0].Status != batchapi.StatusUploaded || st.Batches[0].ID != "" {
		t.Fatalf("state after the failure %+v", st.Batches)
	}
	created, err := store.Resume(ctx, c)
	if err != nil || len(created) != 1 || created[0].ID == "" {
		t.Fatalf("resume: %+v %v", created, err)
	}
	created, err = store.Resume(ctx, c)
	if err != nil || len(created) != 0 {
		t.Errorf("a second resume created %d batches (%v)", len(created), err)
	}
	if list, _, _ := c.ListBatches(ctx, "", 100); len(list) != 1 {
		t.Errorf("%d batches at the endpoint, want 1", len(list))
	}
}

func TestSyncDownloadsOnceAndThenAsksNothing(t *testing.T) {
	s, c := mockClient(t, mock.Options{})
	ctx := context.Background()
	store := batchapi.OpenStore(t.TempDir(), "2-of-4")
	if _, err := store.Submit(ctx, c, [][]batchapi.Line{lines(t, c, "a", "b", "c")}, nil, "mock"); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if err := store.Sync(ctx, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	st, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	b := st.Batches[0]
	if b.Status != batchapi.StatusCompleted || !b.Collected() || b.Completed != 3 {
		t.Fatalf("batch %+v", b)
	}
	info, err := os.Stat(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	s.Reset()
	if err := store.Sync(ctx, c, nil); err != nil {
		t.Fatal(err)
	}
	if n := s.Count(); n != 0 {
		t.Errorf("a sync of finished batches made %d requests", n)
	}
	if again, _ := os.Stat(store.Path()); !again.ModTime().Equal(info.ModTime()) {
		t.Error("a sync that changed nothing rewrote the state")
	}
	a, err := store.Answers(st, c)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if n, _ := a.Len(); n != 3 {
		t.Errorf("%d answers", n)
	}
	if in, _ := store.InFlight(st); len(in) != 0 {
		t.Errorf("in flight after completion: %v", in)
	}
}

func TestUpdateNeedsAState(t *testing.T) {
	store := batchapi.OpenStore(t.TempDir(), "")
	err := store.Update(context.Background(), false, func(*batchapi.State) error { return nil })
	if !errors.Is(err, batchapi.ErrNoState) {
		t.Errorf("update without state: %v", err)
	}
	if _, err := store.Load(); !errors.Is(err, batchapi.ErrNoState) {
		t.Errorf("load without state: %v", err)
	}
	var run string
	if err := store.Update(context.Background(), true, func(st *batchapi.State) error { run = st.Run; return nil }); err != nil {
		t.Fatal(err)
	}
	st, err := store.Load()
	if err != nil || st.Run != run || len(run) < 10 {
		t.Errorf("new state %+v %v", st, err)
	}
}
