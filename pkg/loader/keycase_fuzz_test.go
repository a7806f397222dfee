package loader_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/pkg/loader"
)

// FuzzKeyCase checks the Terraform loaders against a case-sensitive
// reference: for any file they accept, the fields rules see are those that
// a decoder matching keys exactly (encoding/json into map[string]any) finds
// under the keys Terraform writes. A key in another case must never be
// read in their place. Seeded with the testdata, the reproducer and
// near misses.
func FuzzKeyCase(f *testing.F) {
	for _, pattern := range []string{"testdata/tfplan/*.json", "testdata/tfstate/*", "../../../shared/repro/case-dup-plan.json"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(planWith("", change("aws_ebs_volume.s", `,"AFTER":{"encrypted":true}`))))
	f.Add([]byte(`{"format_version":"1.2","Resource_Changes":[` + change("aws_ebs_volume.s", "") + `]}`))
	f.Add([]byte(`{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"a","name":"b","values":{"x":1}}]}}}`))
	f.Add([]byte(`{"version":4,"terraform_version":"1.9.5","lineage":"x","resources":[{"mode":"managed","type":"a","name":"b","instances":[{"attributes":{"x":1}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := loader.Parse(t.Context(), "in.json", data, loader.Options{})
		if err != nil {
			return
		}
		var top map[string]any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if dec.Decode(&top) != nil {
			return // not an object (or not JSON after the BOM): nothing to compare
		}
		var want []refResource
		_, show := top["format_version"]
		switch doc.Source.Format {
		case input.FormatTerraformPlan:
			want = planReference(top)
		case input.FormatTerraformState:
			if show {
				want = showStateReference(top)
			} else {
				want = rawStateReference(top)
			}
		default:
			return
		}
		got := make([]refResource, 0, len(doc.Resources))
		for _, r := range doc.Resources {
			ref := refResource{Type: r.Type, Name: r.Name, Mode: r.Mode, Module: r.Module, Values: r.Values}
			if doc.Source.Format == input.FormatTerraformPlan || show {
				ref.Address = r.Address
			}
			got = append(got, ref)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("resources differ from a case-sensitive decoder's (-want +got):\n%s\ninput: %q", diff, data)
		}
	})
}

// refResource is what the reference reads of one resource.
type refResource struct {
	Address, Type, Name, Mode, Module string
	Values                            map[string]any
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func obj(v any) map[string]any {
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return map[string]any{}
}

func planReference(top map[string]any) []refResource {
	out := []refResource{}
	changes, _ := top["resource_changes"].([]any)
	for _, c := range changes {
		rc := obj(c)
		addr := str(rc, "address")
		if d := str(rc, "deposed"); d != "" {
			addr += " (deposed " + d + ")"
		}
		out = append(out, refResource{
			Address: addr, Type: str(rc, "type"), Name: str(rc, "name"), Mode: str(rc, "mode"),
			Module: str(rc, "module_address"), Values: obj(obj(rc["change"])["after"]),
		})
	}
	return out
}

func showStateReference(top map[string]any) []refResource {
	out := []refResource{}
	var walk func(m map[string]any, module string)
	walk = func(m map[string]any, module string) {
		resources, _ := m["resources"].([]any)
		for _, r := range resources {
			if r == nil {
				continue
			}
			res := obj(r)
			out = append(out, refResource{
				Address: absolute(module, str(res, "address")), Type: str(res, "type"), Name: str(res, "name"),
				Mode: str(res, "mode"), Module: module, Values: obj(res["values"]),
			})
		}
		children, _ := m["child_modules"].([]any)
		for _, c := range children {
			if c != nil {
				walk(obj(c), absolute(module, str(obj(c), "address")))
			}
		}
	}
	if root, ok := obj(top["values"])["root_module"].(map[string]any); ok {
		walk(root, "")
	}
	return out
}

// absolute is the address Terraform means by addr written inside module:
// Terraform 0.12 wrote a child module's addresses relative to it, later
// versions absolute (TestStateModulesRepro).
func absolute(module, addr string) string {
	if module == "" || addr == "" || strings.HasPrefix(addr, module+".") {
		return addr
	}
	return module + "." + addr
}

// rawStateReference leaves out the address, which the loader builds from
// the parts compared here.
func rawStateReference(top map[string]any) []refResource {
	out := []refResource{}
	resources, _ := top["resources"].([]any)
	for _, r := range resources {
		res := obj(r)
		mode := "managed"
		if str(res, "mode") == "data" {
			mode = "data"
		}
		instances, _ := res["instances"].([]any)
		for _, inst := range instances {
			out = append(out, refResource{
				Type: str(res, "type"), Name: str(res, "name"), Mode: mode,
				Module: str(res, "module"), Values: obj(obj(inst)["attributes"]),
			})
		}
	}
	return out
}
