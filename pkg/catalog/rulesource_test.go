package catalog_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
	regolib "github.com/tenet-dev/tenet/rego"
)

// workloadKinds is data.tenet.lib.kubernetes.workload_kinds, the one list of
// the kinds that carry a pod spec.
func workloadKinds(t *testing.T) []string {
	t.Helper()
	src, err := fs.ReadFile(regolib.FS, "lib/kubernetes.rego")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.tenet.lib.kubernetes.workload_kinds"), rego.Module("kubernetes.rego", string(src))).Eval(t.Context())
	if err != nil || len(rs) == 0 {
		t.Fatalf("workload_kinds: %v", err)
	}
	var kinds []string
	for _, k := range rs[0].Expressions[0].Value.([]any) {
		kinds = append(kinds, k.(string))
	}
	return kinds
}

// workloadSelectorProblems names each rule whose kubernetes selector names
// some workload kinds but not all of them: METADATA cannot refer to the
// library's list, so the list is repeated there, and a rule that misses a
// kind would silently skip those objects (the engine skips rules whose
// selector types a document lacks).
func workloadSelectorProblems(rules []finding.Rule, kinds []string) []string {
	var out []string
	for _, r := range rules {
		for _, s := range r.Selectors {
			if s.Type != "kubernetes" {
				continue
			}
			var missing []string
			named := 0
			for _, k := range kinds {
				if slices.Contains(s.ResourceTypes, k) {
					named++
				} else {
					missing = append(missing, k)
				}
			}
			if named > 0 && len(missing) > 0 {
				out = append(out, fmt.Sprintf("%s (%s): its selector names workload kinds but not %s", r.ID, r.File, strings.Join(missing, ", ")))
			}
		}
	}
	return out
}

// TestWorkloadSelectors: every rule that selects workloads selects all the
// kinds of the library's workload_kinds, and rule bodies select workloads
// through the library, never by listing kinds themselves.
func TestWorkloadSelectors(t *testing.T) {
	kinds := workloadKinds(t)
	broken := []finding.Rule{{ID: "TST-K8S-001", File: "broken.rego", Selectors: []finding.Selector{{Type: "kubernetes", ResourceTypes: []string{"Pod", "Deployment"}}}}}
	if got := workloadSelectorProblems(broken, kinds); len(got) != 1 {
		t.Errorf("a selector of two workload kinds is not caught: %v", got)
	}
	cat, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range workloadSelectorProblems(cat.Rules, kinds) {
		t.Error(p)
	}
	err = fs.WalkDir(bundles.FS, "kubernetes", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(bundles.FS, path)
		if err != nil {
			return err
		}
		for _, k := range kinds[1:] { // "Pod" alone is a fair test of one kind
			if strings.Contains(string(src), `"`+k+`"`) {
				t.Errorf("%s names the workload kind %q: select workloads with kubernetes.workloads", path, k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// unknownReads are the ways to read a resource's "unknown" field directly.
var unknownReads = regexp.MustCompile(`"unknown", \[\]\)|[a-z_]\.unknown\[|\b[a-z_]+\.unknown\b[^(]`)

// TestRulesReadUnknownThroughTheLibrary: built-in rules test "known only
// after apply" through rego/lib's terraform.unknown, unknown_within and
// unknown_paths, so that one place defines what an unknown path covers
// (list indexes, enclosing blocks).
func TestRulesReadUnknownThroughTheLibrary(t *testing.T) {
	if !unknownReads.MatchString(`	some u in object.get(vm, "unknown", [])`) || !unknownReads.MatchString(`count(r.unknown) > 0`) {
		t.Fatal("the pattern misses a direct read")
	}
	err := fs.WalkDir(bundles.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(bundles.FS, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			code, _, _ := strings.Cut(line, "#")
			code = strings.NewReplacer("result.unknown", "", "check.unknown", "", "rule.unknown", "", "terraform.unknown", "", "unknown contains", "").Replace(code)
			if unknownReads.MatchString(code) {
				t.Errorf("%s:%d reads the unknown field directly: %s", path, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
