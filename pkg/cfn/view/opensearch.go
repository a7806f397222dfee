package view

import (
	"sort"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::OpenSearchService::Domain": opensearchDomain("aws_opensearch_domain", "EngineVersion", "engine_version"),
		"AWS::Elasticsearch::Domain":     opensearchDomain("aws_elasticsearch_domain", "ElasticsearchVersion", "elasticsearch_version"),
	})
}

// opensearchDomain maps a domain, and its legacy Elasticsearch twin,
// whose properties are named alike, to typ. Left out,
// EncryptionAtRestOptions and NodeToNodeEncryptionOptions leave the
// domain without either encryption (CreateDomain, OpenSearch Service API
// Reference: both are options that are off unless Enabled is true), and
// VPCOptions gives it a public endpoint, as in Terraform.
func opensearchDomain(typ, versionProp, versionAttr string) mapping {
	return func(v *View, src *cfn.Resource) {
		d := v.Main(src, typ)
		d.Set("domain_name", "DomainName")
		d.Set(versionAttr, versionProp)
		d.Tags("tags", "Tags")
		d.SetFunc("encrypt_at_rest.0.enabled", "EncryptionAtRestOptions.Enabled", Bool)
		d.Set("encrypt_at_rest.0.kms_key_id", "EncryptionAtRestOptions.KmsKeyId")
		d.SetFunc("node_to_node_encryption.0.enabled", "NodeToNodeEncryptionOptions.Enabled", Bool)
		if d.Unknown("VPCOptions") {
			d.UnknownAttr("vpc_options", "VPCOptions")
		} else {
			rdsList(d, "vpc_options.0.subnet_ids", "VPCOptions.SubnetIds")
			rdsList(d, "vpc_options.0.security_group_ids", "VPCOptions.SecurityGroupIds")
		}
		opensearchEndpoint(d)
		opensearchLogs(d)
	}
}

// opensearchEndpoint writes domain_endpoint_options. Left out, the block
// is what a plan shows for a block the configuration leaves to the
// provider (unknown, not configured): the domain is created without HTTPS
// enforced, which the rule fails. In a block that the template writes,
// EnforceHTTPS left out is false: Terraform's provider sends true, but
// CloudFormation sends nothing and the API's DomainEndpointOptions
// requires HTTPS only when EnforceHTTPS is true (OpenSearch Service API
// Reference, DomainEndpointOptions; the CDK's Domain documents
// enforceHttps "Default: false"). TLSSecurityPolicy left out is left to
// the service, whose default AWS does not document: unknown, as in a plan.
func opensearchEndpoint(d *Res) {
	const block = "DomainEndpointOptions"
	if !d.Has(block) || d.Unknown(block) {
		d.UnknownAttr("domain_endpoint_options", block)
		return
	}
	d.SetOr("domain_endpoint_options.0.enforce_https", block+".EnforceHTTPS", Bool, false, block)
	if p := block + ".TLSSecurityPolicy"; d.Writes(p) {
		d.Set("domain_endpoint_options.0.tls_security_policy", p)
	} else {
		d.UnknownAttr("domain_endpoint_options.0.tls_security_policy", p)
	}
}

// opensearchLogs writes LogPublishingOptions, a map from log type
// (AUDIT_LOGS, ...) to its option, as Terraform's list of
// log_publishing_options blocks, one per type, sorted. An option that
// leaves Enabled out is off: the CloudFormation reference of
// LogPublishingOption says "Default: false", where Terraform's enabled
// defaults to true. An option that the deployment decides whether to
// write (an !If on a parameter without default) makes the whole list
// unknown, as a dynamic block whose for_each is unknown does in a plan.
func opensearchLogs(d *Res) {
	const prop = "LogPublishingOptions"
	if d.Unknown(prop) {
		d.UnknownAttr("log_publishing_options", prop)
		return
	}
	if !d.Has(prop) {
		return
	}
	for _, u := range d.src.Unknown {
		if rest, ok := strings.CutPrefix(u, prop+"."); ok && !strings.Contains(rest, ".") {
			d.UnknownAttr("log_publishing_options", prop)
			return
		}
	}
	types := map[string]bool{}
	if m, ok := d.Get(prop); ok {
		known, _ := m.(map[string]any)
		for k := range known {
			types[k] = true
		}
	}
	sorted := make([]string, 0, len(types))
	for k := range types {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	d.Value("log_publishing_options", prop, []any{})
	for i, t := range sorted {
		item := prop + "." + t
		at := "log_publishing_options." + strconv.Itoa(i) + "."
		d.Value(at+"log_type", item, t)
		d.Set(at+"cloudwatch_log_group_arn", item+".CloudWatchLogsLogGroupArn")
		d.SetOr(at+"enabled", item+".Enabled", Bool, false, item)
	}
}
