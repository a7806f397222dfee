package engine

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/finding"
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
	pkgs := newPackages(cat)
	units, err := newUnits(cat, pkgs, customApart(cat, pkgs), plan, unitOptions{caps: Capabilities(nil)})
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

// TestCustomApart: a package from outside the built-ins is apart from them
// unless it lies in data.tenet, or holds it.
func TestCustomApart(t *testing.T) {
	for pkg, want := range map[string]bool{
		"acme.owner_tag":                  true,
		"tenetx":                          true,
		"acme.tenet.aws":                  true,
		"main":                            true,
		"tenet.acme.owner_tag":            false, // in data.tenet, where built-in rules read
		"tenet.params":                    false,
		"tenet":                           false, // holds every built-in package
		"tenet.aws":                       false,
		"tenet.aws.s3.versioning":         false, // a built-in package
		"tenet.aws.s3.versioning.extra":   false, // in one
		"tenet.lib.terraform":             false,
		`tenet["aws"].s3.versioning.more`: false,
	} {
		sources := append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
			"extra.rego": {Data: []byte("package " + pkg + "\n\nimport rego.v1\n\nx := 1\n")},
		}})
		cat, err := catalog.Load(t.Context(), sources, catalog.Options{Lazy: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := customApart(cat, newPackages(cat)); got != want {
			t.Errorf("package %s: apart %v, want %v", pkg, got, want)
		}
	}
}

// TestBuiltinsReferWithin: every built-in package, and every reference of a
// built-in module into data, lies in data.tenet, where only built-in
// packages are when the policies from outside lie apart (customApart): a
// unit of built-in rules holds built-in modules only, and finds them lazily
// whatever else is loaded.
func TestBuiltinsReferWithin(t *testing.T) {
	cat := builtinCatalog(t)
	for name, m := range cat.Modules {
		if !m.Package.Path.HasPrefix(builtinRoot) {
			t.Errorf("%s: package %v outside data.tenet", name, m.Package.Path)
		}
		walkDataRefs(m, func(r ast.Ref) {
			if !constantPrefix(r).HasPrefix(builtinRoot) {
				t.Errorf("%s: %v reaches outside data.tenet", name, r)
			}
		})
	}
}

// TestUnitsCustomApart: with a policy from outside the built-ins in a
// package of its own, New compiles that policy and what it imports, not
// the built-in library; a small plan compiles its few rules apart; and
// the findings, built-in and custom, are those of every rule compiled
// together, on a small plan and on one large enough to shard.
func TestUnitsCustomApart(t *testing.T) {
	sources := func() []catalog.Source {
		return append(builtinSources(t), catalog.Source{Path: "policy", FS: os.DirFS("../../test/examples/policy")})
	}
	lazyCat, err := catalog.Load(t.Context(), sources(), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	fullCat, err := catalog.Load(t.Context(), sources(), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := New(t.Context(), lazyCat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	custom := eng.groups["terraform"+customSuffix]
	if custom == nil || custom.sub.whole.compiler == nil {
		t.Fatal("the custom policy was not compiled in New")
	}
	if eng.groups["terraform"].sub.whole.compiler != nil || eng.groups["terraform"].sub.make == nil {
		t.Error("New compiled the built-in Terraform rules, or a small plan cannot compile its rules apart")
	}
	for name := range lazyCat.Modules {
		if strings.HasPrefix(name, "bundles/aws/") && lazyCat.ParsedYet(name) {
			t.Errorf("New parsed %s", name)
		}
	}
	every, err := New(t.Context(), fullCat, Options{allRules: true})
	if err != nil {
		t.Fatal(err)
	}
	var small, large bytes.Buffer
	if err := bench.WritePlan(&small, 10, []string{"aws_s3_bucket", "aws_db_instance"}, 1); err != nil {
		t.Fatal(err)
	}
	if err := bench.WritePlan(&large, shardMin+100, bench.ResourceTypes(lazyCat.Rules, "terraform")[:40], 2); err != nil {
		t.Fatal(err)
	}
	compareEngines(t, map[string][]byte{"small.json": small.Bytes()}, every, eng, func(input.Document) bool { return true })
	if eng.groups["terraform"].sub.made == 0 {
		t.Error("the small plan did not compile its rules apart")
	}
	if messageCount(t, eng, small.Bytes(), "no owner tag") == 0 {
		t.Error("no finding of the custom policy on the small plan: the test checks too little")
	}
	compareEngines(t, map[string][]byte{"large.json": large.Bytes()}, every, eng, func(input.Document) bool { return true })
}

// TestUnitsCustomParams: a policy that sets a built-in rule's parameter
// in Rego (package tenet.params) is not apart from the built-ins: the rule
// reads it, and finds what it finds with every rule compiled together.
func TestUnitsCustomParams(t *testing.T) {
	sources := append(builtinSources(t), catalog.Source{Path: "policy", FS: fstest.MapFS{
		"params.rego": {Data: []byte("package tenet.params\n\nallowed_registries := [\"ghcr.io/acme/\"]\n")},
	}})
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	if customApart(cat, newPackages(cat)) {
		t.Fatal("a policy in package tenet.params is apart from the built-ins")
	}
	eng, err := New(t.Context(), cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	every, err := New(t.Context(), cat, Options{allRules: true})
	if err != nil {
		t.Fatal(err)
	}
	pod := []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: a, image: docker.io/library/nginx:1.27}\n")
	compareEngines(t, map[string][]byte{"pod.yaml": pod}, every, eng, func(input.Document) bool { return true })
	if countFindings(t, eng, "pod.yaml", pod, func(f finding.Finding) bool { return f.RuleID == "TNT-K8S-POD-024" }) == 0 {
		t.Error("the registry rule found nothing: the parameter set in Rego did not reach it")
	}
}

// TestBuiltinsPassCheckStages: the units of built-in modules compile
// without checkStages. Every built-in module passes them (the library
// compiled whole with every stage), none has a `with`, the one thing
// evaluation reads from the type checker, and an engine that skips them
// finds what one that runs them finds, on a generated plan and manifests
// and on ../shared/data.
func TestBuiltinsPassCheckStages(t *testing.T) {
	cat := builtinCatalog(t)
	mods := map[string]*ast.Module{}
	for name, m := range cat.Modules {
		if cat.Builtin[name] && !strings.HasSuffix(name, "_test.rego") {
			mods[name] = m
		}
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities(nil))
	if c.Compile(mods); c.Failed() {
		t.Fatalf("the built-in library fails the compiler's checks: %v", c.Errors)
	}
	for name, m := range mods {
		ast.WalkExprs(m, func(x *ast.Expr) bool {
			if len(x.With) > 0 {
				t.Errorf("%s:%d: a `with`, which reads what checkStages leave out", name, x.Location.Row)
			}
			return false
		})
	}

	docs := terraformDocs(t, cat, generatedSize(1500), 11)
	dir := t.TempDir()
	if err := bench.WriteManifests(dir, generatedSize(40), 3); err != nil {
		t.Fatal(err)
	}
	for _, path := range append(sharedData("*/*"), sharedData("*/*/*")...) {
		docs[path] = nil
	}
	manifests, _ := os.ReadDir(dir)
	for _, m := range manifests {
		docs[dir+"/"+m.Name()] = nil
	}
	for path, data := range docs {
		if data != nil {
			continue
		}
		if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
			delete(docs, path)
			continue
		}
		var err error
		if docs[path], err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	checked, err := New(t.Context(), cat, Options{Parallel: 3, shardMin: 1, checkAll: true})
	if err != nil {
		t.Fatal(err)
	}
	skipped, err := New(t.Context(), cat, Options{Parallel: 3, shardMin: 1})
	if err != nil {
		t.Fatal(err)
	}
	evaluated, findings := compareEngines(t, docs, checked, skipped, func(input.Document) bool { return true })
	if evaluated < len(manifests) || findings < generatedSize(1000) {
		t.Fatalf("%d documents evaluated, %d findings: the test checks too little", evaluated, findings)
	}
}

// TestCheckStagesForOutsidePolicies: a policy from outside the built-ins
// is compiled with every stage, checkStages included, also when it adds
// to a built-in package and so compiles in the unit of the built-in
// rules: a call to a built-in function the sandbox removes is refused.
func TestCheckStagesForOutsidePolicies(t *testing.T) {
	for name, policy := range map[string]string{
		"a package of its own": "package acme.exfil\n\nimport rego.v1\n\ndeny contains msg if {\n\tresp := http.send({\"method\": \"GET\", \"url\": \"http://169.254.169.254/\"})\n\tmsg := resp.raw_body\n}\n",
		"a built-in package":   "package tenet.aws.s3.versioning\n\nimport rego.v1\n\ndeny contains msg if {\n\tresp := http.send({\"method\": \"GET\", \"url\": \"http://169.254.169.254/\"})\n\tmsg := resp.raw_body\n}\n",
	} {
		sources := append(builtinSources(t), catalog.Source{Path: "custom", FS: fstest.MapFS{"p.rego": {Data: []byte(policy)}}})
		for _, lazy := range []bool{false, true} {
			cat, err := catalog.Load(t.Context(), sources, catalog.Options{Lazy: lazy, AllNamespaces: true})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := New(t.Context(), cat, Options{}); err == nil || !strings.Contains(err.Error(), "http.send") {
				t.Errorf("%s, lazy %v: a policy calling http.send compiled (%v)", name, lazy, err)
			}
		}
	}
}
