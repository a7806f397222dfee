package view

import (
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::ApiGateway::Stage":      apiStage,
		"AWS::ApiGateway::Deployment": apiDeployment,
		"AWS::ApiGatewayV2::Stage":    apiV2Stage,
		"AWS::ApiGatewayV2::Api":      apiV2Quick,
	})
}

// apiStage is an aws_api_gateway_stage, and each of its MethodSettings an
// aws_api_gateway_method_settings of the stage, as Terraform writes them
// apart.
func apiStage(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_api_gateway_stage")
	apiStageSettings(v, src, s, "")
	s.Tags("tags", "Tags")
}

// apiDeployment is the stage that a deployment with a StageName creates,
// configured by its StageDescription; a deployment without one creates
// no stage and is kept as it is written.
func apiDeployment(v *View, src *cfn.Resource) {
	if !writes(src, "StageName") {
		v.native(src)
		return
	}
	s := v.Main(src, "aws_api_gateway_stage")
	const desc = "StageDescription"
	whole := s.Unknown(desc)
	if whole {
		for _, a := range []string{"access_log_settings", "xray_tracing_enabled", "cache_cluster_enabled"} {
			s.UnknownAttr(a, desc)
		}
		s.Set("stage_name", "StageName")
		s.Set("rest_api_id", "RestApiId")
	} else {
		apiStageSettings(v, src, s, desc+".")
	}
	// The stage-wide LoggingLevel, CachingEnabled and CacheDataEncrypted of
	// a StageDescription are the settings of every method.
	if whole || s.Writes(desc+".LoggingLevel") || s.Writes(desc+".CachingEnabled") || s.Writes(desc+".CacheDataEncrypted") {
		m := v.Part(src, "aws_api_gateway_method_settings", desc, s, "stage_name")
		m.Set("rest_api_id", "RestApiId")
		m.Value("method_path", desc, "*/*")
		if whole {
			m.UnknownAttr("settings", desc)
		} else {
			apiMethodSettings(m, desc+".")
		}
	}
	if !whole {
		s.Tags("tags", desc+".Tags")
	}
}

// apiStageSettings maps what a Stage and a Deployment's StageDescription
// share; prefix is where the stage's properties are ("" or
// "StageDescription."). The name and API are the resource's own.
func apiStageSettings(v *View, src *cfn.Resource, s *Res, prefix string) {
	s.Set("stage_name", "StageName")
	s.Set("rest_api_id", "RestApiId")
	if prefix == "" {
		s.Set("deployment_id", "DeploymentId")
	}
	// Left out, TracingEnabled and CacheClusterEnabled are false, as in
	// Terraform (AWS::ApiGateway::Stage reference).
	s.SetFunc("xray_tracing_enabled", prefix+"TracingEnabled", Bool)
	s.SetFunc("cache_cluster_enabled", prefix+"CacheClusterEnabled", Bool)
	s.Set("cache_cluster_size", prefix+"CacheClusterSize")
	apiAccessLogs(s, prefix+"AccessLogSetting")

	methods := prefix + "MethodSettings"
	if s.Unknown(methods) {
		m := v.Part(src, "aws_api_gateway_method_settings", methods, s, "stage_name")
		m.Set("rest_api_id", "RestApiId")
		m.UnknownAttr("method_path", methods)
		m.UnknownAttr("settings", methods)
		return
	}
	for i := range s.Len(methods) {
		from := methods + "." + strconv.Itoa(i)
		m := v.Part(src, "aws_api_gateway_method_settings", from, s, "stage_name")
		m.Set("rest_api_id", "RestApiId")
		apiMethodPath(m, from)
		apiMethodSettings(m, from+".")
	}
}

// apiAccessLogs maps an AccessLogSetting: the stage writes access logs
// when it names a destination.
func apiAccessLogs(s *Res, prop string) {
	switch {
	case s.Unknown(prop):
		s.UnknownAttr("access_log_settings", prop)
	case s.Has(prop + ".DestinationArn"):
		s.Set("access_log_settings.0.destination_arn", prop+".DestinationArn")
		s.Set("access_log_settings.0.format", prop+".Format")
		ec2Line(s, "access_log_settings", prop)
	}
}

// apiMethodSettings maps the settings of one MethodSetting (or of a
// StageDescription, which has the same names) under prefix.
func apiMethodSettings(m *Res, prefix string) {
	m.Set("settings.0.logging_level", prefix+"LoggingLevel")
	m.SetFunc("settings.0.caching_enabled", prefix+"CachingEnabled", Bool)
	m.SetFunc("settings.0.cache_data_encrypted", prefix+"CacheDataEncrypted", Bool)
	m.SetFunc("settings.0.metrics_enabled", prefix+"MetricsEnabled", Bool)
	m.SetFunc("settings.0.data_trace_enabled", prefix+"DataTraceEnabled", Bool)
}

// apiMethodPath writes Terraform's method_path, "{resource path}/{HTTP
// method}" without the leading slash: CloudFormation's ResourcePath "/*"
// and HttpMethod "*" are "*/*", every method. A slash inside a path is
// written "~1" in CloudFormation.
func apiMethodPath(m *Res, from string) {
	path, method := from+".ResourcePath", from+".HttpMethod"
	if m.Unknown(path) || m.Unknown(method) {
		m.UnknownAttr("method_path", from)
		return
	}
	p, _ := m.Get(path)
	h, _ := m.Get(method)
	ps, ok1 := p.(string)
	hs, ok2 := h.(string)
	if !ok1 || !ok2 {
		return
	}
	ps = strings.TrimLeft(strings.ReplaceAll(ps, "~1", "/"), "/")
	m.Value("method_path", from, ps+"/"+hs)
}

// apiV2Quick keeps an HTTP API as it is written and, when it is a quick
// create (Target), adds the $default stage that API Gateway creates for
// it, which writes no access logs and which no property can configure.
func apiV2Quick(v *View, src *cfn.Resource) {
	v.native(src)
	if !writes(src, "Target") {
		return
	}
	s := v.add(src, "aws_apigatewayv2_stage", "Target")
	s.Value("name", "Target", "$default")
	s.Value("auto_deploy", "Target", true)
	s.ref("api_id", src.ID)
	s.configured["api_id"] = true
}

// apiV2Stage is an aws_apigatewayv2_stage (HTTP and WebSocket APIs).
func apiV2Stage(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_apigatewayv2_stage")
	s.Set("name", "StageName")
	s.Set("api_id", "ApiId")
	s.Set("deployment_id", "DeploymentId")
	s.SetFunc("auto_deploy", "AutoDeploy", Bool)
	apiAccessLogs(s, "AccessLogSettings")
	s.Set("tags", "Tags") // a map, not a Key/Value list
}
