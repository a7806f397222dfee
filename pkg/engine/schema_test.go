package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tenet-dev/tenet/pkg/loader"
)

const inputSchema = "../../docs/schema/input-v1.json"

// compileWithInputSchema type-checks modules against the input schema, as
// `opa check --strict -s docs/schema/input-v1.json` does in make lint.
func compileWithInputSchema(t *testing.T, modules map[string]*ast.Module) ast.Errors {
	t.Helper()
	data, err := os.ReadFile(inputSchema)
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, raw)
	c := ast.NewCompiler().WithSchemas(ss).WithStrict(true).WithCapabilities(Capabilities(nil))
	c.Compile(modules)
	return c.Errors
}

// TestRulesTypeCheckAgainstInputSchema: every built-in rule reads only
// what tenet.input/v1 has; a rule that reads input.resourcez or r.adress
// fails to compile against the schema.
func TestRulesTypeCheckAgainstInputSchema(t *testing.T) {
	if errs := compileWithInputSchema(t, builtinCatalog(t).Modules); len(errs) > 0 {
		t.Fatalf("built-in rules against the input schema: %v", errs)
	}
	broken, err := ast.ParseModuleWithOpts("broken.rego", `package tenet.test.broken
import rego.v1
deny contains r.address if { some r in input.resourcez }
warn contains r.adress if { some r in input.resources }
`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	errs := compileWithInputSchema(t, map[string]*ast.Module{"broken.rego": broken})
	text := errs.Error()
	if !strings.Contains(text, "input.resourcez") || !strings.Contains(text, "r.adress") {
		t.Errorf("the schema did not catch the broken reads: %v", errs)
	}
}

// TestLoaderOutputMatchesInputSchema: the documents the loader makes of the
// examples, generated plans and manifests and ../shared/data are valid
// against the schema that rules are checked with.
func TestLoaderOutputMatchesInputSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(inputSchema)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, pattern := range []string{"../../test/examples/*", "../../../shared/data/*/*/*", "../../../shared/data/*/*", "../../test/e2e/testdata/inputs/*"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	n := 0
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		doc, err := loader.Read(t.Context(), p, loader.Options{})
		if err != nil {
			continue // malformed inputs
		}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		n++
	}
	if n < 5 {
		t.Fatalf("%d documents validated: the test checks too little", n)
	}
}
