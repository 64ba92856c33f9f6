package inputs

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// Environment variables of a Kubernetes Indexed Job, read by ShardFromEnv.
const (
	EnvShardIndex = "JOB_COMPLETION_INDEX"
	EnvShardCount = "JOB_COMPLETIONS"
)

// ShardOf returns the shard, in 0..n-1, that owns a relative path: the
// first 8 bytes of the SHA-256 of rel, read big-endian as a fraction of
// 2^64 and scaled to n (the high half of their product with n). It
// depends only on rel, so every machine computes the same partition, and
// names that differ in a few characters spread evenly.
func ShardOf(rel string, n int) int {
	sum := sha256.Sum256([]byte(rel))
	hi, _ := bits.Mul64(binary.BigEndian.Uint64(sum[:8]), uint64(n))
	return int(hi)
}

// Shard returns the inputs that shard i of n owns (0 <= i < n), in their
// original order. The n shards partition the inputs without overlap.
func Shard(ins []Input, i, n int) ([]Input, error) {
	if err := checkShard(i, n); err != nil {
		return nil, err
	}
	var out []Input
	for _, in := range ins {
		if ShardOf(in.Rel, n) == i {
			out = append(out, in)
		}
	}
	return out, nil
}

func checkShard(i, n int) error {
	if n < 1 {
		return fmt.Errorf("shard count %d must be at least 1", n)
	}
	if i < 0 || i >= n {
		return fmt.Errorf("shard index %d out of range 0..%d", i, n-1)
	}
	return nil
}

// ParseShard reads a "--shard i/n" value. The index is 0-based, as
// Kubernetes numbers Indexed Job completions: "0/4" .. "3/4".
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return 0, 0, fmt.Errorf("shard %q: want INDEX/COUNT such as 0/4", s)
	}
	if i, err = strconv.Atoi(strings.TrimSpace(a)); err != nil {
		return 0, 0, fmt.Errorf("shard %q: bad index: %w", s, err)
	}
	if n, err = strconv.Atoi(strings.TrimSpace(b)); err != nil {
		return 0, 0, fmt.Errorf("shard %q: bad count: %w", s, err)
	}
	if err := checkShard(i, n); err != nil {
		return 0, 0, fmt.Errorf("shard %q: %w", s, err)
	}
	return i, n, nil
}

// ShardFromEnv reads the shard from a Kubernetes Indexed Job's
// JOB_COMPLETION_INDEX and JOB_COMPLETIONS through getenv. ok is false
// when neither is set; one without the other, or bad values, is an error.
func ShardFromEnv(getenv func(string) string) (i, n int, ok bool, err error) {
	is, ns := getenv(EnvShardIndex), getenv(EnvShardCount)
	if is == "" && ns == "" {
		return 0, 0, false, nil
	}
	if is == "" || ns == "" {
		return 0, 0, false, fmt.Errorf("%s and %s must be set together", EnvShardIndex, EnvShardCount)
	}
	i, n, err = ParseShard(is + "/" + ns)
	if err != nil {
		return 0, 0, false, fmt.Errorf("from %s and %s: %w", EnvShardIndex, EnvShardCount, err)
	}
	return i, n, true, nil
}
