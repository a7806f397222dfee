package loader

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWorkloadShapesFollowRegoLib checks that the loader checks the shape
// of exactly the kinds the Kubernetes rules read a pod spec from
// (workload_kinds in rego/lib/kubernetes.rego), and that each of them has
// its pod spec where pod_spec_path puts it: a kind added there and not
// here would pass silently again when malformed.
func TestWorkloadShapesFollowRegoLib(t *testing.T) {
	src, err := os.ReadFile("../../rego/lib/kubernetes.rego")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^workload_kinds := \[(.*)\]$`).FindSubmatch(src)
	if m == nil {
		t.Fatal("workload_kinds not found in rego/lib/kubernetes.rego")
	}
	var want []string
	for _, q := range strings.Split(string(m[1]), ",") {
		want = append(want, strings.Trim(strings.TrimSpace(q), `"`))
	}
	var got []string
	for kind := range workloadShapes {
		got = append(got, kind)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workload kinds (-rego/lib +loader):\n%s", diff)
	}
	for kind, s := range workloadShapes {
		path := "spec.template.spec"
		switch kind {
		case "Pod":
			path = "spec"
		case "CronJob":
			path = "spec.jobTemplate.spec.template.spec"
		}
		for _, key := range strings.Split(path, ".") {
			if s = s.fields[key]; s == nil {
				break
			}
		}
		if s == nil || s.fields["containers"] == nil {
			t.Errorf("%s: no pod spec at %s", kind, path)
		}
	}
}
