package e2e

import "testing"

// TestExitCodesConftest: --exit-codes conftest exits as conftest does (1
// on every error, 2 for failures under --fail-on-warn); the default keeps
// tenet's codes.
func TestExitCodesConftest(t *testing.T) {
	const (
		plan      = "test/examples/plan.json"
		clean     = "test/e2e/testdata/inputs/clean-plan.json"
		truncated = "test/e2e/testdata/inputs/truncated.json"
	)
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"pass", []string{"--exit-codes", "conftest", clean}, 0},
		{"failures", []string{"--exit-codes", "conftest", plan}, 1},
		{"failures under --fail-on-warn", []string{"--exit-codes", "conftest", "--fail-on-warn", plan}, 2},
		{"failures under --fail-on-warn, tenet's codes", []string{"--fail-on-warn", plan}, 1},
		{"input error", []string{"--exit-codes", "conftest", truncated, clean}, 1},
		{"input error, tenet's codes", []string{truncated, clean}, 3},
		{"policy error", []string{"--exit-codes", "conftest", "--namespace", "nothing", "-p", "test/examples/policy", clean}, 1},
		{"policy error, tenet's codes", []string{"--namespace", "nothing", "-p", "test/examples/policy", clean}, 2},
		{"bad value", []string{"--exit-codes", "opa", clean}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "", append([]string{"test", "--no-config"}, tc.args...)...)
			if r.code != tc.want {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tc.want, r.stdout, r.stderr)
			}
		})
	}
}
