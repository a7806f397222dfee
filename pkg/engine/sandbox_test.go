package engine_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/engine"
	"github.com/tenet-dev/tenet/pkg/input"
)

// loadPolicy compiles one conftest-style policy file into an engine.
func loadPolicy(t *testing.T, policy string, opts engine.Options) (*engine.Engine, error) {
	t.Helper()
	fsys := fstest.MapFS{"main/policy.rego": {Data: []byte(policy)}}
	cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "custom", FS: fsys}}, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return engine.New(t.Context(), cat, opts)
}

// TestSandboxSchemaRefs is the attack of ../shared/repro/exfil.rego: a
// policy that makes OPA's JSON-schema built-ins fetch a $ref sends data to
// any host (allow_net unset means every host), and a file:// $ref reads any
// local file. A listener on loopback must receive nothing, the file must not
// be read, and the evaluation must fail loudly instead of passing.
func TestSandboxSchemaRefs(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"type": "string"}`))
	}))
	defer srv.Close()

	// A schema file that fails every number: if it is read, the policy
	// reports "read".
	dir := t.TempDir()
	schemaFile := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schemaFile, []byte(`{"type": "string", "definitions": {"s": {"type": "string"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	fileURL := "file://" + schemaFile

	tests := map[string]string{
		"match_schema http ref":         `json.match_schema({"a": 1}, {"$ref": "` + srv.URL + `/exfil/secret"})`,
		"match_schema http ref in text": `json.match_schema({"a": 1}, "{\"$ref\": \"` + srv.URL + `/exfil/secret\"}")`,
		"verify_schema http ref":        `json.verify_schema({"$ref": "` + srv.URL + `/exfil/secret"})`,
		"nested http ref":               `json.match_schema({"a": 1}, {"properties": {"a": {"$ref": "` + srv.URL + `/x"}}})`,
		"http id with relative ref":     `json.match_schema({"a": 1}, {"$id": "` + srv.URL + `/base/", "properties": {"a": {"$ref": "x.json"}}})`,
		"file ref":                      `json.match_schema({"a": 1}, {"$ref": "` + fileURL + `"})`,
		"file ref with fragment":        `json.match_schema({"a": 1}, {"$ref": "` + fileURL + `#/definitions/s"})`,
		"file id with local ref":        `json.match_schema({"a": 1}, {"$id": "` + fileURL + `", "$ref": "#/definitions/s"})`,
		"draft-4 id":                    `json.match_schema({"a": 1}, {"id": "` + fileURL + `", "$ref": "#/definitions/s"})`,
		"mocked with":                   `json.match_schema({"a": 1}, {"$ref": "` + fileURL + `"}) with input as {}`,
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			policy := "package main\n\nimport rego.v1\n\ndeny contains \"read\" if {\n\tr := " + call + "\n\tr[0] == false\n}\n"
			e, err := loadPolicy(t, policy, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc := input.Document{Schema: input.Schema, Source: input.Source{Path: "x.json", Format: input.FormatJSON}, Raw: map[string]any{}}
			res, err := e.Eval(t.Context(), doc)
			if err == nil {
				t.Errorf("evaluation passed (%d findings); want an error naming the refused reference", len(res.Findings))
			} else if !strings.Contains(err.Error(), "schema reference") {
				t.Errorf("error %q does not say a schema reference was refused", err)
			} else if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), dir) {
				t.Errorf("error %q quotes the reference, which can carry a secret", err)
			}
			for _, f := range res.Findings {
				t.Errorf("finding %q: the referenced schema was loaded", f.Message)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback listener received %d requests; want none", n)
	}
}

// TestSandboxSchemaLocal shows the schema built-ins still work on schemas
// that stay inside themselves: local "#/..." references and none.
func TestSandboxSchemaLocal(t *testing.T) {
	const policy = `package main

import rego.v1

deny contains "match" if {
	r := json.match_schema({"a": "x"}, {"definitions": {"s": {"type": "object"}}, "$ref": "#/definitions/s"})
	r[0] == true
}

deny contains "mismatch" if {
	r := json.match_schema({"a": 1}, {"type": "string"})
	r[0] == false
	count(r[1]) == 1
}

deny contains "valid" if {
	r := json.verify_schema({"type": "object", "properties": {"id": {"type": "string"}}, "enum": [{"$ref": "http://x/"}]})
	r[0] == true
}

deny contains "mocked" if {
	json.match_schema({"a": 1}, {}) with json.match_schema as [false, []]
	false
}
`
	e, err := loadPolicy(t, policy, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: "x.json", Format: input.FormatJSON}, Raw: map[string]any{}}
	res, err := e.Eval(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Message)
	}
	if strings.Join(got, ",") != "match,mismatch,valid" {
		t.Errorf("findings %v, want match, mismatch and valid", got)
	}
}

// TestSandboxNoNetwork: OPA reads an unset allow_net as "any host"; tenet's
// capabilities allow none unless a network built-in is allowed by name.
func TestSandboxNoNetwork(t *testing.T) {
	if caps := engine.Capabilities(nil); caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("allow_net = %#v, want an empty list (no host)", caps.AllowNet)
	}
	if caps := engine.Capabilities([]string{"http.send"}); caps.AllowNet != nil {
		t.Errorf("with http.send allowed, allow_net = %#v, want unset (any host)", caps.AllowNet)
	}
}

// TestMaskedForCustomRules: the same rule sees a sensitive value when it
// is built in and "(sensitive value)" when it comes from a policy, unless
// SensitiveToCustom is set.
func TestMaskedForCustomRules(t *testing.T) {
	rule := func(id, pkg string) string {
		return `# METADATA
# title: Prints the password
# description: Test rule.
# scope: package
# custom:
#   id: ` + id + `
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance]
#   controls:
#     nist-800-53-r5: ["SC-28"]
#   remediation: None.
package ` + pkg + `

import rego.v1

deny contains {"msg": r.values.password, "resource": r.address} if {
	some r in input.resources
}
`
	}
	builtinFS := fstest.MapFS{".manifest": {Data: []byte(`{"roots": ["tenet/b"]}`)}, "b.rego": {Data: []byte(rule("TST-B-001", "tenet.b"))}, "nist.json": {Data: []byte(nistCatalog)}}
	customFS := fstest.MapFS{".manifest": {Data: []byte(`{"roots": ["tenet/c"]}`)}, "c.rego": {Data: []byte(rule("TST-C-001", "tenet.c"))}}
	doc := input.Document{Schema: input.Schema, Source: input.Source{Path: "plan.json", Format: input.FormatTerraformPlan},
		Resources: []input.Resource{{Address: "aws_db_instance.main", Type: "aws_db_instance", Action: "create", Mode: "managed",
			Values: map[string]any{"password": "hunter22"}, Sensitive: []string{"password"}}}}
	for _, allow := range []bool{false, true} {
		cat, err := catalog.Load(t.Context(), []catalog.Source{{Path: "b", FS: builtinFS, Builtin: true}, {Path: "c", FS: customFS}}, catalog.Options{})
		if err != nil {
			t.Fatal(err)
		}
		e, err := engine.New(t.Context(), cat, engine.Options{SensitiveToCustom: allow})
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Eval(t.Context(), doc)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range res.Findings {
			got[f.RuleID] = f.Message
		}
		want := map[string]string{"TST-B-001": "hunter22", "TST-C-001": input.Redacted}
		if allow {
			want["TST-C-001"] = "hunter22"
		}
		if got["TST-B-001"] != want["TST-B-001"] || got["TST-C-001"] != want["TST-C-001"] {
			t.Errorf("SensitiveToCustom=%v: messages %v, want %v", allow, got, want)
		}
	}
}
