package main

import (
	"github.com/urfave/cli/v2"
)

// checkSettings is the [check] section of juru.toml:
//
//	[check]
//	fail_level = "warning"
//	source_root = "articles"
//	format = "github"
//	rules = { "term.case" = "off", "structure.paragraphs" = "info" }
type checkSettings struct {
	FailLevel  string            `toml:"fail_level"`
	SourceRoot string            `toml:"source_root"`
	Format     string            `toml:"format"`
	Rules      map[string]string `toml:"rules"`
}

// loadCheckConfig reads juru.toml as loadConfig does and returns its
// [check] section too.
func loadCheckConfig(c *cli.Context) (*configFile, checkSettings, error) {
	cfg, err := loadConfig(c)
	if err != nil {
		return nil, checkSettings{}, err
	}
	return cfg, cfg.Check, nil
}
