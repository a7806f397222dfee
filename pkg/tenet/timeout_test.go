package tenet

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/finding"
)

// TestRunTimeoutNamesEveryInput: when the run's time limit stops loading,
// every input is an error naming its file and saying why, as an input
// whose evaluation the limit stopped is: the report must say which
// inputs went unchecked. The inputs are of every kind a loader reads: a
// plan, manifests, a template, a Dockerfile, plain YAML, a .tf
// directory, a kustomization and a chart.
func TestRunTimeoutNamesEveryInput(t *testing.T) {
	paths := []string{"../../test/examples", "../../test/kustomize/overlays/prod", "../../test/helm/web"}
	s, err := New(t.Context(), WithoutBuiltins(), withBundleFS(testBundle()), WithTimeout(time.Nanosecond))
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Scan(t.Context(), paths...)
	var incomplete *IncompleteError
	if !errors.As(err, &incomplete) || res == nil {
		t.Fatalf("Scan = %v, %v; want a result and an *IncompleteError", res, err)
	}
	const why = "not evaluated: the run's time limit (1ns) was reached"
	var want []finding.InputError
	for _, path := range []string{
		"../../test/examples/Dockerfile", "../../test/examples/k8s.yaml", "../../test/examples/plan.json",
		"../../test/examples/stack.yaml", "../../test/examples/terraform", "../../test/examples/waivers.yaml",
		"../../test/kustomize/overlays/prod", "../../test/helm/web",
	} {
		want = append(want, finding.InputError{Path: path, Message: path + ": " + why})
	}
	got := make([]finding.InputError, 0, len(res.Errors))
	for _, e := range res.Errors {
		got = append(got, finding.InputError{Path: e.Path, Message: e.Message})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(res.Inputs) != 0 {
		t.Errorf("inputs evaluated after the time limit: %v", res.Inputs)
	}
}
