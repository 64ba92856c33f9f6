//go:build linux

package glossary

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU returns the CPU time the calling thread has used.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuBench runs f b.N times on one locked thread and reports the CPU
// time per operation and the bytes per CPU second, which a machine
// shared with other work disturbs less than wall-clock time.
func cpuBench(b *testing.B, bytes int, f func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(bytes))
	start := threadCPU()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	cpu := threadCPU() - start
	if n > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
		if bytes > 0 {
			b.ReportMetric(float64(bytes)*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
		}
	}
}
