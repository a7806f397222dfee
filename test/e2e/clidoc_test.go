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
	for _, cmd := range [][]string{{}, {"test"}, {"diff"}, {"history", "show"}, {"history", "verify"}, {"history", "keygen"}, {"watch"}, {"parse"}, {"rules"}, {"verify"}, {"bundle", "build"}, {"version"}} {
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
