// Package memlimit chooses the soft memory limit of a long run, so that
// juru working through thousands of files stays near a hundred megabytes
// of memory instead of letting its heap grow to twice what it holds.
//
// Go collects garbage when the heap has grown by GOGC percent (100) over
// what the last collection kept. A run over many files keeps some tens
// of megabytes (the tokenizer's tables, the glossary, the files in
// flight), so its heap swings up to twice that. A soft limit makes the
// collector run a little sooner instead. The limit never sits close to
// what the run holds, so the collector never runs without pause, and it
// is not set at all when GOMEMLIMIT or GOGC says what the user wants.
package memlimit

import "runtime"

// Floor is the soft limit of a run that holds little: 80 MiB of Go
// memory, about 100 MB of resident memory with the program's code.
const Floor = 80 << 20

// headroom is what the limit leaves above twice the heap in use.
const headroom = 32 << 20

// Limit returns the soft memory limit for a run whose heap holds live
// bytes after setup: the larger of Floor and twice live plus headroom;
// 0 when the environment sets GOMEMLIMIT or GOGC.
func Limit(getenv func(string) string, live uint64) int64 {
	if getenv("GOMEMLIMIT") != "" || getenv("GOGC") != "" {
		return 0
	}
	return max(Floor, 2*int64(live)+headroom)
}

// Live collects garbage and returns the heap in use.
func Live() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
