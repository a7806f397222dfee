package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::CloudFront::Distribution": cloudfrontDistribution,
	})
}

// cloudfrontDistribution is an aws_cloudfront_distribution: its
// DistributionConfig holds what Terraform writes at the top level.
func cloudfrontDistribution(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_cloudfront_distribution")
	r.Tags("tags", "Tags")
	const cfg = "DistributionConfig"
	if r.Unknown(cfg) {
		for _, a := range []string{"default_cache_behavior", "ordered_cache_behavior", "viewer_certificate", "logging_config", "web_acl_id", "origin", "default_root_object"} {
			r.UnknownAttr(a, cfg)
		}
		return
	}
	r.SetFunc("enabled", cfg+".Enabled", Bool)
	r.Set("web_acl_id", cfg+".WebACLId")
	r.Set("aliases", cfg+".Aliases")
	r.Set("default_root_object", cfg+".DefaultRootObject")

	const origins = cfg + ".Origins"
	if r.Unknown(origins) {
		r.UnknownAttr("origin", origins)
	}
	for i := range r.Len(origins) {
		cloudfrontOrigin(r, "origin."+strconv.Itoa(i), origins+"."+strconv.Itoa(i))
	}

	const def = cfg + ".DefaultCacheBehavior"
	if r.Writes(def) {
		cloudfrontBehavior(r, "default_cache_behavior.0", def)
	}
	const ordered = cfg + ".CacheBehaviors"
	if r.Unknown(ordered) {
		r.UnknownAttr("ordered_cache_behavior", ordered)
	}
	for i := range r.Len(ordered) {
		b, from := "ordered_cache_behavior."+strconv.Itoa(i), ordered+"."+strconv.Itoa(i)
		cloudfrontBehavior(r, b, from)
		r.Set(b+".path_pattern", from+".PathPattern")
	}

	const cert = cfg + ".ViewerCertificate"
	switch {
	case r.Unknown(cert):
		r.UnknownAttr("viewer_certificate", cert)
	case r.Has(cert):
		r.put("viewer_certificate.0", map[string]any{})
		ec2Line(r, "viewer_certificate", cert)
		r.SetFunc("viewer_certificate.0.cloudfront_default_certificate", cert+".CloudFrontDefaultCertificate", Bool)
		r.Set("viewer_certificate.0.acm_certificate_arn", cert+".AcmCertificateArn")
		r.Set("viewer_certificate.0.iam_certificate_id", cert+".IamCertificateId")
		r.Set("viewer_certificate.0.minimum_protocol_version", cert+".MinimumProtocolVersion")
		r.Set("viewer_certificate.0.ssl_support_method", cert+".SslSupportMethod")
	default:
		// Left out, the distribution serves the *.cloudfront.net
		// certificate, which Terraform must write explicitly.
		r.Value("viewer_certificate.0.cloudfront_default_certificate", cert, true)
	}

	const logs = cfg + ".Logging"
	switch {
	case r.Unknown(logs):
		r.UnknownAttr("logging_config", logs)
	case r.Has(logs):
		r.put("logging_config.0", map[string]any{})
		ec2Line(r, "logging_config", logs)
		r.Set("logging_config.0.bucket", logs+".Bucket")
		r.Set("logging_config.0.prefix", logs+".Prefix")
		r.SetFunc("logging_config.0.include_cookies", logs+".IncludeCookies", Bool)
	}
}

// cloudfrontBehavior writes the cache behaviour at prop as block attr,
// which exists even when its viewer protocol policy is unknown, so that
// the rule sees the behaviour.
func cloudfrontBehavior(r *Res, attr, prop string) {
	r.put(attr, map[string]any{})
	ec2Line(r, attr, prop)
	if r.Unknown(prop) {
		r.UnknownAttr(attr+".viewer_protocol_policy", prop)
		return
	}
	r.Set(attr+".viewer_protocol_policy", prop+".ViewerProtocolPolicy")
	r.Set(attr+".target_origin_id", prop+".TargetOriginId")
}

// cloudfrontOrigin writes the origin at prop as block attr. A custom
// origin that leaves out OriginSSLProtocols gets CloudFront's default,
// which Terraform must write and the template does not say: unknown.
func cloudfrontOrigin(r *Res, attr, prop string) {
	r.put(attr, map[string]any{"custom_origin_config": []any{}, "s3_origin_config": []any{}})
	ec2Line(r, attr, prop)
	if r.Unknown(prop) {
		for _, a := range []string{"origin_id", "domain_name", "custom_origin_config", "s3_origin_config"} {
			r.UnknownAttr(attr+"."+a, prop)
		}
		return
	}
	r.Set(attr+".origin_id", prop+".Id")
	r.Set(attr+".domain_name", prop+".DomainName")
	r.Set(attr+".origin_access_control_id", prop+".OriginAccessControlId")

	custom := prop + ".CustomOriginConfig"
	switch {
	case r.Unknown(custom):
		r.UnknownAttr(attr+".custom_origin_config", custom)
	case r.Has(custom):
		c := attr + ".custom_origin_config.0"
		r.put(c, map[string]any{})
		ec2Line(r, attr+".custom_origin_config", custom)
		r.Set(c+".origin_protocol_policy", custom+".OriginProtocolPolicy")
		if protocols := custom + ".OriginSSLProtocols"; r.Writes(protocols) {
			r.Set(c+".origin_ssl_protocols", protocols)
		} else {
			r.UnknownAttr(c+".origin_ssl_protocols", custom)
		}
	}
	s3 := prop + ".S3OriginConfig"
	switch {
	case r.Unknown(s3):
		r.UnknownAttr(attr+".s3_origin_config", s3)
	case r.Has(s3):
		r.put(attr+".s3_origin_config.0", map[string]any{})
		ec2Line(r, attr+".s3_origin_config", s3)
		r.Set(attr+".s3_origin_config.0.origin_access_identity", s3+".OriginAccessIdentity")
	}
}
