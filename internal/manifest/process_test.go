package manifest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is not a test: the tests below run the test binary
// again with JURU_MANIFEST_HELPER set to append records from another
// process.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv("JURU_MANIFEST_HELPER")
	if dir == "" {
		t.Skip("helper process only")
	}
	n, _ := strconv.Atoi(os.Getenv("JURU_MANIFEST_N"))
	m, err := Open(context.Background(), dir, Options{LockTimeout: time.Minute})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; n == 0 || i < n; i++ {
		r, err := m.Append(rec("translate", fmt.Sprintf("child/%d.txt", i), "id"))
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("acked", r.Seq)
	}
	m.Close()
	os.Exit(0)
}

func helper(t *testing.T, dir string, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "JURU_MANIFEST_HELPER="+dir, "JURU_MANIFEST_N="+strconv.Itoa(n))
	return cmd
}

// TestTwoProcesses appends from two processes at once: the lock makes
// one wait for the other and no record is lost or torn.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	cmd := helper(t, dir, 100)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	m, err := Open(context.Background(), dir, Options{LockTimeout: time.Minute})
	must(t, err)
	for i := 0; i < 100; i++ {
		_, err := m.Append(rec("translate", fmt.Sprintf("parent/%d.txt", i), "id"))
		must(t, err)
	}
	must(t, m.Close())
	sc := bufio.NewScanner(out)
	for sc.Scan() {
	}
	must(t, cmd.Wait())
	m2 := open(t, dir)
	if got := len(m2.Records()); got != 200 || len(m2.Problems()) != 0 {
		t.Fatalf("records %d problems %v", got, m2.Problems())
	}
}

// TestKill9 kills a process appending records at a random moment: every
// record it had acknowledged is there afterwards.
func TestKill9(t *testing.T) {
	for round := 0; round < 3; round++ {
		dir := t.TempDir()
		cmd := helper(t, dir, 0)
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		sc := bufio.NewScanner(out)
		acked := 0
		for sc.Scan() && acked < 30+round*40 {
			if _, err := fmt.Sscanf(sc.Text(), "acked %d", &acked); err != nil {
				t.Fatalf("helper said %q", sc.Text())
			}
		}
		must(t, cmd.Process.Signal(syscall.SIGKILL))
		_ = cmd.Wait()
		m := open(t, dir)
		if got := len(m.Records()); got < acked {
			t.Fatalf("round %d: %d records after kill, %d acknowledged", round, got, acked)
		}
		if p := m.Problems(); len(p) > 1 || (len(p) == 1 && !p[0].Torn) {
			t.Fatalf("problems %v", p)
		}
	}
}
