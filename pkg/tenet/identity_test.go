package tenet

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDefaultNamespaceOneAddress scans one privileged Pod written with
// namespace: default and without a namespace: the findings are the same
// (address and fingerprint) but for the rule on the namespace itself, and
// a waiver names the Pod either way.
func TestDefaultNamespaceOneAddress(t *testing.T) {
	const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: miner\n%s" +
		"spec:\n  containers:\n    - name: x\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n"
	waivers := map[string]string{
		"as reported":  "waivers:\n  - rule: TNT-K8S-POD-001\n    resource: Pod/miner\n    reason: r\n",
		"with default": "waivers:\n  - rule: TNT-K8S-POD-001\n    resource: default/Pod/miner\n    reason: r\n",
		"glob":         "waivers:\n  - rule: TNT-K8S-POD-001\n    resource: default/*\n    reason: r\n",
	}
	var seen map[string]string // fingerprint -> resource, of the first spelling
	for _, ns := range []string{"  namespace: default\n", ""} {
		dir := t.TempDir()
		path := filepath.Join(dir, "pod.yaml")
		if err := os.WriteFile(path, []byte(fmt.Sprintf(pod, ns)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Chdir(dir)
		res, err := Scan(t.Context(), []string{"pod.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range res.Findings {
			// TNT-K8S-POD-029 judges the spelling itself: default is a
			// failure, no namespace unknown until applied.
			if f.RuleID != "TNT-K8S-POD-029" {
				got[f.Fingerprint] = f.Resource
			}
		}
		if seen == nil {
			seen = got
		} else if diff := cmp.Diff(seen, got); diff != "" {
			t.Errorf("findings differ with and without namespace: default (-with +without):\n%s", diff)
		}
		if f := privileged(t, res); f.Resource != "Pod/miner" {
			t.Errorf("address %q, want Pod/miner", f.Resource)
		}
		for name, body := range waivers {
			res, err := Scan(t.Context(), []string{"pod.yaml"}, WithWaiverFiles(writeWaivers(t, body)), waiverTestNow)
			if err != nil {
				t.Fatal(err)
			}
			if !privileged(t, res).Waived() {
				t.Errorf("%q: the waiver %s does not cover the Pod", ns, name)
			}
		}
	}
}
