package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

// The services that record and watch what happens in an account:
// CloudTrail, CloudWatch Logs and alarms, Config, GuardDuty, Security Hub.
func init() {
	register(map[string]mapping{
		"AWS::CloudTrail::Trail":                      cloudTrail,
		"AWS::Logs::LogGroup":                         logGroup,
		"AWS::Logs::MetricFilter":                     logMetricFilter,
		"AWS::CloudWatch::Alarm":                      metricAlarm,
		"AWS::Config::ConfigurationRecorder":          configRecorder,
		"AWS::Config::DeliveryChannel":                configDeliveryChannel,
		"AWS::GuardDuty::Detector":                    guardDutyDetector,
		"AWS::SecurityHub::Hub":                       securityHub,
		"AWS::SecurityHub::OrganizationConfiguration": securityHubOrganization,
	})
}

// cloudTrail is an aws_cloudtrail. The defaults agree with Terraform's:
// a single-region trail with global service events, without log file
// validation, recording all management events when it has no selector.
// IsLogging is required by CloudFormation.
func cloudTrail(v *View, src *cfn.Resource) {
	t := v.Main(src, "aws_cloudtrail")
	t.Set("name", "TrailName")
	t.Set("s3_bucket_name", "S3BucketName")
	t.Set("s3_key_prefix", "S3KeyPrefix")
	t.Set("sns_topic_name", "SnsTopicName")
	t.SetFunc("enable_logging", "IsLogging", Bool)
	t.SetFunc("is_multi_region_trail", "IsMultiRegionTrail", Bool)
	t.SetFunc("include_global_service_events", "IncludeGlobalServiceEvents", Bool)
	t.SetFunc("enable_log_file_validation", "EnableLogFileValidation", Bool)
	t.SetFunc("is_organization_trail", "IsOrganizationTrail", Bool)
	t.Set("kms_key_id", "KMSKeyId")
	t.Set("cloud_watch_logs_group_arn", "CloudWatchLogsLogGroupArn")
	t.Set("cloud_watch_logs_role_arn", "CloudWatchLogsRoleArn")
	t.Tags("tags", "Tags")
	logBlocks(t, "event_selector", "EventSelectors", func(to, from string) {
		t.Set(to+".read_write_type", from+".ReadWriteType")
		t.SetFunc(to+".include_management_events", from+".IncludeManagementEvents", Bool)
		iamNames(t, to+".exclude_management_event_sources", from+".ExcludeManagementEventSources")
		logBlocks(t, to+".data_resource", from+".DataResources", func(to, from string) {
			t.Set(to+".type", from+".Type")
			iamNames(t, to+".values", from+".Values")
		})
	})
	logBlocks(t, "advanced_event_selector", "AdvancedEventSelectors", func(to, from string) {
		t.Set(to+".name", from+".Name")
		logBlocks(t, to+".field_selector", from+".FieldSelectors", func(to, from string) {
			t.Set(to+".field", from+".Field")
			for _, op := range [][2]string{
				{"equals", "Equals"}, {"not_equals", "NotEquals"},
				{"starts_with", "StartsWith"}, {"not_starts_with", "NotStartsWith"},
				{"ends_with", "EndsWith"}, {"not_ends_with", "NotEndsWith"},
			} {
				iamNames(t, to+"."+op[0], from+"."+op[1])
			}
		})
	})
}

// logGroup is an aws_cloudwatch_log_group; both keep logs forever when
// RetentionInDays is left out.
func logGroup(v *View, src *cfn.Resource) {
	g := v.Main(src, "aws_cloudwatch_log_group")
	g.Set("name", "LogGroupName")
	g.Set("kms_key_id", "KmsKeyId")
	g.SetFunc("retention_in_days", "RetentionInDays", Number)
	g.Set("log_group_class", "LogGroupClass")
	g.Tags("tags", "Tags")
}

// logMetricFilter is an aws_cloudwatch_log_metric_filter, joined to its
// log group through log_group_name (a reference, or the same name).
func logMetricFilter(v *View, src *cfn.Resource) {
	f := v.Main(src, "aws_cloudwatch_log_metric_filter")
	f.Set("name", "FilterName")
	f.Set("pattern", "FilterPattern")
	f.Set("log_group_name", "LogGroupName")
	logBlocks(f, "metric_transformation", "MetricTransformations", func(to, from string) {
		f.Set(to+".name", from+".MetricName")
		f.Set(to+".namespace", from+".MetricNamespace")
		f.Set(to+".value", from+".MetricValue")
		f.Set(to+".default_value", from+".DefaultValue")
		f.Set(to+".unit", from+".Unit")
	})
}

// metricAlarm is an aws_cloudwatch_metric_alarm. Its actions are written
// by name when they refer to a topic of the template or to the account
// ("arn:aws:sns:${AWS::Region}:${AWS::AccountId}:alerts"), so that the
// alarm rules can tell an SNS topic.
func metricAlarm(v *View, src *cfn.Resource) {
	a := v.Main(src, "aws_cloudwatch_metric_alarm")
	a.Set("alarm_name", "AlarmName")
	a.Set("alarm_description", "AlarmDescription")
	a.Set("metric_name", "MetricName")
	a.Set("namespace", "Namespace")
	a.Set("statistic", "Statistic")
	a.Set("comparison_operator", "ComparisonOperator")
	a.SetFunc("threshold", "Threshold", Number)
	a.SetFunc("period", "Period", Number)
	a.SetFunc("evaluation_periods", "EvaluationPeriods", Number)
	a.Set("treat_missing_data", "TreatMissingData")
	a.SetFunc("actions_enabled", "ActionsEnabled", Bool)
	iamNames(a, "alarm_actions", "AlarmActions")
	iamNames(a, "ok_actions", "OKActions")
	iamNames(a, "insufficient_data_actions", "InsufficientDataActions")
}

// configRecorder is an aws_config_configuration_recorder and its
// aws_config_configuration_recorder_status: CloudFormation starts the
// recorder as soon as a delivery channel is available (the resource's
// documentation), where Terraform needs the status resource. The rule
// asks for the delivery channel separately.
func configRecorder(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_config_configuration_recorder")
	c.Set("name", "Name")
	c.Set("role_arn", "RoleARN")
	const group = "RecordingGroup"
	switch {
	case c.Unknown(group):
		c.UnknownAttr("recording_group", group)
	case c.Has(group):
		// The block's own line, for findings on an attribute of it
		// named without the list index.
		c.from("recording_group", group)
	}
	c.SetFunc("recording_group.0.all_supported", group+".AllSupported", Bool)
	c.SetFunc("recording_group.0.include_global_resource_types", group+".IncludeGlobalResourceTypes", Bool)
	iamNames(c, "recording_group.0.resource_types", group+".ResourceTypes")
	const excluded = group + ".ExclusionByResourceTypes.ResourceTypes"
	iamNames(c, "recording_group.0.exclusion_by_resource_types.0.resource_types", excluded)
	c.Set("recording_group.0.recording_strategy.0.use_only", group+".RecordingStrategy.UseOnly")
	// A group that lists the types to record, or to leave out, records
	// only some types: AllSupported cannot be true with either list (the
	// AWS Config API refuses it), so left out it is false.
	if !c.Has(group + ".AllSupported") {
		for _, list := range []string{group + ".ResourceTypes", excluded} {
			if c.Len(list) > 0 {
				c.Value("recording_group.0.all_supported", list, false)
				break
			}
		}
	}
	// No property configures the status: the part is named Status, which
	// no property of the recorder is, and takes the recorder's line.
	s := v.Part(src, "aws_config_configuration_recorder_status", "Status", c, "name")
	if configChannelsPending(v) {
		s.unknown("is_enabled")
	} else {
		s.put("is_enabled", true)
	}
}

// configChannelsPending tells whether every delivery channel of the
// template exists only under a condition the deployment decides: then
// whether CloudFormation starts the recorder is known only then. (With
// no channel at all, the rule already fails for want of one.)
func configChannelsPending(v *View) bool {
	pending := false
	for _, r := range v.tmpl.Resources {
		if r.Type != "AWS::Config::DeliveryChannel" {
			continue
		}
		if !r.ConditionUnknown {
			return false
		}
		pending = true
	}
	return pending
}

// configDeliveryChannel is an aws_config_delivery_channel.
func configDeliveryChannel(v *View, src *cfn.Resource) {
	d := v.Main(src, "aws_config_delivery_channel")
	d.Set("name", "Name")
	d.Set("s3_bucket_name", "S3BucketName")
	d.Set("s3_key_prefix", "S3KeyPrefix")
	d.Set("s3_kms_key_arn", "S3KmsKeyArn")
	d.Set("sns_topic_arn", "SnsTopicARN")
	d.Set("snapshot_delivery_properties.0.delivery_frequency", "ConfigSnapshotDeliveryProperties.DeliveryFrequency")
}

// guardDutyDetector is an aws_guardduty_detector; Enable is required by
// CloudFormation.
func guardDutyDetector(v *View, src *cfn.Resource) {
	d := v.Main(src, "aws_guardduty_detector")
	d.SetFunc("enable", "Enable", Bool)
	d.Set("finding_publishing_frequency", "FindingPublishingFrequency")
	d.Tags("tags", "Tags")
}

// securityHub is an aws_securityhub_account: Security Hub enabled in the
// account and region.
func securityHub(v *View, src *cfn.Resource) {
	h := v.Main(src, "aws_securityhub_account")
	h.SetFunc("enable_default_standards", "EnableDefaultStandards", Bool)
	h.Set("control_finding_generator", "ControlFindingGenerator")
	h.SetFunc("auto_enable_controls", "AutoEnableControls", Bool)
}

// securityHubOrganization is an
// aws_securityhub_organization_configuration; AutoEnable is required by
// CloudFormation.
func securityHubOrganization(v *View, src *cfn.Resource) {
	o := v.Main(src, "aws_securityhub_organization_configuration")
	o.SetFunc("auto_enable", "AutoEnable", Bool)
	o.Set("auto_enable_standards", "AutoEnableStandards")
	o.Set("organization_configuration.0.configuration_type", "ConfigurationType")
}

// logBlocks calls f for each item of the list property prop, with the
// block attr.N it becomes and the item's path; a list the deployment
// decides is an unknown block.
func logBlocks(r *Res, attr, prop string, f func(to, from string)) {
	if r.Unknown(prop) {
		r.UnknownAttr(attr, prop)
		return
	}
	if r.Has(prop) {
		r.from(attr, prop) // the line of the blocks
	}
	for i := range r.Len(prop) {
		n := strconv.Itoa(i)
		f(attr+"."+n, prop+"."+n)
	}
}
