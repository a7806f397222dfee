package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"
)

// configName is the project configuration file, looked up from the
// working directory to the repository root.
const configName = ".tenet.yaml"

// envPrefix starts the environment variables that set flags:
// TENET_SEVERITY for --severity, TENET_SKIP_PATH for --skip-path.
const envPrefix = "TENET_"

// configFile is a project configuration: flag names, as on the command
// line without the dashes, to their values (a list for a repeatable flag).
type configFile struct {
	path   string
	values map[string][]string
	lines  map[string]int
}

// findConfig looks for .tenet.yaml in dir and its parents, up to the
// repository root (the first directory with a .git) or the file system's:
// a file above the repository is not the project's.
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, configName)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// loadConfig reads a configuration file: a mapping of flag names to a
// scalar or a list of scalars.
func loadConfig(path string) (*configFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg := &configFile{path: path, values: map[string][]string{}, lines: map[string]int{}}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of flag names to values", path, m.Line)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		name := strings.TrimPrefix(k.Value, "--")
		if _, dup := cfg.lines[name]; dup {
			return nil, fmt.Errorf("%s:%d: %s is set twice (first at line %d)", path, k.Line, name, cfg.lines[name])
		}
		cfg.lines[name] = k.Line
		switch v.Kind {
		case yaml.ScalarNode:
			cfg.values[name] = []string{v.Value}
		case yaml.SequenceNode:
			for _, e := range v.Content {
				if e.Kind != yaml.ScalarNode {
					return nil, fmt.Errorf("%s:%d: %s: want a list of values", path, e.Line, name)
				}
				cfg.values[name] = append(cfg.values[name], e.Value)
			}
		default:
			return nil, fmt.Errorf("%s:%d: %s: want a value or a list of values", path, v.Line, name)
		}
	}
	return cfg, nil
}

// envName is the environment variable that sets flag name.
func envName(name string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// applyConfig gives each flag of cmd that the command line leaves unset
// the value of its environment variable, else of the configuration file,
// and returns where each flag's value comes from. A key of the file that
// names no flag of any command is an error with its line, as a misspelt
// flag is on the command line.
func applyConfig(cmd *cobra.Command, cfg *configFile, getenv func(string) string) (map[string]string, error) {
	if cfg != nil {
		known := allFlags(cmd.Root())
		names := make([]string, 0, len(cfg.values))
		for name := range cfg.values {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if !known[name] {
				return nil, fmt.Errorf("%s:%d: unknown flag %q", cfg.path, cfg.lines[name], name)
			}
		}
	}
	sources := map[string]string{}
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Name == "help" || f.Name == "config" || f.Name == "no-config" {
			return
		}
		switch {
		case f.Changed:
			sources[f.Name] = "flag"
		case getenv(envName(f.Name)) != "":
			if e := cmd.Flags().Set(f.Name, getenv(envName(f.Name))); e != nil {
				err = fmt.Errorf("%s: %w", envName(f.Name), e)
				return
			}
			sources[f.Name] = "env " + envName(f.Name)
		case cfg != nil && cfg.values[f.Name] != nil:
			for _, v := range cfg.values[f.Name] {
				if e := cmd.Flags().Set(f.Name, v); e != nil {
					err = fmt.Errorf("%s:%d: %s: %w", cfg.path, cfg.lines[f.Name], f.Name, e)
					return
				}
			}
			sources[f.Name] = fmt.Sprintf("file %s:%d", cfg.path, cfg.lines[f.Name])
		default:
			sources[f.Name] = "default"
		}
	})
	return sources, err
}

// allFlags are the names of the flags of every command.
func allFlags(root *cobra.Command) map[string]bool {
	out := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { out[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { out[f.Name] = true })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return out
}

// configFlags are the root's flags that choose the configuration file.
type configFlags struct {
	file string
	none bool
}

// load returns the configuration file the flags and the working
// directory name, or nil.
func (c configFlags) load() (*configFile, error) {
	if c.none {
		if c.file != "" {
			return nil, errors.New("--config and --no-config exclude each other")
		}
		return nil, nil
	}
	path := c.file
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path = findConfig(wd); path == "" {
			return nil, nil
		}
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	return loadConfig(path)
}

// configure applies the configuration file and the environment to cmd,
// saying on w which file it uses: a file in the repository changes what
// the run checks, and CI logs must show it.
func (c configFlags) configure(cmd *cobra.Command, w io.Writer) error {
	cfg, err := c.load()
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if cfg != nil && len(cfg.values) > 0 {
		fmt.Fprintf(w, "tenet: using %s\n", cfg.path)
	}
	if _, err := applyConfig(cmd, cfg, os.Getenv); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	return nil
}

// newConfigCommand prints the effective value of each flag of a command
// and where it comes from. It takes the command's flags too (tenet config
// test --severity low), so that it shows what a command line would run:
// its own flag parsing is off, and the flags after COMMAND are parsed as
// that command's, the root's --config and --no-config included.
func newConfigCommand(s streams, c *configFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "config [COMMAND] [flags]",
		Short: "Show the effective flags of a command (default test) and where each value comes from",
		Long: `Show the value each flag of COMMAND (default test) takes and where it comes from:
the command line (the flags after COMMAND, which are COMMAND's), a TENET_*
environment variable, the configuration file (.tenet.yaml, looked up from the
working directory to the repository root, or --config FILE) or the default.
Precedence: flag > environment > file > default.`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			name, args := commandArg(cmd.Root(), args)
			if slices.Contains(args, "-h") || slices.Contains(args, "--help") {
				return cmd.Help()
			}
			target, _, err := cmd.Root().Find([]string{name})
			if err != nil || target == cmd.Root() || target == cmd {
				return &exitError{code: exitUsage, err: fmt.Errorf("unknown command %q", name)}
			}
			if err := target.ParseFlags(args); err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("%s: %w", name, err)}
			}
			if rest := target.Flags().Args(); len(rest) > 0 {
				return &exitError{code: exitUsage, err: fmt.Errorf("unexpected argument %q: name the command first, then its flags (tenet config COMMAND [FLAGS])", rest[0])}
			}
			cfg, err := c.load()
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			sources, err := applyConfig(target, cfg, os.Getenv)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			if cfg != nil {
				fmt.Fprintf(s.out, "# configuration file: %s\n", cfg.path)
			} else {
				fmt.Fprintf(s.out, "# configuration file: none (%s not found up to the repository root)\n", configName)
			}
			names := make([]string, 0, len(sources))
			for n := range sources {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				fmt.Fprintf(s.out, "%s = %s  (%s)\n", n, target.Flags().Lookup(n).Value.String(), sources[n])
			}
			return nil
		},
	}
}

// commandArg splits the arguments of tenet config into the command to
// show (default test) and its flags: the command is the first argument
// that names one of root's commands, so that a root flag may come before
// it (tenet config --no-config test). A first argument that names no
// command is taken as one, for the error to say so.
func commandArg(root *cobra.Command, args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			// The value of a root flag before the command (--config FILE).
			if f := root.PersistentFlags().Lookup(strings.TrimLeft(a, "-")); f != nil && f.Value.Type() != "bool" {
				i++
			}
			continue
		}
		if c, _, err := root.Find([]string{a}); i == 0 || err == nil && c != root {
			return a, append(slices.Clip(args[:i]), args[i+1:]...)
		}
		break
	}
	return "test", args
}
