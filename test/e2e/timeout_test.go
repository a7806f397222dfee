package e2e

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRunTimeoutErrorLines: when --timeout stops a run while it loads,
// each input it stops is one "tenet: FILE: problem" line and one error
// with its path in the report, whatever its kind (docs/cli.md), saying
// that the run's time limit stopped it. An input or two may be evaluated
// within the millisecond; every other one must be named.
func TestRunTimeoutErrorLines(t *testing.T) {
	inputs := []string{
		"test/examples/Dockerfile", "test/examples/k8s.yaml", "test/examples/plan.json", "test/examples/stack.yaml",
		"test/examples/terraform", "test/examples/waivers.yaml", "test/kustomize/overlays/prod", "test/helm/web",
	}
	got := run(t, "", "test", "--cache", "off", "--timeout", "1ms", "-o", "json", "test/examples", "test/kustomize/overlays/prod", "test/helm/web")
	if got.code != 3 {
		t.Fatalf("exit code = %d, want 3\nstderr: %s", got.code, got.stderr)
	}
	var report struct {
		Inputs []struct {
			Path string `json:"path"`
		} `json:"inputs"`
		Errors []struct {
			Path    string `json:"path"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &report); err != nil {
		t.Fatalf("%v\n%s", err, got.stdout)
	}
	line := regexp.MustCompile(`^tenet: (\S+): not evaluated: the run's time limit \(1ms\) was reached$`)
	lines := strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n")
	var named []string
	for _, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("stderr line %q does not name its input and the time limit", l)
			continue
		}
		named = append(named, m[1])
	}
	var errPaths []string
	for _, e := range report.Errors {
		errPaths = append(errPaths, e.Path)
		if e.Message != e.Path+": not evaluated: the run's time limit (1ms) was reached" {
			t.Errorf("error %+v does not name its input and the time limit", e)
		}
	}
	if !slices.Equal(named, errPaths) {
		t.Errorf("stderr names %v, the report's errors %v", named, errPaths)
	}
	all := errPaths
	for _, in := range report.Inputs {
		all = append(all, in.Path)
	}
	slices.Sort(all)
	want := slices.Clone(inputs)
	slices.Sort(want)
	if !slices.Equal(want, all) {
		t.Errorf("inputs evaluated or named %v, want each of %v once", all, want)
	}
}
