package engine

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// TestUnitsBuiltin: each target's unit of the built-in library compiles on
// its own (no package its rules need is left out) and holds no rule
// package of another target.
func TestUnitsBuiltin(t *testing.T) {
	cat := builtinCatalog(t)
	e, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"terraform", "kubernetes", "dockerfile"} {
		g := e.groups[target]
		if g == nil {
			t.Fatalf("no %s group", target)
		}
		if err := g.whole.ready(t.Context()); err != nil {
			t.Errorf("%s: %v", target, err)
		}
	}
	plan := map[string][]catalog.Eval{}
	for target, g := range e.groups {
		plan[target] = g.evals
	}
	units := newUnits(cat, plan, Capabilities(nil), false)
	// The unit each rule bundle belongs to.
	owner := map[string]string{"aws": "terraform", "azure": "terraform", "gcp": "terraform", "kubernetes": "kubernetes", "docker": "dockerfile"}
	for name, u := range units {
		if u.custom {
			t.Errorf("unit %s: built-in modules only, yet marked custom", name)
		}
		for m := range u.modules {
			bundle, _, _ := strings.Cut(strings.TrimPrefix(m, "bundles/"), "/")
			if want, ok := owner[bundle]; ok && strings.HasPrefix(m, "bundles/") && want != name {
				t.Errorf("unit %s holds %s", name, m)
			}
		}
	}
	if k, tf := len(units["kubernetes"].modules), len(units["terraform"].modules); k == 0 || k*2 > tf {
		t.Errorf("the kubernetes unit has %d modules, the terraform unit %d: want a small part", k, tf)
	}
}

// TestUnitsCustomEager: a policy from outside the built-ins is compiled in
// New, so that its error comes before any input is read, also when it
// only breaks a package that another uses.
func TestUnitsCustomEager(t *testing.T) {
	fsys := fstest.MapFS{
		"lib.rego":  {Data: []byte("package lib.helpers\n\nimport rego.v1\n\nbad(x) := y if y := undefined_fn(x)\n")},
		"rule.rego": {Data: []byte("package main\n\nimport rego.v1\nimport data.lib.helpers\n\ndeny contains \"x\" if helpers.bad(input)\n")},
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "custom", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(t.Context(), cat, Options{}); err == nil || !strings.Contains(err.Error(), "undefined_fn") {
		t.Errorf("New = %v, want the compile error", err)
	}
}
