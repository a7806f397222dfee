package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/test/golden"
)

const cliDocHeader = `# tenet command line

Generated from the commands' own help by ` + "`go test ./test/e2e -run TestCLIDoc -update`" + `;
a test fails when this file and the help disagree.

## Exit codes

| code | meaning |
|---|---|
| 0 | no failing ` + "`deny`" + ` (and no warning with ` + "`--fail-on-warn`" + `, no unknown with ` + "`--unknown=fail`" + `, no input that no rule checks with ` + "`--fail-on-unevaluated`" + `) |
| 1 | at least one failure |
| 2 | usage or policy error (bad flag, unknown format, Rego that does not compile, invalid METADATA, no rule to run, a ` + "`--policy`" + ` path without policies): nothing evaluated; or a policy that passed ` + "`--max-memory`" + `: the run stopped, no report |
| 3 | at least one input could not be loaded; every other input was still evaluated and reported |

When inputs fail to load and others fail rules, the exit code is 3: the run is incomplete. Each
input that cannot be loaded is reported as one line on standard error, ` + "`tenet: FILE[:LINE[:COL]]: problem`" + `,
and in the ` + "`errors`" + ` of the JSON report.

The other commands use the same codes: ` + "`tenet diff`" + ` exits 1 only with ` + "`--fail-on-new`" + ` and a new
failing finding, and 3 when a report cannot be read; ` + "`tenet history verify`" + ` exits 1 when the chain is
broken or a record is damaged, unsigned or badly signed, naming the first bad file, and 3 when the
directory cannot be read; ` + "`tenet history show`" + ` exits 3 when a record cannot be read; ` + "`tenet test --history`" + `
exits 2 when the history cannot be read or appended to (the reports are written first);
` + "`tenet watch`" + ` exits 0 when SIGINT or SIGTERM stops it.
`

// TestCLIDoc keeps docs/cli.md equal to the help of every command.
func TestCLIDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString(cliDocHeader)
	// The first commands in the order a reader meets them, then every
	// other command the help lists, so that a new command cannot be left
	// out of the page.
	order := [][]string{{}, {"test"}, {"diff"}, {"history", "show"}, {"history", "verify"}, {"history", "keygen"}, {"watch"}, {"parse"}, {"rules"}, {"frameworks"}, {"verify"}, {"bundle", "build"}, {"version"}}
	listed := map[string]bool{}
	for _, c := range order {
		listed[strings.Join(c, " ")] = true
	}
	for _, c := range leafCommands(t, nil) {
		if !listed[strings.Join(c, " ")] {
			order = append(order, c)
		}
	}
	for _, cmd := range order {
		name := strings.TrimSpace("tenet " + strings.Join(cmd, " "))
		got := run(t, "", append(cmd, "--help")...)
		if got.code != 0 {
			t.Fatalf("%s --help: exit %d: %s", name, got.code, got.stderr)
		}
		b.WriteString("\n## `" + name + "`\n\n```\n" + got.stdout + "```\n")
	}
	path := filepath.Join(repoRoot, "docs", "cli.md")
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("docs/cli.md is stale; run go test ./test/e2e -run TestCLIDoc -update (-file +help):\n%s", diff)
	}
}

// leafCommands lists the commands under parent that do something, from
// the "Available Commands" of its help (help and completion left out).
func leafCommands(t *testing.T, parent []string) [][]string {
	t.Helper()
	got := run(t, "", append(append([]string{}, parent...), "--help")...)
	_, rest, ok := strings.Cut(got.stdout, "Available Commands:\n")
	if !ok {
		return [][]string{parent}
	}
	block, _, _ := strings.Cut(rest, "\n\n")
	var out [][]string
	for _, line := range strings.Split(block, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] == "help" || fields[0] == "completion" {
			continue
		}
		out = append(out, leafCommands(t, append(append([]string{}, parent...), fields[0]))...)
	}
	return out
}
