package cfn

import (
	"slices"
	"strconv"
	"strings"
)

// The resources the SAM transform makes of each serverless type, as its
// specification (aws/serverless-application-model, docs/internals)
// describes them: logical ids, types and the properties that rules read.

// functionProps are the properties an AWS::Serverless::Function passes to
// its AWS::Lambda::Function under the same name.
var functionProps = []string{
	"FunctionName", "Description", "Handler", "Runtime", "MemorySize", "Timeout", "Role",
	"Environment", "VpcConfig", "KmsKeyArn", "Layers", "Architectures", "ReservedConcurrentExecutions",
	"PackageType", "ImageConfig", "EphemeralStorage", "SnapStart", "LoggingConfig", "FileSystemConfigs",
	"CodeSigningConfigArn", "RuntimeManagementConfig",
}

func samFunction(r Resource) []Resource {
	fn := derive(r, r.ID, "AWS::Lambda::Function")
	copyProps(&fn, &r, functionProps...)
	move(&fn, "TracingConfig.Mode", &r, "Tracing")
	move(&fn, "DeadLetterConfig.TargetArn", &r, "DeadLetterQueue.TargetArn")
	if _, ok := r.Properties["ImageUri"]; ok {
		set(&fn, "PackageType", "Image", r.Lines["ImageUri"])
	}
	tagList(&fn, &r, map[string]string{"lambda:createdBy": "SAM"})
	out := []Resource{fn}
	if _, named := r.Lines["Role"]; !named {
		role := samRole(r)
		refer(&out[0], "Role", role.ID, "Arn", r.Line)
		out = append(out, role)
	}
	if _, ok := r.Lines["FunctionUrlConfig"]; ok {
		url := derive(r, r.ID+"Url", "AWS::Lambda::Url")
		move(&url, "AuthType", &r, "FunctionUrlConfig.AuthType")
		move(&url, "Cors", &r, "FunctionUrlConfig.Cors")
		move(&url, "InvokeMode", &r, "FunctionUrlConfig.InvokeMode")
		refer(&url, "TargetFunctionArn", r.ID, "", r.Lines["FunctionUrlConfig"])
		out = append(out, url)
		if url.Properties["AuthType"] == "NONE" {
			// The transform lets anyone call a URL without authentication.
			perm := derive(r, r.ID+"UrlPublicPermissions", "AWS::Lambda::Permission")
			line := r.Lines["FunctionUrlConfig.AuthType"]
			set(&perm, "Action", "lambda:InvokeFunctionUrl", line)
			set(&perm, "Principal", "*", line)
			set(&perm, "FunctionUrlAuthType", "NONE", line)
			refer(&perm, "FunctionName", r.ID, "", line)
			out = append(out, perm)
		}
	}
	return out
}

// samRole is the execution role the transform creates for a function that
// names none: the basic execution policy (and the X-Ray and VPC ones when
// the function traces or runs in a VPC), the function's Policies as
// managed policy ARNs and inline policies. SAM's policy templates
// (S3ReadPolicy...) are scoped to the resource they name and are left out.
func samRole(r Resource) Resource {
	role := derive(r, r.ID+"Role", "AWS::IAM::Role")
	set(&role, "AssumeRolePolicyDocument", map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Effect": "Allow", "Action": []any{"sts:AssumeRole"},
			"Principal": map[string]any{"Service": []any{"lambda.amazonaws.com"}},
		}},
	}, r.Line)
	arns := []any{"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}
	if r.Properties["Tracing"] == "Active" {
		arns = append(arns, "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess")
	}
	if _, ok := r.Lines["VpcConfig"]; ok {
		arns = append(arns, "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")
	}
	n := 0 // inline policies written
	policies := r.Properties["Policies"]
	if s, ok := policies.(string); ok {
		policies = []any{s}
	}
	list, _ := policies.([]any)
	for i, p := range list {
		from := "Policies." + strconv.Itoa(i)
		if !r.hasLine(from) {
			from = "Policies" // a single policy written without a list
		}
		switch p := p.(type) {
		case string:
			if !strings.HasPrefix(p, "arn:") {
				p = "arn:aws:iam::aws:policy/" + p
			}
			arns = append(arns, p)
		case map[string]any:
			if _, ok := p["Statement"]; !ok {
				continue // a policy template
			}
			to := "Policies." + strconv.Itoa(n)
			move(&role, to+".PolicyDocument", &r, from)
			set(&role, to+".PolicyName", r.ID+"RolePolicy"+strconv.Itoa(n), r.Lines[from])
			n++
		}
	}
	for _, u := range r.Unknown {
		if rest, ok := strings.CutPrefix(u, "Policies"); ok && !strings.Contains(strings.TrimPrefix(rest, "."), ".") {
			// A policy the template leaves to the deployment: the role's
			// policies are not all known.
			role.Unknown = append(role.Unknown, "Policies")
			role.Lines["Policies"] = r.Lines[u]
		}
	}
	set(&role, "ManagedPolicyArns", arns, r.Line)
	move(&role, "PermissionsBoundary", &r, "PermissionsBoundary")
	set(&role, "Tags", []any{map[string]any{"Key": "lambda:createdBy", "Value": "SAM"}}, r.Line)
	slices.Sort(role.Unknown)
	role.Unknown = slices.Compact(role.Unknown)
	return role
}

func (r *Resource) hasLine(path string) bool {
	_, ok := r.Lines[path]
	return ok
}

// samTable is the AWS::DynamoDB::Table of an AWS::Serverless::SimpleTable:
// on-demand unless it sets ProvisionedThroughput, encrypted as its
// SSESpecification says, without point-in-time recovery (SimpleTable has
// no setting for it).
func samTable(r Resource) Resource {
	t := derive(r, r.ID, "AWS::DynamoDB::Table")
	copyProps(&t, &r, "TableName", "SSESpecification", "ProvisionedThroughput", "PointInTimeRecoverySpecification")
	if !r.hasLine("ProvisionedThroughput") {
		set(&t, "BillingMode", "PAY_PER_REQUEST", r.Line)
	}
	tagList(&t, &r, nil)
	return t
}

// samAPI is the AWS::ApiGateway::RestApi of an AWS::Serverless::Api and
// the stage it deploys, whose access logs, tracing and cache settings SAM
// takes from the Api.
func samAPI(r Resource) []Resource {
	api := derive(r, r.ID, "AWS::ApiGateway::RestApi")
	copyProps(&api, &r, "Name", "Description", "EndpointConfiguration", "BinaryMediaTypes", "MinimumCompressionSize", "DisableExecuteApiEndpoint")
	stageName, _ := r.Properties["StageName"].(string)
	stage := derive(r, r.ID+stageName+"Stage", "AWS::ApiGateway::Stage")
	copyProps(&stage, &r, "StageName", "AccessLogSetting", "MethodSettings", "TracingEnabled", "CacheClusterEnabled", "CacheClusterSize", "Variables")
	refer(&stage, "RestApiId", r.ID, "", r.Line)
	tagList(&stage, &r, nil)
	return []Resource{api, stage}
}

// samHTTPAPI is the AWS::ApiGatewayV2::Api of an AWS::Serverless::HttpApi
// and its default stage.
func samHTTPAPI(r Resource) []Resource {
	api := derive(r, r.ID, "AWS::ApiGatewayV2::Api")
	set(&api, "ProtocolType", "HTTP", r.Line)
	copyProps(&api, &r, "Name", "Description", "DisableExecuteApiEndpoint", "CorsConfiguration")
	stage := derive(r, r.ID+"ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage")
	set(&stage, "StageName", "$default", r.Line)
	copyProps(&stage, &r, "AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables")
	refer(&stage, "ApiId", r.ID, "", r.Line)
	return []Resource{api, stage}
}
