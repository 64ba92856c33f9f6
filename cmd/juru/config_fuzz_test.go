package main

import (
	"strings"
	"testing"
)

// FuzzParseConfig feeds juru.toml files to the config parser: a bad file
// is one line of error naming the file, never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"model = \"gpt-4o-mini\"\njobs = 16\ntimeout = \"90s\"\ndeadline = \"2h\"\n",
		"glossary = [\"terms.csv\"]\nto = [\"th\", \"vi\"]\n[check]\nsource_root = \"news\"\n",
		"[prices.\"gpt-4o\"]\ninput = 2.5\noutput = 10\n",
		"timeout = \"soon\"\n", "jobs = \"x\"\n", "unknown = 1\n", "= \n", "[check\n", "temperature = 1e400\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		cfg, err := parseConfig("desk/juru.toml", []byte(data))
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "desk/juru.toml") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q does not name the file on one line", msg)
			}
			return
		}
		if cfg.path != "desk/juru.toml" || cfg.resolve("terms.csv") != "desk/terms.csv" {
			t.Fatalf("config %+v", cfg)
		}
	})
}
