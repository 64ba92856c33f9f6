//go:build !linux

package glossary

import "testing"

// cpuBench runs f b.N times; CPU time is reported on Linux only.
func cpuBench(b *testing.B, bytes int, f func()) {
	b.SetBytes(int64(bytes))
	for b.Loop() {
		f()
	}
}
