package e2e

import (
	"strings"
	"testing"
)

// TestParseConfigBuiltins: conftest's parse_config, parse_config_file and
// parse_combined_config_files work in custom policies, and a policy that
// reads outside the working directory stops with an input error (exit 3)
// naming the built-in, printing nothing of the file.
func TestParseConfigBuiltins(t *testing.T) {
	r := run(t, "", "test", "--no-config", "--no-builtins", "-p", "test/e2e/testdata/parse-config/policy", "-o", "json", "test/examples/k8s.yaml")
	for _, want := range []string{"debug is on in settings.yaml", "inline bucket acl public-read", "2 combined documents"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("findings lack %q: exit %d\n%s%s", want, r.code, r.stdout, r.stderr)
		}
	}
	r = run(t, "", "test", "--no-config", "--no-builtins", "-p", "test/e2e/testdata/parse-config/evil", "test/examples/k8s.yaml")
	if r.code != 3 || !strings.Contains(r.stderr, "parse_config_file") || !strings.Contains(r.stderr, "under the working directory") || strings.Contains(r.stdout+r.stderr, "root:") {
		t.Errorf("reading /etc/passwd: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
