package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"
)

// configFile is the layout of juru.toml, the settings a desk commits once.
// Flags override it; environment variables override it too.
type configFile struct {
	BaseURL    string   `toml:"base_url"`
	Model      string   `toml:"model"`
	APIKeyEnv  string   `toml:"api_key_env"`
	Azure      bool     `toml:"azure"`
	APIVersion string   `toml:"api_version"`
	Temp       *float64 `toml:"temperature"`
	Timeout    duration `toml:"timeout"`
	Deadline   duration `toml:"deadline"`
	MaxRetries *int     `toml:"max_retries"`
	RPM        int      `toml:"rpm"`
	TPM        int      `toml:"tpm"`

	From      string   `toml:"from"`
	To        []string `toml:"to"`
	Glossary  []string `toml:"glossary"`
	Jobs      int      `toml:"jobs"`
	Style     string   `toml:"style"`
	Words     int      `toml:"words"`
	MaxRepair *int     `toml:"max_repairs"`

	Prices map[string]price `toml:"prices"`

	// Check is the [check] section, for juru check.
	Check checkSettings `toml:"check"`

	// dir is the folder of the file, against which relative paths resolve.
	dir string
	// path is the file read, for messages.
	path string
}

// price is the cost of a model in US dollars per million tokens.
type price struct {
	Input  float64 `toml:"input"`
	Output float64 `toml:"output"`
}

// duration reads TOML strings such as "90s" or "2m".
type duration struct{ time.Duration }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

// configFlag is the --config flag every command that reads juru.toml has.
func configFlag() cli.Flag {
	return &cli.StringFlag{Name: "config", Usage: "read settings from `FILE` (default: juru.toml in the working folder, if present)"}
}

// loadConfig reads --config, or juru.toml in the working folder when it
// exists. No file is not an error; a bad file is, naming line and column.
func loadConfig(c *cli.Context) (*configFile, error) {
	path := c.String("config")
	explicit := path != ""
	if !explicit {
		path = "juru.toml"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return &configFile{}, nil
		}
		return nil, &inputError{fmt.Errorf("config %s: %w", path, unwrapPath(err))}
	}
	return parseConfig(path, data)
}

// parseConfig decodes the settings of the file at path, holding data.
func parseConfig(path string, data []byte) (*configFile, error) {
	cfg := &configFile{path: path, dir: filepath.Dir(path)}
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &inputError{fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)}
		}
		return nil, &inputError{fmt.Errorf("%s: %w", path, err)}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &inputError{fmt.Errorf("%s: unknown setting %q", path, und[0].String())}
	}
	return cfg, nil
}

// resolve makes a path from the file relative to the file's folder.
func (f *configFile) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || f.dir == "" {
		return p
	}
	return filepath.Join(f.dir, p)
}

// unwrapPath drops the *fs.PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
