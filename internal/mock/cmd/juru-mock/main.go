// Command juru-mock serves juru's mock OpenAI-compatible endpoint on a
// local port: a deterministic pseudo-translator for demos without an API
// key, load tests and fault-injection runs. It is not a translator.
//
//	go run ./internal/mock/cmd/juru-mock -addr 127.0.0.1:8089 -latency 200ms
//	OPENAI_BASE_URL=http://127.0.0.1:8089/v1 juru translate --to th -o out article.md
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/juru-cli/juru/internal/mock"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "juru-mock:", err)
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("juru-mock", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8089", "listen `address`")
	latency := fs.Duration("latency", 0, "delay of every answer")
	rpm := fs.Int("rpm", 0, "requests per minute to announce and enforce (0: none)")
	key := fs.String("key", "", "API key to require (default: none)")
	faults := fs.String("faults", "", "random faults, e.g. 'server_error=0.1,rate_limited=0.05,reset=0.02'")
	seed := fs.Int64("seed", 1, "seed of the random faults")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts := mock.Options{Latency: *latency, APIKey: *key, RateLimit: mock.RateLimit{Requests: *rpm}}
	if *faults != "" {
		rates, err := parseRates(*faults)
		if err != nil {
			return err
		}
		opts.Script = mock.Randomly(*seed, rates)
	}
	srv := &http.Server{Addr: *addr, Handler: mock.New(opts), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	fmt.Fprintf(os.Stderr, "juru-mock: serving on http://%s/v1\n", *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// parseRates reads "kind=rate,kind=rate".
func parseRates(s string) (map[mock.FaultKind]float64, error) {
	out := map[mock.FaultKind]float64{}
	for _, f := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(f), "=")
		if !ok {
			return nil, fmt.Errorf("-faults: %q is not kind=rate", f)
		}
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r < 0 || r > 1 {
			return nil, fmt.Errorf("-faults: rate %q of %s is not between 0 and 1", v, k)
		}
		out[mock.FaultKind(k)] = r
	}
	return out, nil
}
