package view

import (
	"regexp"
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::CodeBuild::Project": codebuildProject,
	})
}

// codebuildProject is an aws_codebuild_project. The defaults agree with
// Terraform's (AWS::CodeBuild::Project reference): artifacts and S3 logs
// are encrypted unless EncryptionDisabled is true, builds are not
// privileged unless PrivilegedMode is true, an environment variable is
// PLAINTEXT unless its Type says otherwise, S3 logs are DISABLED without
// an S3Logs Status.
func codebuildProject(v *View, src *cfn.Resource) {
	p := v.Main(src, "aws_codebuild_project")
	p.Set("name", "Name")
	p.Set("service_role", "ServiceRole")
	p.Set("encryption_key", "EncryptionKey")
	p.Tags("tags", "Tags")

	codebuildArtifacts(p, "artifacts", "Artifacts", false)
	codebuildArtifacts(p, "secondary_artifacts", "SecondaryArtifacts", true)
	codebuildSources(p, "source", "Source", false)
	codebuildSources(p, "secondary_sources", "SecondarySources", true)
	codebuildEnvironment(p)
	codebuildLogs(p)
}

// codebuildBlocks calls each for every block of property prop, written
// as attr: one object (Artifacts, Source) or, when list, a list of them.
// A block the deployment decides is an empty block whose attributes each
// marks unknown; a list the deployment decides is one such block, so
// that the rule reports it unknown rather than judging nothing.
func codebuildBlocks(p *Res, attr, prop string, list bool, each func(to, from string, unknown bool)) {
	if !list {
		if p.Writes(prop) {
			p.put(attr+".0", map[string]any{})
			ec2Line(p, attr, prop)
			each(attr+".0", prop, p.Unknown(prop))
		}
		return
	}
	if p.Unknown(prop) {
		p.put(attr+".0", map[string]any{})
		each(attr+".0", prop, true)
		return
	}
	for i := range p.Len(prop) {
		to, from := attr+"."+strconv.Itoa(i), prop+"."+strconv.Itoa(i)
		p.put(to, map[string]any{})
		ec2Line(p, to, from)
		each(to, from, p.Unknown(from))
	}
}

// codebuildArtifacts writes Artifacts or SecondaryArtifacts.
func codebuildArtifacts(p *Res, attr, prop string, list bool) {
	codebuildBlocks(p, attr, prop, list, func(to, from string, unknown bool) {
		if unknown {
			p.UnknownAttr(to+".type", from)
			p.UnknownAttr(to+".encryption_disabled", from)
			return
		}
		p.Set(to+".type", from+".Type")
		p.Set(to+".location", from+".Location")
		p.Set(to+".name", from+".Name")
		p.Set(to+".path", from+".Path")
		p.Set(to+".packaging", from+".Packaging")
		p.Set(to+".namespace_type", from+".NamespaceType")
		p.Set(to+".artifact_identifier", from+".ArtifactIdentifier")
		p.SetFunc(to+".encryption_disabled", from+".EncryptionDisabled", Bool)
	})
}

// codebuildSources writes Source or SecondarySources.
func codebuildSources(p *Res, attr, prop string, list bool) {
	codebuildBlocks(p, attr, prop, list, func(to, from string, unknown bool) {
		if unknown {
			p.UnknownAttr(to+".type", from)
			p.UnknownAttr(to+".location", from)
			return
		}
		p.Set(to+".type", from+".Type")
		p.Set(to+".source_identifier", from+".SourceIdentifier")
		p.Set(to+".buildspec", from+".BuildSpec")
		p.SetFunc(to+".git_clone_depth", from+".GitCloneDepth", Number)
		p.SetFunc(to+".insecure_ssl", from+".InsecureSsl", Bool)
		p.SetFunc(to+".report_build_status", from+".ReportBuildStatus", Bool)
		codebuildLocation(p, to+".location", from+".Location")
	})
}

// codebuildURLPassword matches a URL whose user information holds a
// password (user:secret@), once the names of the template's values
// (${...}) are taken out.
var codebuildURLPassword = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*:[^/@]*@`)

// codebuildLocation writes a source location. A location the deployment
// decides is unknown, unless the template's own text already puts a
// password in the URL (https://${User}:${Token}@host/...): the project
// then stores a credential whatever the parameters are, and the location
// is written with its values by name.
func codebuildLocation(p *Res, attr, prop string) {
	if p.Unknown(prop) {
		if text, ok := p.src.RenderNames(prop); ok {
			if s, isString := text.(string); isString && codebuildURLPassword.MatchString(codebuildPlaceholders.ReplaceAllString(s, "x")) {
				p.from(attr, prop)
				p.put(attr, s)
				p.Sensitive(attr, prop)
				return
			}
		}
	}
	p.Set(attr, prop)
	p.Sensitive(attr, prop)
}

// codebuildPlaceholders are the ${...} names of values the deployment
// decides, whose text (${AWS::Region}) holds colons of its own.
var codebuildPlaceholders = regexp.MustCompile(`\$\{[^}]*\}`)

// codebuildEnvironment writes Environment. Variables are one list, as
// the rule reads it: when one of them, or its name, is left to the
// deployment, the whole list is unknown.
func codebuildEnvironment(p *Res) {
	const env = "Environment"
	const to = "environment.0"
	if !p.Writes(env) {
		return
	}
	p.put(to, map[string]any{})
	ec2Line(p, "environment", env)
	if p.Unknown(env) {
		p.UnknownAttr(to+".privileged_mode", env)
		p.UnknownAttr(to+".environment_variable", env)
		return
	}
	p.Set(to+".type", env+".Type")
	p.Set(to+".image", env+".Image")
	p.Set(to+".compute_type", env+".ComputeType")
	p.Set(to+".certificate", env+".Certificate")
	p.Set(to+".image_pull_credentials_type", env+".ImagePullCredentialsType")
	p.SetFunc(to+".privileged_mode", env+".PrivilegedMode", Bool)

	const vars = env + ".EnvironmentVariables"
	if p.Unknown(vars) {
		p.UnknownAttr(to+".environment_variable", vars)
		return
	}
	for i := range p.Len(vars) {
		item := vars + "." + strconv.Itoa(i)
		if p.Unknown(item) || p.Unknown(item+".Name") {
			p.UnknownAttr(to+".environment_variable", item)
			return
		}
	}
	for i := range p.Len(vars) {
		attr, item := to+".environment_variable."+strconv.Itoa(i), vars+"."+strconv.Itoa(i)
		p.put(attr, map[string]any{})
		ec2Line(p, attr, item)
		p.Set(attr+".name", item+".Name")
		p.SetFunc(attr+".value", item+".Value", codebuildString)
		p.Sensitive(attr+".value", item+".Value")
		p.Set(attr+".type", item+".Type")
	}
}

// codebuildString writes a variable's value as the string CodeBuild
// keeps (a YAML 5 is "5").
func codebuildString(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return v, true
}

// codebuildLogs writes LogsConfig's S3Logs and CloudWatchLogs.
func codebuildLogs(p *Res) {
	const logs = "LogsConfig"
	const s3, cw = logs + ".S3Logs", logs + ".CloudWatchLogs"
	const s3to = "logs_config.0.s3_logs.0"
	switch {
	case p.Unknown(logs):
		p.UnknownAttr(s3to+".status", logs)
		p.UnknownAttr(s3to+".encryption_disabled", logs)
		return
	case !p.Has(logs):
		return
	}
	p.put("logs_config.0", map[string]any{})
	ec2Line(p, "logs_config", logs)
	switch {
	case p.Unknown(s3):
		p.UnknownAttr(s3to+".status", s3)
		p.UnknownAttr(s3to+".encryption_disabled", s3)
	case p.Has(s3):
		p.put(s3to, map[string]any{})
		ec2Line(p, "logs_config.s3_logs", s3)
		p.Set(s3to+".status", s3+".Status")
		p.Set(s3to+".location", s3+".Location")
		p.SetFunc(s3to+".encryption_disabled", s3+".EncryptionDisabled", Bool)
	}
	const cwto = "logs_config.0.cloudwatch_logs.0"
	switch {
	case p.Unknown(cw):
		p.UnknownAttr(cwto+".status", cw)
	case p.Has(cw):
		p.put(cwto, map[string]any{})
		ec2Line(p, "logs_config.cloudwatch_logs", cw)
		p.Set(cwto+".status", cw+".Status")
		p.Set(cwto+".group_name", cw+".GroupName")
		p.Set(cwto+".stream_name", cw+".StreamName")
	}
}
