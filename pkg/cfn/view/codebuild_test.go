package view

import (
	"reflect"
	"testing"
)

// TestCodeBuildProject: a source URL that the template writes with a
// password around its parameters is judged with the parameters by name,
// while one whose only colons are in ${AWS::...} names stays unknown; a
// variable whose name waits on the deployment makes the whole list
// unknown; a list of artifacts the deployment decides is one block with
// an unknown flag.
func TestCodeBuildProject(t *testing.T) {
	rs := viewOf(t, `Parameters:
  User: {Type: String}
  Pass: {Type: String, NoEcho: true}
  Name: {Type: String}
  Extra: {Type: String}
Conditions:
  Has: !Equals [!Ref Extra, "yes"]
Resources:
  Secret:
    Type: AWS::CodeBuild::Project
    Properties:
      Source: {Type: BITBUCKET, Location: !Sub "https://${User}:${Pass}@bitbucket.org/acme/app.git"}
      SecondarySources:
        - {Type: S3, SourceIdentifier: s, Location: !Sub "https://${AWS::AccountId}@${User}/app.zip"}
      Environment:
        Image: aws/codebuild/standard:7.0
        EnvironmentVariables:
          - {Name: !Ref Name, Value: x}
          - {Name: STAGE, Value: 5}
      SecondaryArtifacts: !If [Has, [{Type: S3, EncryptionDisabled: true}], !Ref AWS::NoValue]
`)
	p := rs["Secret"]
	src := p.Values["source"].([]any)[0].(map[string]any)
	if src["location"] != "https://${User}:${Pass}@bitbucket.org/acme/app.git" || !reflect.DeepEqual(p.Sensitive, []string{"source.0.location"}) {
		t.Errorf("source %v sensitive %v", src, p.Sensitive)
	}
	want := []string{"environment.0.environment_variable", "secondary_artifacts.0.encryption_disabled", "secondary_artifacts.0.type", "secondary_sources.0.location"}
	if !reflect.DeepEqual(p.Unknown, want) {
		t.Errorf("unknown %v, want %v", p.Unknown, want)
	}
}
