package engine

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
)

// TestVolatileBuiltins: of the built-in library, only the rules that read
// the clock make documents volatile, by their selector types.
func TestVolatileBuiltins(t *testing.T) {
	cat := builtinCatalog(t)
	types, all := Volatile(cat)
	if all {
		t.Fatal("the built-in library makes every document volatile")
	}
	if !types["aws_iam_access_key"] || len(types) != 1 {
		t.Errorf("volatile types = %v, want aws_iam_access_key (TNT's access key age reads the clock)", types)
	}
}

// TestVolatileLazy: on a catalog that holds the built-in modules by their
// heads, Volatile finds what it finds on the whole library, parsing only
// the few modules that name a nondeterministic built-in or the package of
// one that calls it; a built-in library package that reads the clock, used
// by a rule, still makes every document volatile.
func TestVolatileLazy(t *testing.T) {
	lazy, err := catalog.Load(t.Context(), builtinSources(t), catalog.Options{Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	wantTypes, wantAll := Volatile(builtinCatalog(t))
	types, all := Volatile(lazy)
	if all != wantAll || !maps.Equal(types, wantTypes) {
		t.Errorf("lazy: types %v, all %v; whole: %v, %v", types, all, wantTypes, wantAll)
	}
	held, parsed := 0, 0
	for name := range lazy.Modules {
		if lazy.IsLazy(name) {
			held++
			if lazy.ParsedYet(name) {
				parsed++
			}
		}
	}
	if held < 300 || parsed > held/5 {
		t.Errorf("%d of %d lazy modules parsed: want a few", parsed, held)
	}

	const rule = `# METADATA
# title: Old keys
# description: Uses a clock from the library.
# scope: package
# custom:
#   id: TNT-TEST-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_access_key]
#   controls:
#     nist-800-53-r5: ["IA-5"]
#   remediation: None.
package tenet.test.old_keys

import rego.v1

import data.tenet.lib.clock

deny contains "old" if clock.now > 0
`
	clockRule := strings.Replace(strings.Replace(rule, "import data.tenet.lib.clock\n", "", 1), "clock.now", "time.now_ns()", 1)
	user := "package tenet.lib.keys\n\nimport rego.v1\n\nold := data.tenet.test.old_keys.deny\n"
	for _, c := range []struct {
		name  string
		files fstest.MapFS
		all   bool
	}{
		{"the rule reads the clock", fstest.MapFS{"old.rego": {Data: []byte(clockRule)}}, false},
		{"a library reads the clock", fstest.MapFS{"old.rego": {Data: []byte(rule)}, "clock.rego": {Data: []byte("package tenet.lib.clock\n\nimport rego.v1\n\nnow := time.now_ns()\n")}}, true},
		{"another package uses the rule", fstest.MapFS{"old.rego": {Data: []byte(clockRule)}, "keys.rego": {Data: []byte(user)}}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat, err := catalog.Load(t.Context(), withFrameworks(t, c.files), catalog.Options{Lazy: true})
			if err != nil {
				t.Fatal(err)
			}
			types, all := Volatile(cat)
			if all != c.all || !all && !types["aws_iam_access_key"] {
				t.Errorf("types %v, all %v; want all %v", types, all, c.all)
			}
		})
	}
}

// TestVolatileCustom: a custom policy that reads the clock, or a library
// that one does and other packages use, makes every document volatile.
func TestVolatileCustom(t *testing.T) {
	for name, src := range map[string]string{
		"custom rule":    "package main\n\nimport rego.v1\n\ndeny contains \"late\" if time.now_ns() > 0\n",
		"random":         "package main\n\nimport rego.v1\n\ndeny contains \"dice\" if rand.intn(\"x\", 6) == 0\n",
		"shared library": "package lib.clock\n\nimport rego.v1\n\nnow := time.now_ns()\n",
		"reads a file":   "package main\n\nimport rego.v1\n\ndeny contains \"x\" if parse_config_file(\"a.yaml\").debug\n",
	} {
		t.Run(name, func(t *testing.T) {
			cat := catalogWith(t, map[string]string{"p.rego": src, "use.rego": "package main\n\nimport rego.v1\nimport data.lib.clock\n\nwarn contains \"x\" if clock.now > 0\n"})
			if _, all := Volatile(cat); !all {
				t.Error("Volatile: all = false")
			}
		})
	}
	cat := catalogWith(t, map[string]string{"p.rego": "package main\n\nimport rego.v1\n\ndeny contains \"x\" if input.a\n"})
	if types, all := Volatile(cat); all || len(types) != 0 {
		t.Errorf("a deterministic custom policy: types %v, all %v", types, all)
	}
}

// catalogWith loads the modules of files (name to source) as custom
// policies, with every namespace.
func catalogWith(t *testing.T, files map[string]string) *catalog.Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "custom", FS: fsys}}, catalog.Options{AllNamespaces: true})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestNoPrintInBuiltins: the built-in rules call no print(): they see the
// real values of sensitive attributes, and print output is not redacted.
func TestNoPrintInBuiltins(t *testing.T) {
	cat := builtinCatalog(t)
	if CallsPrint(cat.Modules, nil) {
		t.Error("a built-in module calls print()")
	}
	custom := catalogWith(t, map[string]string{"p.rego": "package main\n\nimport rego.v1\n\ndeny contains \"x\" if print(input)\n"})
	if !CallsPrint(custom.Modules, custom.Builtin) {
		t.Error("CallsPrint missed a print() call")
	}
	// print as the replacement of a function prints too.
	mocked := catalogWith(t, map[string]string{"p.rego": `package main

import rego.v1

show(x) := true

deny contains "x" if show(input) with show as print
`})
	if !CallsPrint(mocked.Modules, mocked.Builtin) {
		t.Error("CallsPrint missed print() as a with replacement")
	}
}
