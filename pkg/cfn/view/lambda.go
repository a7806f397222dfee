package view

import (
	"sort"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::Lambda::Function":   lambdaFunction,
		"AWS::Lambda::Permission": lambdaPermission,
		"AWS::Lambda::Url":        lambdaURL,
	})
}

// lambdaFunction is an aws_lambda_function. SAM functions arrive here too,
// expanded by the transform (pkg/cfn/sam_resources.go).
func lambdaFunction(v *View, src *cfn.Resource) {
	f := v.Main(src, "aws_lambda_function")
	f.Set("function_name", "FunctionName")
	f.Set("role", "Role")
	f.Set("handler", "Handler")
	f.Set("runtime", "Runtime")
	f.Set("package_type", "PackageType") // left out: Zip, as in Terraform
	f.Set("kms_key_arn", "KmsKeyArn")
	// Left out, TracingConfig is PassThrough, as Terraform's default (a
	// SAM function's Tracing is its TracingConfig.Mode).
	f.Set("tracing_config.0.mode", "TracingConfig.Mode")
	f.Tags("tags", "Tags")
	lambdaEnvironment(f)
}

// lambdaEnvironment writes Environment.Variables as
// environment.0.variables, one attribute per variable so that a variable
// the deployment decides is unknown alone, and sensitive when it takes a
// NoEcho parameter.
func lambdaEnvironment(f *Res) {
	const env, vars = "Environment", "Environment.Variables"
	const to = "environment.0.variables"
	switch {
	case f.Unknown(env):
		f.UnknownAttr("environment", env)
		return
	case f.Unknown(vars):
		f.UnknownAttr(to, vars)
		return
	case !f.Has(vars):
		return
	}
	m, _ := f.Get(vars)
	known, _ := m.(map[string]any)
	names := map[string]bool{}
	for k := range known {
		names[k] = true
	}
	// A variable whose value waits on the deployment is not in the
	// properties but in Unknown.
	for _, u := range f.src.Unknown {
		if name, ok := strings.CutPrefix(u, vars+"."); ok {
			names[name] = true
		}
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	f.Value(to, vars, map[string]any{})
	for _, k := range sorted {
		f.Set(to+"."+k, vars+"."+k)
		f.Sensitive(to+"."+k, vars+"."+k)
	}
}

// lambdaPermission is an aws_lambda_permission.
func lambdaPermission(v *View, src *cfn.Resource) {
	p := v.Main(src, "aws_lambda_permission")
	p.Set("action", "Action")
	p.Set("function_name", "FunctionName")
	p.Set("principal", "Principal")
	p.Set("source_arn", "SourceArn")
	p.Set("source_account", "SourceAccount")
	p.Set("principal_org_id", "PrincipalOrgID")
	p.Set("event_source_token", "EventSourceToken")
	p.Set("function_url_auth_type", "FunctionUrlAuthType")
}

// lambdaURL is an aws_lambda_function_url.
func lambdaURL(v *View, src *cfn.Resource) {
	u := v.Main(src, "aws_lambda_function_url")
	u.Set("function_name", "TargetFunctionArn")
	u.Set("qualifier", "Qualifier")
	u.Set("authorization_type", "AuthType")
	u.Set("invoke_mode", "InvokeMode")
}
