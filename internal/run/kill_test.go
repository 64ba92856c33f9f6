package run

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/manifest"
)

// TestHelperRun is not a test: TestKillAndResume runs the test binary
// again with JURU_RUN_HELPER set to do a batch in another process.
func TestHelperRun(t *testing.T) {
	out := os.Getenv("JURU_RUN_HELPER")
	if out == "" {
		t.Skip("helper process only")
	}
	w := newWorld(t, 40)
	w.out = out
	if _, err := w.run(context.Background(), newFake(uint64(os.Getpid()), 4*time.Millisecond), 4, Options{}, "id", "th"); err != nil {
		t.Fatal(err)
	}
}

// TestKillAndResume kills a batch with SIGKILL at random moments,
// resumes it each time, and checks that the final tree is the tree of an
// uninterrupted run, with every item recorded once as done.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	want := newWorld(t, 40)
	if _, err := want.run(context.Background(), newFake(1, 0), 4, Options{}, "id", "th"); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 7))
	for kill := 0; kill < 6; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRun$")
		cmd.Env = append(os.Environ(), "JURU_RUN_HELPER="+out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(120)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	w := newWorld(t, 40)
	w.out = out
	s, err := w.run(context.Background(), newFake(2, 0), 4, Options{}, "id", "th")
	if err != nil {
		t.Fatal(err)
	}
	got := statuses(s)
	if got[StatusOK]+got[StatusUpToDate] != 80 {
		t.Fatalf("statuses after resuming %v", got)
	}
	t.Logf("after 6 kills the resume did %d items, %d were already done", got[StatusOK], got[StatusUpToDate])
	if a, b := tree(t, out), tree(t, want.out); !reflect.DeepEqual(a, b) {
		t.Fatalf("tree after kills and resume differs: %d files, want %d", len(a), len(b))
	}
	m, err := manifest.Open(context.Background(), out, manifest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if n := len(m.Records()); n != 80 {
		t.Fatalf("%d records", n)
	}
	for _, r := range m.Records() {
		if r.Status != manifest.StatusOK {
			t.Fatalf("record %+v", r)
		}
	}
}
