package tenet

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/test/bench"
)

// secretPlan is a plan whose database password Terraform marks sensitive;
// the same password is also in a variable, in prior state and inside a
// connection string. A sensitive output and a sensitive variable hold
// secrets of their own that no resource holds.
const secretPlan = `{"format_version": "1.2", "terraform_version": "1.9.5",
 "variables": {"db_password": {"value": "correct-horse-battery"}, "api_key": {"value": "sk-variable-secret"}},
 "output_changes": {"token": {"actions": ["create"], "before": null, "after": {"id": "tok-output-secret"}, "after_unknown": false, "before_sensitive": false, "after_sensitive": {"id": true}}},
 "planned_values": {"outputs": {"token": {"sensitive": true, "value": {"id": "tok-output-secret"}}}, "root_module": {}},
 "configuration": {"root_module": {"variables": {"api_key": {"sensitive": true}, "db_password": {}}}},
 "resource_changes": [{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
  "change": {"actions": ["create"], "before": null,
   "after": {"password": "correct-horse-battery", "username": "admin", "dsn": "postgres://admin:correct-horse-battery@db"},
   "after_unknown": {}, "after_sensitive": {"password": true}}}],
 "prior_state": {"values": {"root_module": {"resources": [{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main", "values": {"password": "correct-horse-battery"}}]}}}
}`

// exfilRaw prints, encoded past message redaction, everything a
// conftest-style policy can reach on the raw plan.
const exfilRaw = `package main

import rego.v1

deny contains base64.encode(input.resource_changes[0].change.after.password)

deny contains base64.encode(input.variables.db_password.value)

deny contains base64.encode(input.resource_changes[0].change.after.dsn)

deny contains base64.encode(input.prior_state.values.root_module.resources[0].values.password)

deny contains base64.encode(input.variables.api_key.value)

deny contains base64.encode(input.output_changes.token.after.id)

deny contains base64.encode(input.planned_values.outputs.token.value.id)
`

// exfilNative is the same through the normalized document.
const exfilNative = `# METADATA
# title: Leaks
# description: Test rule.
# scope: package
# custom:
#   id: EVIL-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance]
package evil

import rego.v1

deny contains {"msg": base64.encode(r.values.password), "resource": r.address} if {
	some r in input.resources
}
`

// TestCustomPolicySensitive is the attack of a custom policy that prints
// a sensitive value encoded, which message redaction cannot recognise:
// custom policies see "(sensitive value)" in its place, everywhere in the
// document and the raw file, unless WithSensitiveForPolicies allows them.
func TestCustomPolicySensitive(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(plan, []byte(secretPlan), 0o600); err != nil {
		t.Fatal(err)
	}
	bundle := fstest.MapFS{
		"main/exfil.rego": {Data: []byte(exfilRaw)},
		"evil/evil.rego":  {Data: []byte(exfilNative)},
	}
	secret := "correct-horse-battery"
	enc := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	scan := func(t *testing.T, opts ...Option) string {
		t.Helper()
		res, err := Scan(t.Context(), []string{plan}, append([]Option{WithoutBuiltins(), withBundleFS(bundle)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", res.Errors)
		}
		var msgs []string
		for _, f := range res.Findings {
			msgs = append(msgs, f.Message)
		}
		if len(msgs) == 0 {
			t.Fatal("no findings: the policies did not run")
		}
		return strings.Join(msgs, "\n")
	}
	got := scan(t)
	for _, leaked := range []string{enc(secret), enc("postgres://admin:" + secret + "@db"), enc("sk-variable-secret"), enc("tok-output-secret")} {
		if strings.Contains(got, leaked) {
			t.Errorf("a custom policy carried the secret out encoded (%s):\n%s", leaked, got)
		}
	}
	if !strings.Contains(got, enc("(sensitive value)")) || !strings.Contains(got, enc("postgres://admin:(sensitive value)@db")) {
		t.Errorf("custom policies should see the marker in place of the secret:\n%s", got)
	}
	if got := scan(t, WithSensitiveForPolicies(true)); !strings.Contains(got, enc(secret)) {
		t.Errorf("with WithSensitiveForPolicies the policy should see the value:\n%s", got)
	}
}

// TestCustomPolicySensitiveConfig is the same attack on a Terraform
// configuration directory: a sensitive variable's value reaches a
// resource through a tfvars file, and another's default is used by no
// resource. Neither leaves encoded, through the document or the
// conftest-style view of the files.
func TestCustomPolicySensitiveConfig(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"main.tf": `
variable "db_password" {
  sensitive = true
}
variable "unused_key" {
  default   = "sk-unused-default"
  sensitive = true
}
resource "aws_db_instance" "main" {
  password = var.db_password
  dsn      = "postgres://admin:${var.db_password}@db"
}`,
		"terraform.tfvars": `db_password = "correct-horse-battery"`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	bundle := fstest.MapFS{
		"main/exfil.rego": {Data: []byte(`package main

import rego.v1

deny contains base64.encode(input.variable.unused_key[0]["default"])

deny contains base64.encode(json.marshal(input))
`)},
		"evil/evil.rego": {Data: []byte(exfilNative)},
	}
	res, err := Scan(t.Context(), []string{dir}, WithoutBuiltins(), withBundleFS(bundle))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Message)
		if b, err := base64.StdEncoding.DecodeString(f.Message); err == nil {
			msgs = append(msgs, string(b))
		}
	}
	got := strings.Join(msgs, "\n")
	if len(res.Findings) < 3 {
		t.Fatalf("the policies did not all run: %v", got)
	}
	for _, secret := range []string{"correct-horse-battery", "sk-unused-default"} {
		if strings.Contains(got, secret) {
			t.Errorf("a custom policy carried %q out:\n%s", secret, got)
		}
	}
}

// exfilFile reads the plan it judges itself, raw, through conftest's file
// built-ins, to get past the masking of its input; and returns a secret
// in a result object's details, which message redaction did not reach.
const exfilFile = `package main

import rego.v1

deny contains base64.encode(parse_config_file("../plan.json").resource_changes[0].change.after.password)

deny contains base64.encode(json.marshal(parse_config_file("../plan.json")))

deny contains base64.encode(json.marshal(parse_combined_config_files(["../plan.json"])))

deny contains {"msg": "details", "details": {"file": parse_config_file("../plan.json").variables.api_key.value, "input": input.resource_changes[0].change.after.password}}
`

// TestCustomPolicySensitiveFile is the attack of a policy that reads its
// own input (or any plan) through parse_config_file, raw, and of secrets
// returned in a result's details: the file built-ins mask what they
// return as the input is masked, and the metadata of a finding is
// redacted as its message is, with WithSensitiveForPolicies too.
func TestCustomPolicySensitiveFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("plan.json", []byte(secretPlan), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("policy", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("policy/exfil.rego", []byte(exfilFile), 0o600); err != nil {
		t.Fatal(err)
	}
	enc := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	secrets := []string{"correct-horse-battery", "sk-variable-secret", "tok-output-secret"}
	scan := func(t *testing.T, opts ...Option) (string, []finding.Finding) {
		t.Helper()
		res, err := Scan(t.Context(), []string{"plan.json"}, append([]Option{WithoutBuiltins(), WithPolicy("policy")}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", res.Errors)
		}
		if len(res.Findings) != 4 {
			t.Fatalf("%d findings, want 4: the policy did not all run: %v", len(res.Findings), res.Findings)
		}
		b, err := json.Marshal(res.Findings)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), res.Findings
	}
	got, _ := scan(t)
	for _, s := range secrets {
		if strings.Contains(got, enc(s)) || strings.Contains(got, s) {
			t.Errorf("a policy carried %q out of the file it read:\n%s", s, got)
		}
	}
	// The encoded marshals hold the secrets only past base64: decode them.
	for _, f := range strings.Split(got, `"`) {
		if b, err := base64.StdEncoding.DecodeString(f); err == nil {
			for _, s := range secrets {
				if strings.Contains(string(b), s) {
					t.Errorf("a policy carried %q out encoded: %s", s, b)
				}
			}
		}
	}
	if !strings.Contains(got, enc(input.Redacted)) {
		t.Errorf("the file read should show the marker in place of the secret:\n%s", got)
	}
	// Allowed to see secrets, the policy reads them, but a finding still
	// prints none in clear, in its metadata as in its message.
	got, fs := scan(t, WithSensitiveForPolicies(true))
	if !strings.Contains(got, enc("correct-horse-battery")) {
		t.Errorf("with WithSensitiveForPolicies the policy should see the value:\n%s", got)
	}
	for _, f := range fs {
		if f.Metadata == nil {
			continue
		}
		md, _ := json.Marshal(f.Metadata)
		if strings.Contains(string(md), "correct-horse-battery") || strings.Contains(string(md), "sk-variable-secret") || !strings.Contains(string(md), input.Redacted) {
			t.Errorf("metadata not redacted: %s", md)
		}
	}
}

// TestCustomPolicySensitiveRefHead is the attack of a policy that adds to a
// built-in rule from outside its package: in package tenet, a rule whose
// head reference reaches into a built-in rule's package
// (aws.rds.auto_minor_upgrade.deny). The built-in rule then holds code from
// outside the built-ins, so it is evaluated as a custom policy is, on the
// document with its secrets masked: the encoded secret never leaves.
func TestCustomPolicySensitiveRefHead(t *testing.T) {
	dir, pol := t.TempDir(), t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(plan, []byte(secretPlan), 0o600); err != nil {
		t.Fatal(err)
	}
	const policy = `package tenet

import rego.v1

aws.rds.auto_minor_upgrade.deny contains {"msg": base64.encode(r.values.password), "resource": r.address} if {
	some r in input.resources
	r.type == "aws_db_instance"
}
`
	if err := os.WriteFile(filepath.Join(pol, "p.rego"), []byte(policy), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := Scan(t.Context(), []string{plan}, WithPolicy(pol))
	if res == nil {
		t.Fatal(err)
	}
	enc := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	var seen bool
	for _, f := range res.Findings {
		if strings.Contains(f.Message, enc("correct-horse-battery")) {
			t.Errorf("%s carried the secret out encoded: %s", f.RuleID, f.Message)
		}
		seen = seen || f.Message == enc("(sensitive value)")
	}
	if !seen {
		t.Error("the added rule did not run on the masked document")
	}
}

// TestCustomPolicySensitiveWholeResource is the attack of
// TestCustomPolicySensitive on a resource Terraform marks sensitive whole
// (after_sensitive: true): its values, and their copies in another
// resource and in the raw plan, leave no custom policy encoded. Such a
// resource once gave no secret at all, and custom policies saw the plan
// unmasked.
func TestCustomPolicySensitiveWholeResource(t *testing.T) {
	const secret = "whole-resource-secret"
	plan := filepath.Join(t.TempDir(), "plan.json")
	data := `{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {}},
 "resource_changes": [
  {"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
   "change": {"actions": ["create"], "before": null, "after": {"password": "` + secret + `"}, "after_unknown": {}, "after_sensitive": true}},
  {"address": "aws_ssm_parameter.copy", "mode": "managed", "type": "aws_ssm_parameter", "name": "copy",
   "change": {"actions": ["create"], "before": null, "after": {"value": "dsn:` + secret + `"}, "after_unknown": {}, "after_sensitive": {}}}]}`
	if err := os.WriteFile(plan, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	raw := `package main

import rego.v1

deny contains base64.encode(json.marshal(input.resource_changes))
`
	native := strings.Replace(exfilNative, `base64.encode(r.values.password)`, `base64.encode(json.marshal(r.values))`, 1)
	native = strings.Replace(native, `resource_types: [aws_db_instance]`, `resource_types: [aws_db_instance, aws_ssm_parameter]`, 1)
	bundle := fstest.MapFS{"main/exfil.rego": {Data: []byte(raw)}, "evil/evil.rego": {Data: []byte(native)}}
	res, err := Scan(t.Context(), []string{plan}, WithoutBuiltins(), withBundleFS(bundle))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 || len(res.Findings) != 3 {
		t.Fatalf("errors %v, %d findings: want the raw rule's one and the native rule's two", res.Errors, len(res.Findings))
	}
	for _, f := range res.Findings {
		decoded, err := base64.StdEncoding.DecodeString(f.Message)
		if err != nil {
			t.Fatalf("%q: %v", f.Message, err)
		}
		if strings.Contains(string(decoded), secret) || strings.Contains(f.Message, secret) {
			t.Errorf("a custom policy carried the wholly sensitive resource's value out: %s", decoded)
		}
		if !strings.Contains(string(decoded), input.Redacted) {
			t.Errorf("the policy should see the marker in place of the value: %s", decoded)
		}
	}
}

// TestCustomPolicySensitiveSharded is the attack on a plan large enough to
// be evaluated in shards, where a custom group sees masked only the
// resources its shards read: policies that shard, reading through
// lib/terraform a type that holds the secret and one that holds a copy of
// it, and one that reads input.resources (the whole document) carry
// nothing out encoded, and every resource they judge is seen masked.
func TestCustomPolicySensitiveSharded(t *testing.T) {
	const secret = "sharded-plan-secret"
	var b bytes.Buffer
	if err := bench.WritePlan(&b, 700, []string{"aws_s3_bucket", "aws_instance", "aws_iam_role"}, 3); err != nil {
		t.Fatal(err)
	}
	var plan map[string]any
	if err := json.Unmarshal(b.Bytes(), &plan); err != nil {
		t.Fatal(err)
	}
	change := func(typ, name string, after, sensitive map[string]any) map[string]any {
		return map[string]any{"address": typ + "." + name, "mode": "managed", "type": typ, "name": name,
			"change": map[string]any{"actions": []any{"create"}, "before": nil, "after": after, "after_unknown": map[string]any{}, "after_sensitive": sensitive}}
	}
	plan["resource_changes"] = append(plan["resource_changes"].([]any),
		change("aws_db_instance", "main", map[string]any{"password": secret, "dsn": "postgres://admin:" + secret + "@db"}, map[string]any{"password": true}),
		change("aws_ssm_parameter", "copy", map[string]any{"value": "dsn:" + secret}, map[string]any{}))
	data, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	sharded := func(id, typ string) string {
		return strings.NewReplacer("EVIL-001", id, "package evil", "package evil."+strings.ToLower(strings.ReplaceAll(id, "-", "_")),
			"resource_types: [aws_db_instance]", "resource_types: ["+typ+"]",
			"import rego.v1\n", "import rego.v1\n\nimport data.tenet.lib.terraform\n",
			"some r in input.resources", `some r in terraform.resources("`+typ+`")`,
			"base64.encode(r.values.password)", "base64.encode(json.marshal(r.values))").Replace(exfilNative)
	}
	bundle := fstest.MapFS{
		"db/db.rego":    {Data: []byte(sharded("EVIL-002", "aws_db_instance"))},
		"ssm/ssm.rego":  {Data: []byte(sharded("EVIL-003", "aws_ssm_parameter"))},
		"bucket/b.rego": {Data: []byte(sharded("EVIL-004", "aws_s3_bucket"))},
	}
	whole := maps.Clone(bundle)
	whole["evil/evil.rego"] = &fstest.MapFile{Data: []byte(exfilNative)}
	for _, tc := range []struct {
		opts  []Option
		whole bool // a rule reads the whole document
	}{
		{[]Option{WithoutBuiltins(), withBundleFS(bundle)}, false},
		{[]Option{withBundleFS(bundle)}, false},
		{[]Option{WithoutBuiltins(), withBundleFS(whole)}, true},
	} {
		s, err := New(t.Context(), tc.opts...)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Scan(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", res.Errors)
		}
		seen := map[string]int{}
		for _, f := range res.Findings {
			if !strings.HasPrefix(f.RuleID, "EVIL-") {
				continue
			}
			seen[f.RuleID]++
			decoded, err := base64.StdEncoding.DecodeString(f.Message)
			if err != nil {
				t.Fatalf("%s %q: %v", f.RuleID, f.Message, err)
			}
			if strings.Contains(string(decoded), secret) {
				t.Errorf("%s carried the secret out: %s", f.RuleID, decoded)
			}
			if f.Resource != "" && !strings.Contains(f.Resource, "aws_s3_bucket") && !strings.Contains(string(decoded), input.Redacted) {
				t.Errorf("%s judged %s unmasked: %s", f.RuleID, f.Resource, decoded)
			}
		}
		if seen["EVIL-002"] != 1 || seen["EVIL-003"] != 1 || seen["EVIL-004"] == 0 || tc.whole != (seen["EVIL-001"] == 1) {
			t.Errorf("findings by rule %v: want each rule to judge its resources", seen)
		}
	}
}
