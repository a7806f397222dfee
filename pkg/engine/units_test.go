package engine

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/test/bench"
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
	units, err := newUnits(cat, plan, Capabilities(nil), false)
	if err != nil {
		t.Fatal(err)
	}
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

// TestUnitsDynamicData: a custom rule that reads a package by a key from
// its input (data[input.pkg]) finds what the package holds: its unit must
// hold every package, or the read is undefined and the input passes.
func TestUnitsDynamicData(t *testing.T) {
	cat := catalogWith(t, map[string]string{
		"rule.rego":  "package main\n\nimport rego.v1\n\ndeny contains \"flagged\" if data[input.pkg].bad\n",
		"other.rego": "package other\n\nimport rego.v1\n\nbad := true\n",
	})
	e, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := input.Document{Source: input.Source{Path: "in.json", Format: input.FormatJSON}, Raw: map[string]any{"pkg": "other"}}
	res, err := e.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Message != "flagged" {
		t.Errorf("findings %+v, want the one of data.other.bad", res.Findings)
	}
}

// TestPackageDeps: a reference reaches the package it lies in, every
// package it lies under, and every package under it, but not a package
// that merely shares a prefix of its name; data alone, or data with a key
// known only in evaluation (data[input.k]), reaches them all.
func TestPackageDeps(t *testing.T) {
	mod := func(text string) *ast.Module {
		m, err := ast.ParseModuleWithOpts("m.rego", text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	modules := map[string]*ast.Module{
		"lib":     mod("package a.lib\nx := 1"),
		"libx":    mod("package a.libx\nx := 1"),
		"sub":     mod("package a.lib.sub\nx := 1"),
		"other":   mod("package b\nx := 1"),
		"exact":   mod("package r.exact\nimport data.a.lib\ny := lib.x"),
		"under":   mod("package r.under\ny := data.a.lib.sub.x"),
		"above":   mod("package r.above\ny := data.a"),
		"dynamic": mod("package r.dynamic\ny := data[input.k]"),
		"nested":  mod("package r.nested\ny := data.a[input.k].x"),
	}
	pkgs := packages{modules: map[string][]string{}}
	for name, m := range modules {
		p := m.Package.Path.String()
		pkgs.modules[p] = append(pkgs.modules[p], name)
		pkgs.sorted = append(pkgs.sorted, p)
	}
	slices.Sort(pkgs.sorted)
	deps := map[string][]string{}
	for _, m := range modules {
		deps[m.Package.Path.String()] = slices.DeleteFunc(pkgs.deps(m), func(p string) bool { return p == m.Package.Path.String() })
	}
	for from, want := range map[string][]string{
		"data.r.exact":   {"data.a.lib", "data.a.lib.sub"},
		"data.r.under":   {"data.a.lib", "data.a.lib.sub"},
		"data.r.above":   {"data.a.lib", "data.a.lib.sub", "data.a.libx"},
		"data.r.dynamic": {"data.a.lib", "data.a.lib.sub", "data.a.libx", "data.b", "data.r.above", "data.r.exact", "data.r.nested", "data.r.under"},
		"data.r.nested":  {"data.a.lib", "data.a.lib.sub", "data.a.libx"},
		// The package clause is a reference too: a package reaches
		// those under it.
		"data.a.lib": {"data.a.lib.sub"},
	} {
		got := slices.Sorted(slices.Values(deps[from]))
		if !slices.Equal(got, want) {
			t.Errorf("%s: deps %v, want %v", from, got, want)
		}
	}
}

// TestUnitsLazy: from a lazily loaded catalog, the engine finds what it
// finds from a full one, on a manifest, a Dockerfile and a plan large
// enough to shard; and a manifest alone parses no Terraform module.
func TestUnitsLazy(t *testing.T) {
	lazyCat, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := New(t.Context(), lazyCat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := New(t.Context(), builtinCatalog(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	parsed := func(prefix string) int {
		n := 0
		for name := range lazyCat.Modules {
			if strings.HasPrefix(name, prefix) && lazyCat.ParsedYet(name) {
				n++
			}
		}
		return n
	}
	docs := map[string][]byte{"k8s.yaml": []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: a, image: nginx}\n")}
	if _, findings := compareEngines(t, docs, full, lazy, func(input.Document) bool { return true }); findings == 0 {
		t.Fatal("no finding on the manifest: the test checks nothing")
	}
	if n := parsed("bundles/aws/"); n > 0 {
		t.Errorf("a manifest parsed %d AWS modules", n)
	}
	if parsed("bundles/kubernetes/") == 0 {
		t.Error("a manifest parsed no Kubernetes module")
	}
	var plan bytes.Buffer
	if err := bench.WritePlan(&plan, shardMin+100, bench.ResourceTypes(lazyCat.Rules, "terraform")[:40], 1); err != nil {
		t.Fatal(err)
	}
	docs = map[string][]byte{"plan.json": plan.Bytes(), "Dockerfile": []byte("FROM ubuntu:latest\nRUN apt-get install -y curl\n")}
	if _, findings := compareEngines(t, docs, full, lazy, func(input.Document) bool { return true }); findings < 100 {
		t.Fatalf("%d findings on the plan and the Dockerfile: the test checks too little", findings)
	}
	if len(lazy.groups["terraform"].shards()) < 10 {
		t.Error("the plan was not sharded")
	}
}
