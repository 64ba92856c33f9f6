package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
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

// checkConfigFile is juru.toml with its [check] section.
type checkConfigFile struct {
	configFile
	Check checkSettings `toml:"check"`
}

// loadCheckConfig reads --config, or juru.toml in the working folder when
// it exists, as loadConfig does, with the [check] section too. No file is
// not an error; a bad file is, naming line and column.
func loadCheckConfig(c *cli.Context) (*configFile, checkSettings, error) {
	path := c.String("config")
	explicit := path != ""
	if !explicit {
		path = "juru.toml"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return &configFile{}, checkSettings{}, nil
		}
		return nil, checkSettings{}, &inputError{fmt.Errorf("config %s: %w", path, unwrapPath(err))}
	}
	var f checkConfigFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, checkSettings{}, &inputError{fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)}
		}
		return nil, checkSettings{}, &inputError{fmt.Errorf("%s: %w", path, err)}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, checkSettings{}, &inputError{fmt.Errorf("%s: unknown setting %q", path, und[0].String())}
	}
	cfg := &f.configFile
	cfg.path, cfg.dir = path, filepath.Dir(path)
	return cfg, f.Check, nil
}
