package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestExamples: every command a user runs shows examples in --help, and
// every tenet command line in them names a command and flags that exist.
func TestExamples(t *testing.T) {
	root := newRootCommand(streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && c.Name() != "help" && c.Name() != "completion" && !strings.HasPrefix(c.CommandPath(), "tenet completion") && c != root {
			if c.Example == "" {
				t.Errorf("%s has no example", c.CommandPath())
			}
		}
		for _, line := range strings.Split(c.Example, "\n") {
			for _, part := range strings.Split(line, "&&") {
				checkExampleLine(t, root, part)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func checkExampleLine(t *testing.T, root *cobra.Command, line string) {
	t.Helper()
	line, _, _ = strings.Cut(line, "#")
	fields := strings.Fields(line)
	for len(fields) > 0 && strings.Contains(fields[0], "=") {
		fields = fields[1:] // an environment assignment
	}
	if len(fields) == 0 || fields[0] != "tenet" {
		return
	}
	args := make([]string, 0, len(fields)-1)
	for _, f := range fields[1:] {
		args = append(args, strings.Trim(f, `'"`))
	}
	cmd, rest, err := root.Find(args)
	if err != nil {
		t.Errorf("%q: %v", line, err)
		return
	}
	if err := cmd.ParseFlags(rest); err != nil {
		t.Errorf("%q: %v", line, err)
	}
}
