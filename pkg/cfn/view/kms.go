package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::KMS::Key":                         kmsKey,
		"AWS::SecretsManager::Secret":           secret,
		"AWS::SecretsManager::RotationSchedule": secretRotation,
	})
}

// kmsKey is an aws_kms_key. The defaults agree: rotation off, a symmetric
// ENCRYPT_DECRYPT key, and without KeyPolicy the default policy, which
// trusts the account only (policy left out, as Terraform computes it).
func kmsKey(v *View, src *cfn.Resource) {
	k := v.Main(src, "aws_kms_key")
	k.Set("description", "Description")
	k.SetFunc("enable_key_rotation", "EnableKeyRotation", Bool)
	k.SetFunc("rotation_period_in_days", "RotationPeriodInDays", Number)
	k.SetFunc("is_enabled", "Enabled", Bool)
	k.Set("key_usage", "KeyUsage")
	k.Set("customer_master_key_spec", "KeySpec")
	k.SetFunc("multi_region", "MultiRegion", Bool)
	k.SetFunc("deletion_window_in_days", "PendingWindowInDays", Number)
	k.Policy("policy", "KeyPolicy")
	k.Tags("tags", "Tags")
}

// secret is an aws_secretsmanager_secret; its rotation is a separate
// AWS::SecretsManager::RotationSchedule, as aws_secretsmanager_secret_rotation.
func secret(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_secretsmanager_secret")
	s.Set("name", "Name")
	s.Set("description", "Description")
	s.Set("kms_key_id", "KmsKeyId")
	s.Tags("tags", "Tags")
}

// secretRotation is an aws_secretsmanager_secret_rotation pointing at its
// secret through secret_id. A hosted rotation (HostedRotationLambda) has
// no function of the template's own: its schedule is what the rule judges.
func secretRotation(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_secretsmanager_secret_rotation")
	r.Set("secret_id", "SecretId")
	r.Set("rotation_lambda_arn", "RotationLambdaARN")
	r.SetFunc("rotate_immediately", "RotateImmediatelyOnUpdate", Bool)
	const rules = "RotationRules"
	if r.Unknown(rules) {
		r.UnknownAttr("rotation_rules", rules)
		return
	}
	if r.Has(rules) {
		const to = "rotation_rules.0"
		r.SetFunc(to+".automatically_after_days", rules+".AutomaticallyAfterDays", Number)
		r.Set(to+".schedule_expression", rules+".ScheduleExpression")
		r.Set(to+".duration", rules+".Duration")
	}
}
