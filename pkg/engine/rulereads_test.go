package engine

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/tenet-dev/tenet/pkg/catalog"
	"github.com/tenet-dev/tenet/pkg/input"
	"github.com/tenet-dev/tenet/test/bench"
)

// TestRuleReadTypes: a rule reads the constants of the rules it reaches,
// not of every rule of the packages it imports; and where a reference
// names no rule, every rule of the package counts.
func TestRuleReadTypes(t *testing.T) {
	sources := map[string]string{
		"lib/terraform.rego": `package tenet.lib.terraform
import rego.v1
_live := [r | some r in input.resources]
resources(type) := [r | some r in _live; r.type == type]
`,
		"lib/helper.rego": `package tenet.lib.helper
import rego.v1
import data.tenet.lib.terraform
logs := terraform.resources("aws_flow_log")
trails := terraform.resources("aws_cloudtrail")
chained := _chain("x")
_chain(x) := terraform.resources("aws_config_rule") if x == "y"
else := terraform.resources("aws_config_recorder")
default picked := "aws_default_vpc"
picked := "aws_vpc" if count(keys) > 1
deep := other.alarms
import data.tenet.lib.other
`,
		"lib/helper2.rego": `package tenet.lib.helper
import rego.v1
import data.tenet.lib.terraform
# Another module of the same package.
keys := terraform.resources("aws_kms_key")
`,
		"lib/other.rego": `package tenet.lib.other
import rego.v1
import data.tenet.lib.terraform
alarms := terraform.resources("aws_cloudwatch_metric_alarm")
topics := terraform.resources("aws_sns_topic")
`,
	}
	tests := []struct {
		name  string
		rules string
		want  []string
	}{
		{name: "one helper", rules: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.logs }`,
			want: []string{"aws_flow_log", "aws_s3_bucket"}},
		{name: "a local helper", rules: `import data.tenet.lib.terraform
deny contains r.address if { some r in _mine }
_mine := terraform.resources("aws_s3_bucket_acl")
_unused := terraform.resources("aws_iam_user")`,
			want: []string{"aws_s3_bucket", "aws_s3_bucket_acl"}},
		{name: "else and default definitions", rules: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.chained; r.x == helper.picked }`,
			want: []string{"aws_config_recorder", "aws_config_rule", "aws_default_vpc", "aws_kms_key", "aws_s3_bucket", "aws_vpc"}},
		{name: "through another package", rules: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.deep }`,
			want: []string{"aws_cloudwatch_metric_alarm", "aws_s3_bucket"}},
		{name: "another module of the package", rules: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.keys }`,
			want: []string{"aws_kms_key", "aws_s3_bucket"}},
		{name: "an imported rule", rules: `import data.tenet.lib.helper.trails
deny contains r.address if { some r in trails }`,
			want: []string{"aws_cloudtrail", "aws_s3_bucket"}},
		{name: "the full path", rules: `deny contains r.address if { some r in data.tenet.lib.helper.trails }`,
			want: []string{"aws_cloudtrail", "aws_s3_bucket"}},
		{name: "no rule named: the whole package", rules: `import data.tenet.lib.other
deny contains r.address if { some k; some r in other[k] }`,
			want: []string{"aws_cloudwatch_metric_alarm", "aws_s3_bucket", "aws_sns_topic"}},
		{name: "the other eval of the rule", rules: `import data.tenet.lib.helper
deny contains r.address if { some r in helper.logs }
unknown contains r.address if { some r in helper.trails }`,
			want: []string{"aws_cloudtrail", "aws_flow_log", "aws_s3_bucket"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			all := map[string]string{"rule.rego": "package tenet.aws.s3.rule\nimport rego.v1\n" + tc.rules}
			for name, src := range sources {
				all[name] = src
			}
			byPkg, builtin := parseByPackage(t, all, func(string) bool { return true })
			got, ok := newReads(byPkg, builtin).ruleReadTypes("data.tenet.aws.s3.rule", []string{"deny", "unknown"}, []string{"aws_s3_bucket"})
			if !ok {
				t.Fatal("reads not known")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("reads (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRuleReadsOfAnOutsideModule: a policy from outside the built-ins
// that adds to a built-in rule's set through a rule head reference
// (package tenet, aws.s3.versioning.deny) reads the types it names there;
// the shard of that rule must hold them, or its findings are silently
// lost. Sharded and whole evaluation must agree.
func TestRuleReadsOfAnOutsideModule(t *testing.T) {
	sources := builtinSources(t)
	sources = append(sources, catalog.Source{Path: "policy", FS: fstest.MapFS{
		"extra.rego": {Data: []byte(`package tenet

import rego.v1

import data.tenet.lib.terraform

aws.s3.versioning.deny contains {"msg": "an extra finding", "resource": k.address} if {
	some k in terraform.resources("aws_kms_key")
	extra_kms(k)
}

extra_kms(k) if k.type == "aws_kms_key"
`)},
	}})
	cat, err := catalog.Load(t.Context(), sources, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bench.WritePlan(&buf, 600, []string{"aws_s3_bucket", "aws_kms_key"}, 5); err != nil {
		t.Fatal(err)
	}
	whole, sharded := wholeAndSharded(t, cat, 3)
	_, findings := compareEngines(t, map[string][]byte{"plan.json": buf.Bytes()}, whole, sharded, func(input.Document) bool { return true })
	if findings == 0 {
		t.Fatal("no findings: the test checks nothing")
	}
	if messageCount(t, sharded, buf.Bytes(), "an extra finding") == 0 {
		t.Fatal("the outside module's findings are missing")
	}
}

// TestRuleReadTypesComputedName: a package whose only rule defines it
// whole from a package above (package tenet.lib, whole := ...) has no rule
// of a constant name there; reading the package as a whole still reads it.
func TestRuleReadTypesComputedName(t *testing.T) {
	parse := func(name, src string) *ast.Module {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	lib := parse("terraform.rego", `package tenet.lib.terraform
import rego.v1
_live := [r | some r in input.resources]
resources(type) := [r | some r in _live; r.type == type]
`)
	whole := parse("whole.rego", `package tenet.lib
import rego.v1
import data.tenet.lib.terraform
whole := {"topics": terraform.resources("aws_sns_topic")}
`)
	rule := parse("rule.rego", `package tenet.aws.s3.rule
import rego.v1
deny contains r.address if { some k; some r in data.tenet.lib.whole[k] }
`)
	byPkg := map[string][]*ast.Module{
		"data.tenet.lib.terraform": {lib},
		"data.tenet.lib.whole":     {whole},
		"data.tenet.aws.s3.rule":   {rule},
	}
	builtin := map[*ast.Module]bool{lib: true, whole: true, rule: true}
	got, ok := newReads(byPkg, builtin).ruleReadTypes("data.tenet.aws.s3.rule", []string{"deny"}, []string{"aws_s3_bucket"})
	if !ok || !slices.Contains(got, "aws_sns_topic") {
		t.Errorf("reads %v (known %v), want aws_sns_topic among them", got, ok)
	}
}

// BenchmarkRuleReadTypes reads the types of every built-in rule, as a
// large plan's first scan does to plan its shards (one op: the whole
// library, from fresh reads). It ran at a quarter of a second of a 10k
// scan's CPU while each reference a rule makes parsed its package's name.
func BenchmarkRuleReadTypes(b *testing.B) {
	cat := builtinCatalog(b)
	byPkg, builtin := modulesByPackage(cat)
	names := map[string][]string{}
	for _, ev := range cat.Evals {
		pkg, name := splitRef(ev.Ref)
		names[pkg] = append(names[pkg], name)
	}
	for b.Loop() {
		known := newReads(byPkg, builtin)
		for pkg, ns := range names {
			known.ruleReadTypes(pkg, ns, []string{"aws_s3_bucket"})
		}
	}
}
