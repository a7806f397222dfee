package view

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/tenet-dev/tenet/pkg/cfn"
	"github.com/tenet-dev/tenet/pkg/input"
)

func viewOf(t *testing.T, text string) map[string]input.Resource {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	tmpl, err := cfn.Parse(&doc)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]input.Resource{}
	for _, r := range Resources(tmpl, "t.yaml") {
		out[r.Address] = r
	}
	return out
}

// TestBuilder checks what the mappings rely on: a property's value, or
// unknown with its references, its line and configured; tags as a map; a
// policy document as JSON with the template's resources named; parts
// pointing at their resource; an unmapped type kept as written.
func TestBuilder(t *testing.T) {
	rs := viewOf(t, `Parameters:
  Acl: {Type: String}
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
  Data:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
      Tags:
        - {Key: team, Value: data}
        - {Key: owner, Value: !GetAtt Logs.Arn}
      VersioningConfiguration: {Status: Enabled}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: !Sub "${Data.Arn}/*"}]
  Topic:
    Type: AWS::Events::Rule
    Properties:
      Endpoint: !GetAtt Logs.Arn
`)
	data := rs["Data"]
	if data.Type != "aws_s3_bucket" || data.Location.Line != 8 || data.Location.Attributes["acl"] != 11 {
		t.Errorf("Data: %+v", data)
	}
	if !reflect.DeepEqual(data.Unknown, []string{"acl", "tags.owner"}) {
		t.Errorf("unknown %v, want the parameter's acl and the tag holding an ARN", data.Unknown)
	}
	if !reflect.DeepEqual(data.Values["tags"], map[string]any{"team": "data"}) {
		t.Errorf("tags %v", data.Values["tags"])
	}
	if !reflect.DeepEqual(data.Refs["tags"], []string{"Logs"}) {
		t.Errorf("refs %v", data.Refs)
	}
	if !reflect.DeepEqual(data.Configured, []string{"acl", "tags"}) {
		t.Errorf("configured %v", data.Configured)
	}
	ver := rs["Data.VersioningConfiguration"]
	if ver.Type != "aws_s3_bucket_versioning" || !reflect.DeepEqual(ver.Refs["bucket"], []string{"Data"}) ||
		!reflect.DeepEqual(ver.Values["versioning_configuration"], []any{map[string]any{"status": "Enabled"}}) || ver.Location.Line != 15 {
		t.Errorf("versioning part: %+v", ver)
	}
	pol := rs["Policy"]
	want := `{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Principal":"*","Resource":"${Data.Arn}/*"}]}`
	if pol.Values["policy"] != want || !reflect.DeepEqual(pol.Refs["bucket"], []string{"Data"}) {
		t.Errorf("policy: %v refs %v", pol.Values, pol.Refs)
	}
	sub := rs["Topic"]
	if sub.Type != "AWS::Events::Rule" || !reflect.DeepEqual(sub.Unknown, []string{"Endpoint"}) || !reflect.DeepEqual(sub.Refs["Endpoint"], []string{"Logs"}) {
		t.Errorf("unmapped type: %+v", sub)
	}
}

func TestConverters(t *testing.T) {
	for _, tc := range []struct {
		f    func(any) (any, bool)
		in   any
		want any
		ok   bool
	}{
		{Bool, "true", true, true},
		{Bool, false, false, true},
		{Bool, "yes", nil, false},
		{Number, "5", int64(5), true},
		{Number, "1.5", 1.5, true},
		{Number, int64(3), int64(3), true},
		{Number, "x", 0.0, false},
		{Enum(cannedACLs), "PublicRead", "public-read", true},
		{Enum(cannedACLs), "Other", "Other", true},
	} {
		got, ok := tc.f(tc.in)
		if ok != tc.ok || ok && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v -> %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestJoinByOwnName: a policy naming its bucket by the bucket's own name
// expression refers to it; a database naming its subnet group does not
// make the two refer to each other.
func TestJoinByOwnName(t *testing.T) {
	rs := viewOf(t, `Parameters:
  App: {Type: String}
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${App}-data"
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub "${App}-data"
      PolicyDocument: {Statement: []}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupName: !Sub "${App}-db"
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBSubnetGroupName: !Sub "${App}-db"
  Other:
    Type: AWS::RDS::DBCluster
    Properties:
      DBSubnetGroupName: !Sub "${App}-db"
`)
	if got := rs["Policy"].Refs["bucket"]; !reflect.DeepEqual(got, []string{"Data"}) {
		t.Errorf("policy refs %v, want [Data]", got)
	}
	if got := rs["Db"].Refs["db_subnet_group_name"]; !reflect.DeepEqual(got, []string{"Group"}) {
		t.Errorf("database refs %v, want only the group", got)
	}
}

// TestAPIStages: a stage's method settings are resources of their own,
// pointing at the stage, with Terraform's method_path; a deployment that
// names a stage is that stage, one that names none is kept as written.
func TestAPIStages(t *testing.T) {
	rs := viewOf(t, `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  Bare:
    Type: AWS::ApiGateway::Deployment
    Properties: {RestApiId: !Ref Api}
  V1:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: v1
      StageDescription: {LoggingLevel: INFO, TracingEnabled: true}
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      MethodSettings:
        - {ResourcePath: "/~1orders~1{id}", HttpMethod: GET, LoggingLevel: ERROR}
        - {ResourcePath: "/*", HttpMethod: "*", CachingEnabled: "false"}
`)
	if got := rs["Bare"].Type; got != "AWS::ApiGateway::Deployment" {
		t.Errorf("a deployment without a stage is %s", got)
	}
	if got := rs["V1"]; got.Type != "aws_api_gateway_stage" || got.Values["xray_tracing_enabled"] != true {
		t.Errorf("a deployment's stage: %s %v", got.Type, got.Values)
	}
	all := rs["V1.StageDescription"]
	if all.Values["method_path"] != "*/*" || !reflect.DeepEqual(all.Refs["stage_name"], []string{"V1"}) {
		t.Errorf("stage-wide settings: %v %v", all.Values, all.Refs)
	}
	for addr, want := range map[string]string{"Prod.MethodSettings.0": "orders/{id}/GET", "Prod.MethodSettings.1": "*/*"} {
		m := rs[addr]
		if m.Type != "aws_api_gateway_method_settings" || m.Values["method_path"] != want || !reflect.DeepEqual(m.Refs["stage_name"], []string{"Prod"}) {
			t.Errorf("%s: %s %v %v, want method_path %s", addr, m.Type, m.Values, m.Refs, want)
		}
	}
	if got := rs["Prod.MethodSettings.1"].Values["settings"]; !reflect.DeepEqual(got, []any{map[string]any{"caching_enabled": false}}) {
		t.Errorf("settings: %v", got)
	}
}

// TestBackupSelection: a selection's ARNs keep their references, its tags
// and conditions take Terraform's names; a file system's BackupPolicy is
// an aws_efs_backup_policy pointing at it.
func TestBackupSelection(t *testing.T) {
	rs := viewOf(t, `Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy: {Status: ENABLED}
  Sel:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: p
      BackupSelection:
        SelectionName: s
        IamRoleArn: r
        Resources: [!GetAtt Fs.Arn]
        ListOfTags: [{ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily}]
        Conditions:
          StringNotLike: [{ConditionKey: "aws:ResourceTag/tier", ConditionValue: "dev*"}]
`)
	p := rs["Fs.BackupPolicy"]
	if p.Type != "aws_efs_backup_policy" || !reflect.DeepEqual(p.Values["backup_policy"], []any{map[string]any{"status": "ENABLED"}}) || !reflect.DeepEqual(p.Refs["file_system_id"], []string{"Fs"}) {
		t.Errorf("backup policy: %s %v %v", p.Type, p.Values, p.Refs)
	}
	s := rs["Sel"]
	if !reflect.DeepEqual(s.Refs["resources"], []string{"Fs"}) {
		t.Errorf("resources refs: %v", s.Refs)
	}
	if want := []any{map[string]any{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}}; !reflect.DeepEqual(s.Values["selection_tag"], want) {
		t.Errorf("selection_tag: %v", s.Values["selection_tag"])
	}
	if want := []any{map[string]any{"string_not_like": []any{map[string]any{"key": "aws:ResourceTag/tier", "value": "dev*"}}}}; !reflect.DeepEqual(s.Values["condition"], want) {
		t.Errorf("condition: %v", s.Values["condition"])
	}
}

// TestGroupsByItem: a user's Groups keep a !Ref to a group of the template
// as a reference with an unknown item, not as the symbolic text of its
// name, and a group named in the text as its name.
func TestGroupsByItem(t *testing.T) {
	rs := viewOf(t, `Resources:
  Readers:
    Type: AWS::IAM::Group
  Alice:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Readers, admins]
`)
	m := rs["Alice.Groups"]
	if m.Type != "aws_iam_user_group_membership" || !reflect.DeepEqual(m.Values["groups"], []any{nil, "admins"}) ||
		!reflect.DeepEqual(m.Unknown, []string{"groups.0", "user"}) || !reflect.DeepEqual(m.Refs["groups"], []string{"Readers"}) {
		t.Errorf("membership: %s %v unknown %v refs %v", m.Type, m.Values, m.Unknown, m.Refs)
	}
}

// TestGlobalTableReplicas: each replica of a global table is a table with
// the global table's encryption and its own key and recovery.
func TestGlobalTableReplicas(t *testing.T) {
	rs := viewOf(t, `Resources:
  Global:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: carts
      SSESpecification: {SSEEnabled: true}
      Replicas:
        - {Region: eu-west-1, SSESpecification: {KMSMasterKeyId: k1}, PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: "true"}}
        - {Region: us-east-1}
`)
	if _, ok := rs["Global"]; ok {
		t.Errorf("the global table itself is in the view")
	}
	a, b := rs["Global.Replicas.0"], rs["Global.Replicas.1"]
	want := map[string]any{"name": "carts", "region": "eu-west-1",
		"server_side_encryption": []any{map[string]any{"enabled": true, "kms_key_arn": "k1"}},
		"point_in_time_recovery": []any{map[string]any{"enabled": true}}}
	if a.Type != "aws_dynamodb_table" || !reflect.DeepEqual(a.Values, want) {
		t.Errorf("replica 0: %s %v", a.Type, a.Values)
	}
	want = map[string]any{"name": "carts", "region": "us-east-1", "server_side_encryption": []any{map[string]any{"enabled": true}}}
	if !reflect.DeepEqual(b.Values, want) {
		t.Errorf("replica 1: %v", b.Values)
	}
}

// TestGlobalTableWithoutReplicas: a global table whose Replicas is not a
// list of replicas is kept as written, not dropped from the view.
func TestGlobalTableWithoutReplicas(t *testing.T) {
	for _, replicas := range []string{`"not a list"`, `[]`, `{Region: eu-west-1}`} {
		rs := viewOf(t, "Resources:\n  Global:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties: {TableName: t, Replicas: "+replicas+"}\n")
		if got := rs["Global"].Type; got != "AWS::DynamoDB::GlobalTable" {
			t.Errorf("Replicas %s: the global table is %q in the view", replicas, got)
		}
	}
}
