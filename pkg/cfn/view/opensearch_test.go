package view

import (
	"reflect"
	"slices"
	"testing"
)

// TestOpenSearchDefaults: LogPublishingOptions, a map by log type, becomes
// the sorted list of blocks, an option without Enabled being off
// (CloudFormation's default); an endpoint block written without
// EnforceHTTPS does not enforce HTTPS, and its TLS policy left out is
// unknown; a domain without the block has it unknown and not configured,
// as a plan shows a block left to the provider.
func TestOpenSearchDefaults(t *testing.T) {
	rs := viewOf(t, `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions: {CustomEndpointEnabled: false}
      LogPublishingOptions:
        SEARCH_SLOW_LOGS: {CloudWatchLogsLogGroupArn: slow, Enabled: "true"}
        AUDIT_LOGS: {CloudWatchLogsLogGroupArn: audit}
  Legacy:
    Type: AWS::Elasticsearch::Domain
    Properties: {ElasticsearchVersion: "7.10"}
`)
	s := rs["Search"]
	want := []any{
		map[string]any{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "audit", "enabled": false},
		map[string]any{"log_type": "SEARCH_SLOW_LOGS", "cloudwatch_log_group_arn": "slow", "enabled": true},
	}
	if got := s.Values["log_publishing_options"]; !reflect.DeepEqual(got, want) {
		t.Errorf("log_publishing_options %v, want %v", got, want)
	}
	if got := s.Values["domain_endpoint_options"]; !reflect.DeepEqual(got, []any{map[string]any{"enforce_https": false}}) {
		t.Errorf("domain_endpoint_options %v", got)
	}
	if !slices.Contains(s.Unknown, "domain_endpoint_options.0.tls_security_policy") || !slices.Contains(s.Configured, "domain_endpoint_options.enforce_https") {
		t.Errorf("unknown %v, configured %v", s.Unknown, s.Configured)
	}
	l := rs["Legacy"]
	if l.Type != "aws_elasticsearch_domain" || !slices.Contains(l.Unknown, "domain_endpoint_options") || slices.Contains(l.Configured, "domain_endpoint_options") || l.Values["elasticsearch_version"] != "7.10" {
		t.Errorf("Legacy: %s, values %v, unknown %v, configured %v", l.Type, l.Values, l.Unknown, l.Configured)
	}
}
