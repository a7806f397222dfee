package loader_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tenet-dev/tenet/pkg/loader"
)

// configuredPlan is a plan whose configuration sets attributes in every
// way Terraform writes them: constants, references that are resolved
// (resources) and those that are not (local, each), nested blocks (lists,
// a single block as an object, a map block), an explicit null, an
// expression without references that is not constant ({}: a function
// call), a resource with no expressions, a resource in a module, and a
// resource the configuration does not show.
const configuredPlan = `{
 "format_version": "1.2",
 "resource_changes": [
  {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
   "change": {"actions": ["create"], "after": {}, "after_unknown": {"iam_instance_profile": true}}},
  {"address": "aws_db_instance.db[\"a\"]", "mode": "managed", "type": "aws_db_instance", "name": "db", "index": "a",
   "change": {"actions": ["create"], "after": {}, "after_unknown": {}}},
  {"address": "aws_s3_bucket.empty", "mode": "managed", "type": "aws_s3_bucket", "name": "empty",
   "change": {"actions": ["create"], "after": {}, "after_unknown": {}}},
  {"address": "module.m[0].aws_efs_file_system.fs", "module_address": "module.m[0]", "mode": "managed", "type": "aws_efs_file_system", "name": "fs",
   "change": {"actions": ["create"], "after": {}, "after_unknown": {"encrypted": true}}},
  {"address": "aws_sqs_queue.unlisted", "mode": "managed", "type": "aws_sqs_queue", "name": "unlisted",
   "change": {"actions": ["create"], "after": {}, "after_unknown": {}}}
 ],
 "configuration": {"root_module": {
  "resources": [
   {"address": "aws_instance.web", "expressions": {
     "ami": {"constant_value": "ami-1"},
     "iam_instance_profile": {"references": ["local.profile"]},
     "user_data": {"constant_value": null},
     "tags": {},
     "metadata_options": [{"http_tokens": {"constant_value": "required"}}, {"http_endpoint": {"references": ["each.value"]}}],
     "root_block_device": [{}],
     "timeouts": {"create": {"constant_value": "5m"}},
     "labels": {"a": {"value": {"constant_value": "x"}}}
   }},
   {"address": "aws_db_instance.db", "expressions": {
     "backup_retention_period": {"references": ["each.value.days", "each.value"]},
     "kms_key_id": {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]}
   }},
   {"address": "aws_s3_bucket.empty"}
  ],
  "module_calls": {"m": {"module": {"resources": [
   {"address": "aws_efs_file_system.fs", "expressions": {"encrypted": {"references": ["var.encrypt"]}}}
  ]}}}
 }}
}`

// TestPlanConfigured checks the attribute paths that a plan's
// configuration sets (configured): every expression counts, whatever it
// refers to, and a resource the configuration does not show has none.
func TestPlanConfigured(t *testing.T) {
	doc, err := loader.Parse(t.Context(), "plan.json", []byte(configuredPlan), loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range doc.Resources {
		got[r.Address] = r.Configured
	}
	want := map[string][]string{
		"aws_instance.web": {"ami", "iam_instance_profile", "labels.a.value", "metadata_options.http_endpoint",
			"metadata_options.http_tokens", "tags", "timeouts.create"},
		`aws_db_instance.db["a"]`:            {"backup_retention_period", "kms_key_id"},
		"aws_s3_bucket.empty":                {},
		"module.m[0].aws_efs_file_system.fs": {"encrypted"},
		"aws_sqs_queue.unlisted":             nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("configured (-want +got):\n%s", diff)
	}
	if got["aws_s3_bucket.empty"] == nil {
		t.Error("a resource the configuration shows without expressions has configured [], not none")
	}
}

// TestConfiguredAbsent checks that configured is absent where the input
// has no configuration: a plan without one, and state.
func TestConfiguredAbsent(t *testing.T) {
	inputs := map[string]string{
		"plan.json": `{"format_version": "1.2", "resource_changes": [{"address": "aws_instance.web", "mode": "managed",
		  "type": "aws_instance", "name": "web", "change": {"actions": ["create"], "after": {}, "after_unknown": {"arn": true}}}]}`,
		"state.json": `{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "aws_instance.web",
		  "mode": "managed", "type": "aws_instance", "name": "web", "values": {"ami": "ami-1"}}]}}}`,
	}
	for name, data := range inputs {
		doc, err := loader.Parse(t.Context(), name, []byte(data), loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range doc.Resources {
			if r.Configured != nil {
				t.Errorf("%s: %s has configured %v", name, r.Address, r.Configured)
			}
		}
	}
}
