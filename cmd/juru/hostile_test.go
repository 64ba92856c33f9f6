package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/juru-cli/juru/internal/mock"
)

// snapshot records every path under root with its content (links by
// target), leaving out the folders a run may write: the output folder
// and juru's home (cache) folder.
func snapshot(t *testing.T, root string, skip ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, s := range skip {
			if p == s {
				return filepath.SkipDir
			}
		}
		switch {
		case d.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[p] = "link " + target
		case d.Type()&os.ModeNamedPipe != 0:
			out[p] = "fifo"
		case d.IsDir():
			out[p] = "dir"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffSnapshots lists the paths added, removed or changed.
func diffSnapshots(a, b map[string]string) []string {
	var out []string
	for p, v := range b {
		if w, ok := a[p]; !ok || w != v {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p+" (removed)")
		}
	}
	sort.Strings(out)
	return out
}

// TestHostilePaths feeds juru file names and folders built to make it
// write outside -o, read forever or loop: names with "..", absolute and
// climbing paths in --files-from, links out of the input and output
// folders, a link loop and fifos. Nothing outside -o may change, and the
// run must end by itself.
func TestHostilePaths(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("hostile paths: child runs; skipped with -short")
	}
	root := t.TempDir()
	in, outside, out := filepath.Join(root, "in"), filepath.Join(root, "outside"), filepath.Join(root, "out")
	art := func(m string) string { return "# ASEAN talks\n\nMinister " + m + " met ASEAN delegates in Hanoi.\n" }
	writeFile(t, filepath.Join(in, "a.md"), art("Xqaaa"))
	writeFile(t, filepath.Join(in, "a..b.md"), art("Xqaab"))
	writeFile(t, filepath.Join(in, "sub", "x.md"), art("Xqaac"))
	writeFile(t, filepath.Join(in, "victim.md"), art("Xqaad"))
	writeFile(t, filepath.Join(outside, "o1.md"), art("Xqaae"))
	writeFile(t, filepath.Join(outside, "o2.md"), art("Xqaaf"))
	writeFile(t, filepath.Join(outside, "o3.md"), art("Xqaag"))
	writeFile(t, filepath.Join(outside, "secret.md"), art("Xqaah"))
	writeFile(t, filepath.Join(outside, "victim.txt"), "do not overwrite\n")
	must(t, os.MkdirAll(filepath.Join(outside, "dir"), 0o755))
	must(t, os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(in, "link-out.md")))
	must(t, os.Symlink(".", filepath.Join(in, "loop")))
	must(t, os.Symlink("self.md", filepath.Join(in, "self.md")))
	must(t, syscall.Mkfifo(filepath.Join(in, "pipe.md"), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(root, "explicit.md"), 0o644))
	// The output folder already holds a link to a folder outside and an
	// output that is a link to a file outside.
	must(t, os.MkdirAll(out, 0o755))
	must(t, os.Symlink(filepath.Join(outside, "dir"), filepath.Join(out, "sub")))
	must(t, os.Symlink(filepath.Join(outside, "victim.txt"), filepath.Join(out, "victim.id.md")))
	list := strings.Join([]string{
		filepath.Join(outside, "o2.md"),
		"../" + filepath.Base(root) + "/outside/o3.md",
		"in/sub/../../outside/../in/a.md",
	}, "\n") + "\n"
	writeFile(t, filepath.Join(root, "list.txt"), list)

	srv := startMock(t, mock.Options{APIKey: fakeKey, Models: []string{mock.DefaultModel}})
	vars := juruEnv(srv, fakeKey, root)
	before := snapshot(t, root, out, vars["HOME"], vars["TMPDIR"])
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := childCmd(ctx, vars, "translate", "--to", "id", "-o", "out", "--files-from", "list.txt", "--no-cache",
		"in", "in/sub/../../outside/o1.md", "explicit.md")
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("juru did not end within a minute (a fifo or a link loop held it):\n%s", stderr.String())
	}
	code := cmd.ProcessState.ExitCode()
	t.Logf("exit code %d\n%s", code, stderr.String())
	if code != exitPartial {
		t.Errorf("exit code %d, want 4: the items that would write through links fail, the others are written", code)
	}
	if d := diffSnapshots(before, snapshot(t, root, out, vars["HOME"], vars["TMPDIR"])); len(d) > 0 {
		t.Errorf("juru changed files outside the output folder: %v", d)
	}
	if ents, _ := os.ReadDir(filepath.Join(outside, "dir")); len(ents) > 0 {
		t.Errorf("juru wrote through the link out/sub into %s", filepath.Join(outside, "dir"))
	}
	for _, w := range []string{"pipe.md", "explicit.md", "self.md"} {
		if !regexp.MustCompile(`(?m)^juru: warning: .*` + regexp.QuoteMeta(w)).MatchString(stderr.String()) {
			t.Errorf("no warning for %s", w)
		}
	}
	for _, f := range []string{"sub/x.id.md", "victim.id.md"} {
		if !regexp.MustCompile(`(?m)^juru: failed: .*` + regexp.QuoteMeta(strings.TrimSuffix(f, ".id.md")+".md") + ` \[id\]: .*refusing to write`).MatchString(stderr.String()) {
			t.Errorf("no clear failure for %s, which would be written through a link", f)
		}
	}
	// Everything else is written inside the output folder.
	for _, f := range []string{"a.id.md", "a..b.id.md", "link-out.id.md", "o1.id.md", "o2.id.md", "o3.id.md"} {
		if _, err := os.Lstat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s was not written: %v", f, err)
		}
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return err
	})
	must(t, err)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
