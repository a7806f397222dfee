package tfconfig_test

import (
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/tenet-dev/tenet/bundles"
	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	regolib "github.com/tenet-dev/tenet/rego"
	"github.com/tenet-dev/tenet/test/golden"
)

// TestSchemaTypesTable: schematypes.json holds the type of every
// primitive attribute that the built-in rules' tests give the resources
// of their fixtures, where the tests agree on one. The tests run with
// fixtures.plan and fixtures.state recording the resources they are
// given, so the helpers that tests build resources with are followed.
func TestSchemaTypesTable(t *testing.T) {
	rec := runFixtures(t)
	table := map[string]map[string]string{}
	var mixed []string
	for key, paths := range rec.kinds {
		for path, kinds := range paths {
			if len(kinds) != 1 {
				mixed = append(mixed, key+" "+path+" "+strings.Join(slices.Sorted(maps.Keys(kinds)), "/"))
				continue
			}
			if table[key] == nil {
				table[key] = map[string]string{}
			}
			for k := range kinds {
				table[key][path] = k
			}
		}
	}
	slices.Sort(mixed)
	for _, m := range mixed {
		t.Logf("left out, the tests disagree: %s", m)
	}
	text, err := json.MarshalIndent(table, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "schematypes.json", append(text, '\n'), "run go test ./pkg/tfconfig -run '^TestSchemaTypesTable$' -update")
	if len(table) < 150 {
		t.Errorf("the table holds %d resource types: the fixtures were not recorded", len(table))
	}
}

// kinds records, per resource type and attribute path, the kinds of the
// values the tests' fixtures give it.
type kinds struct {
	mu    sync.Mutex
	kinds map[string]map[string]map[string]bool
}

func (k *kinds) add(resources *ast.Term) {
	arr, ok := resources.Value.(*ast.Array)
	if !ok {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	arr.Foreach(func(r *ast.Term) {
		obj, ok := r.Value.(ast.Object)
		if !ok {
			return
		}
		typ, ok := str(obj, "type")
		if !ok {
			return
		}
		if mode, _ := str(obj, "mode"); mode == "data" {
			typ = "data." + typ
		}
		if v := obj.Get(ast.StringTerm("values")); v != nil {
			k.walk(typ, "", v)
		}
	})
}

func (k *kinds) walk(key, path string, v *ast.Term) {
	var kind string
	switch v := v.Value.(type) {
	case ast.Object:
		v.Foreach(func(name, e *ast.Term) {
			if s, ok := name.Value.(ast.String); ok {
				k.walk(key, join(path, string(s)), e)
			}
		})
		return
	case *ast.Array:
		v.Foreach(func(e *ast.Term) { k.walk(key, path, e) })
		return
	case ast.Set:
		v.Foreach(func(e *ast.Term) { k.walk(key, path, e) })
		return
	case ast.String:
		kind = "string"
	case ast.Number:
		kind = "number"
	case ast.Boolean:
		kind = "bool"
	default:
		return
	}
	if path == "" {
		return
	}
	if k.kinds[key] == nil {
		k.kinds[key] = map[string]map[string]bool{}
	}
	if k.kinds[key][path] == nil {
		k.kinds[key][path] = map[string]bool{}
	}
	k.kinds[key][path][kind] = true
}

func str(obj ast.Object, key string) (string, bool) {
	t := obj.Get(ast.StringTerm(key))
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// runFixtures runs the built-in rules' tests with fixtures.plan and
// fixtures.state recording their resources.
func runFixtures(t *testing.T) *kinds {
	t.Helper()
	ctx := t.Context()
	sources, err := bundles.Sources(true)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(ctx, sources, catalog.Options{Tests: true, AllNamespaces: true})
	if err != nil {
		t.Fatal(err)
	}
	modules := maps.Clone(cat.Modules)
	name := ""
	for n, m := range modules {
		if m.Package.Path.String() == "data.tenet.lib.fixtures" {
			name = n
		}
	}
	if name == "" {
		t.Fatal("no module of package tenet.lib.fixtures")
	}
	text, err := fs.ReadFile(regolib.FS, "lib/fixtures.rego")
	if err != nil {
		t.Fatal(err)
	}
	src := string(text)
	for _, f := range []string{"plan", "state"} {
		head := "\n" + f + "(resources) := {"
		if strings.Count(src, head) != 1 {
			t.Fatalf("fixtures.rego: want one %q", head)
		}
		src = strings.Replace(src, head, "\n_fixture_"+f+"(resources) := {", 1)
		src += "\n" + f + "(resources) := _fixture_" + f + "(resources) if tenet_test_record(resources)\n"
	}
	if modules[name], err = ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1}); err != nil {
		t.Fatal(err)
	}
	rec := &kinds{kinds: map[string]map[string]map[string]bool{}}
	decl := &ast.Builtin{Name: "tenet_test_record", Decl: types.NewFunction(types.Args(types.A), types.B)}
	record := rego.Function1(&rego.Function{Name: decl.Name, Decl: decl.Decl},
		func(_ rego.BuiltinContext, resources *ast.Term) (*ast.Term, error) {
			rec.add(resources)
			return ast.BooleanTerm(true), nil
		})
	runner := tester.NewRunner().
		SetStore(inmem.NewFromObject(cat.Data)).
		SetTimeout(time.Minute).
		AddCustomBuiltins(append(engine.SandboxTesterBuiltins(), &tester.Builtin{Decl: decl, Func: record}))
	ch, err := runner.SetModules(engine.SandboxModules(modules)).RunTests(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for r := range ch {
		if r.Fail || r.Error != nil {
			failed++
		}
	}
	if failed > 0 {
		t.Errorf("%d tests failed with the recording fixtures", failed)
	}
	return rec
}
