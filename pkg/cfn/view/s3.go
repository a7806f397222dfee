package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::S3::Bucket":       s3Bucket,
		"AWS::S3::BucketPolicy": s3BucketPolicy,
	})
}

// cannedACLs are AccessControl's words for the canned ACLs.
var cannedACLs = map[string]string{
	"Private": "private", "PublicRead": "public-read", "PublicReadWrite": "public-read-write",
	"AuthenticatedRead": "authenticated-read", "LogDeliveryWrite": "log-delivery-write",
	"BucketOwnerRead": "bucket-owner-read", "BucketOwnerFullControl": "bucket-owner-full-control",
	"AwsExecRead": "aws-exec-read",
}

// s3Bucket is an aws_s3_bucket and, for each setting the template writes,
// the resource that provider v4+ keeps it in (versioning, encryption,
// logging, public access block, ownership controls), pointing at the
// bucket as a Terraform configuration would.
func s3Bucket(v *View, src *cfn.Resource) {
	b := v.Main(src, "aws_s3_bucket")
	b.Set("bucket", "BucketName")
	b.SetFunc("acl", "AccessControl", Enum(cannedACLs))
	b.Tags("tags", "Tags")
	b.Set("object_lock_enabled", "ObjectLockEnabled")

	if b.Writes("VersioningConfiguration") {
		ver := v.Part(src, "aws_s3_bucket_versioning", "VersioningConfiguration", b, "bucket")
		ver.Set("versioning_configuration.0.status", "VersioningConfiguration.Status")
		// MFA delete is turned on by the root user through the API, never
		// by CloudFormation: a template cannot show it either way.
		ver.UnknownAttr("versioning_configuration.0.mfa_delete", "VersioningConfiguration")
	}
	// Replication (TNT-AWS-S3-012): the rules' statuses, which say whether
	// the bucket replicates, and destinations, which say which buckets are
	// replicas.
	if b.Writes("ReplicationConfiguration") {
		const rules = "ReplicationConfiguration.Rules"
		rep := v.Part(src, "aws_s3_bucket_replication_configuration", "ReplicationConfiguration", b, "bucket")
		rep.Set("role", "ReplicationConfiguration.Role")
		if rep.Unknown(rules) {
			rep.UnknownAttr("rule", rules)
		}
		for i := range rep.Len(rules) {
			rule, from := "rule."+strconv.Itoa(i), rules+"."+strconv.Itoa(i)
			rep.Set(rule+".status", from+".Status")
			rep.Set(rule+".destination.0.bucket", from+".Destination.Bucket")
		}
	}
	const sse = "BucketEncryption.ServerSideEncryptionConfiguration"
	if b.Writes("BucketEncryption") {
		enc := v.Part(src, "aws_s3_bucket_server_side_encryption_configuration", "BucketEncryption", b, "bucket")
		if enc.Unknown(sse) {
			enc.UnknownAttr("rule", sse)
		}
		for i := range enc.Len(sse) {
			rule, from := "rule."+strconv.Itoa(i), sse+"."+strconv.Itoa(i)
			enc.Set(rule+".apply_server_side_encryption_by_default.0.sse_algorithm", from+".ServerSideEncryptionByDefault.SSEAlgorithm")
			enc.Set(rule+".apply_server_side_encryption_by_default.0.kms_master_key_id", from+".ServerSideEncryptionByDefault.KMSMasterKeyID")
			enc.SetFunc(rule+".bucket_key_enabled", from+".BucketKeyEnabled", Bool)
		}
	}
	switch {
	case b.Unknown("LoggingConfiguration"):
		// Whether the bucket logs at all waits on the deployment (a
		// condition on a parameter): a separate logging resource with an
		// unknown target would count as logging, so the bucket's own
		// (provider v3) logging block is written, unknown.
		b.UnknownAttr("logging", "LoggingConfiguration")
	case b.Has("LoggingConfiguration"):
		logs := v.Part(src, "aws_s3_bucket_logging", "LoggingConfiguration", b, "bucket")
		if logs.Has("LoggingConfiguration.DestinationBucketName") {
			logs.Set("target_bucket", "LoggingConfiguration.DestinationBucketName")
		} else {
			// Without a destination, the bucket logs into itself.
			logs.Link("target_bucket", b)
		}
		logs.Set("target_prefix", "LoggingConfiguration.LogFilePrefix")
	}
	const pab = "PublicAccessBlockConfiguration"
	if b.Writes(pab) {
		block := v.Part(src, "aws_s3_bucket_public_access_block", pab, b, "bucket")
		for attr, prop := range map[string]string{
			"block_public_acls": "BlockPublicAcls", "block_public_policy": "BlockPublicPolicy",
			"ignore_public_acls": "IgnorePublicAcls", "restrict_public_buckets": "RestrictPublicBuckets",
		} {
			if block.Unknown(pab) {
				block.UnknownAttr(attr, pab)
				continue
			}
			block.SetFunc(attr, pab+"."+prop, Bool)
		}
	}
	const own = "OwnershipControls.Rules"
	if b.Writes("OwnershipControls") {
		oc := v.Part(src, "aws_s3_bucket_ownership_controls", "OwnershipControls", b, "bucket")
		if oc.Unknown(own) {
			oc.UnknownAttr("rule", own)
		}
		for i := range oc.Len(own) {
			oc.Set("rule."+strconv.Itoa(i)+".object_ownership", own+"."+strconv.Itoa(i)+".ObjectOwnership")
		}
	}
}

// s3BucketPolicy is an aws_s3_bucket_policy.
func s3BucketPolicy(v *View, src *cfn.Resource) {
	p := v.Main(src, "aws_s3_bucket_policy")
	p.Set("bucket", "Bucket")
	p.Policy("policy", "PolicyDocument")
}
