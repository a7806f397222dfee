package view

import (
	"maps"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

// oddShapes are values of every YAML shape, which a template may put
// where a mapping expects another.
var oddShapes = []any{"x", 1, true, nil, []any{}, []any{"x"}, []any{map[string]any{"a": 1}}, map[string]any{}, map[string]any{"a": []any{1}}}

// TestMappingsTolerateAnyShape: every mapping, given a property (or a
// property of an object or of a list item) of any shape where it expects
// another, builds a view without panicking. The properties come from the
// CloudFormation cases, so each mapping meets the ones it reads.
func TestMappingsTolerateAnyShape(t *testing.T) {
	props := caseProperties(t)
	types := make([]string, 0, len(props))
	for typ := range props {
		types = append(types, typ)
	}
	sort.Strings(types)
	runs := 0
	for _, typ := range types {
		if _, mapped := mappings[typ]; !mapped {
			continue
		}
		for _, base := range props[typ] {
			for i, variant := range variants(base) {
				// The race pass (-short) looks for races, not shapes:
				// a sample is enough there.
				if testing.Short() && i%8 != 0 {
					continue
				}
				runs++
				tryView(t, typ, variant)
			}
		}
	}
	if runs < 1000 && !testing.Short() {
		t.Errorf("only %d variants: the cases were not found", runs)
	}
}

// caseProperties collects, per type, the Properties of every resource of
// the CloudFormation cases.
func caseProperties(t *testing.T) map[string][]map[string]any {
	t.Helper()
	files, err := filepath.Glob("../../../test/cloudformation/cases/*/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	out := map[string][]map[string]any{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Resources map[string]struct {
				Type       string         `yaml:"Type"`
				Properties map[string]any `yaml:"Properties"`
			} `yaml:"Resources"`
		}
		// Intrinsic tags (!Ref) decode as their scalar or sequence.
		if err := yaml.Unmarshal(data, &doc); err != nil {
			continue
		}
		for _, r := range doc.Resources {
			if r.Properties != nil {
				out[r.Type] = append(out[r.Type], r.Properties)
			}
		}
	}
	return out
}

// variants replaces, one at a time, each property, each key of an object
// property and each key of a list property's first item by every odd
// shape.
func variants(base map[string]any) []map[string]any {
	var out []map[string]any
	for k, v := range base {
		for _, odd := range oddShapes {
			out = append(out, with(base, k, odd))
		}
		switch x := v.(type) {
		case map[string]any:
			for ck := range x {
				for _, odd := range oddShapes {
					out = append(out, with(base, k, with(x, ck, odd)))
				}
			}
		case []any:
			if len(x) == 0 {
				continue
			}
			if item, ok := x[0].(map[string]any); ok {
				for ck := range item {
					for _, odd := range oddShapes {
						list := append([]any{with(item, ck, odd)}, x[1:]...)
						out = append(out, with(base, k, list))
					}
				}
			}
		}
	}
	return out
}

func with(m map[string]any, k string, v any) map[string]any {
	c := maps.Clone(m)
	c[k] = v
	return c
}

func tryView(t *testing.T, typ string, props map[string]any) {
	t.Helper()
	text, err := yaml.Marshal(map[string]any{"Resources": map[string]any{"R": map[string]any{"Type": typ, "Properties": props}}})
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		t.Fatal(err)
	}
	tmpl, err := cfn.Parse(&doc)
	if err != nil {
		return // refused as a template: not the view's concern
	}
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s panics on %s: %v", typ, text, p)
		}
	}()
	Resources(tmpl, "t.yaml")
}
