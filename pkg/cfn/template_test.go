package cfn

import (
	"reflect"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

func parseText(t *testing.T, text string) *Template {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	tmpl, err := Parse(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

func resource(t *testing.T, tmpl *Template, id string) Resource {
	t.Helper()
	for _, r := range tmpl.Resources {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no resource %s", id)
	return Resource{}
}

const intrinsics = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Cidrs: {Type: CommaDelimitedList, Default: "10.0.0.0/8, 192.168.0.0/16"}
  Size: {Type: Number, Default: "20"}
  KeyArn: {Type: String}
  DbPassword: {Type: String, NoEcho: true}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami}
Mappings:
  Regions:
    prod: {Retention: 90}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  HasKey: !Not [!Equals [!Ref KeyArn, ""]]
  ProdAndKey: !And [!Condition IsProd, !Condition HasKey]
  ProdOrKey: !Or [!Condition IsProd, !Condition HasKey]
  Never: !Equals [a, b]
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Data:
    Type: AWS::S3::Bucket
    DependsOn: [Logs]
    Properties:
      BucketName: !Sub "${Env}-data-${AWS::Region}"
      Literal: !Sub "${!NotAVar}-${Env}"
      Named: !Sub ["${Prefix}-x", {Prefix: !Ref Env}]
      Joined: !Join ["-", [a, !Ref Env, 1]]
      Picked: !Select [1, !Ref Cidrs]
      Parts: !Split [",", "a,b"]
      Retention: !FindInMap [Regions, !Ref Env, Retention]
      Size: !Ref Size
      Encoded: !Base64 hello
      Image: !Ref Ami
      Zones: !GetAZs ""
      Imported: !ImportValue shared-vpc
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
        LogFilePrefix: !GetAtt Logs.Arn
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !Ref KeyArn
      Picked2: !If [IsProd, !Ref "AWS::NoValue", other]
      Versioning: !If
        - IsProd
        - Status: Enabled
          Note: !Ref Logs
        - Status: Suspended
      Unsure: !If [HasKey, yes, no]
      Password: !Ref DbPassword
      Decided1: !If [ProdOrKey, a, b]
      Decided2: !If [ProdAndKey, a, b]
      Dropped: !Ref AWS::NoValue
      Tags:
        - {Key: env, Value: !Ref Env}
        - {Key: arn, Value: !GetAtt [Logs, Arn]}
  NotInProd:
    Type: AWS::S3::Bucket
    Condition: NotProd
  Dropped:
    Type: AWS::S3::Bucket
    Condition: Never
  MaybeKey:
    Type: AWS::KMS::Key
    Condition: HasKey
`

func TestIntrinsics(t *testing.T) {
	tmpl := parseText(t, intrinsics)
	if tmpl.FormatVersion != "2010-09-09" {
		t.Errorf("format version %q", tmpl.FormatVersion)
	}
	var ids []string
	for _, r := range tmpl.Resources {
		ids = append(ids, r.ID)
	}
	// A condition false whatever the parameters leaves a resource out; one
	// false only by a parameter's default (NotProd) does not: deployed
	// with Env=dev, the bucket exists and must be checked.
	if want := []string{"Logs", "Data", "NotInProd", "MaybeKey"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("resources %v, want %v", ids, want)
	}
	if r := resource(t, tmpl, "NotInProd"); !r.ConditionUnknown {
		t.Errorf("NotInProd: condition decided by a default is not unknown")
	}
	if r := resource(t, tmpl, "MaybeKey"); !r.ConditionUnknown || r.Condition != "HasKey" {
		t.Errorf("MaybeKey condition %q unknown=%v, want HasKey unknown", r.Condition, r.ConditionUnknown)
	}
	r := resource(t, tmpl, "Data")
	want := map[string]any{
		"Literal":              "${NotAVar}-prod",
		"Named":                "prod-x",
		"Joined":               "a-prod-1",
		"Picked":               "192.168.0.0/16",
		"Parts":                []any{"a", "b"},
		"Retention":            int64(90),
		"Size":                 float64(20),
		"Encoded":              "aGVsbG8=",
		"LoggingConfiguration": map[string]any{},
		"BucketEncryption": map[string]any{"ServerSideEncryptionConfiguration": []any{
			map[string]any{"ServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "aws:kms"}},
		}},
		"Versioning": map[string]any{"Status": "Enabled"},
		"Decided1":   "a",
		"Tags":       []any{map[string]any{"Key": "env", "Value": "prod"}, map[string]any{"Key": "arn"}},
	}
	if !reflect.DeepEqual(r.Properties, want) {
		t.Errorf("properties:\n got %#v\nwant %#v", r.Properties, want)
	}
	wantUnknown := []string{
		"BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID",
		"BucketName", "Decided2", "Image", "Imported",
		"LoggingConfiguration.DestinationBucketName", "LoggingConfiguration.LogFilePrefix",
		"Password", "Tags.1.Value", "Unsure", "Versioning.Note", "Zones",
	}
	if !reflect.DeepEqual(r.Unknown, wantUnknown) {
		t.Errorf("unknown:\n got %q\nwant %q", r.Unknown, wantUnknown)
	}
	wantRefs := map[string][]string{
		"LoggingConfiguration.DestinationBucketName": {"Logs"},
		"LoggingConfiguration.LogFilePrefix":         {"Logs"},
		"Versioning.Note":                            {"Logs"},
		"Tags.1.Value":                               {"Logs"},
	}
	if !reflect.DeepEqual(r.Refs, wantRefs) {
		t.Errorf("refs:\n got %v\nwant %v", r.Refs, wantRefs)
	}
	if !reflect.DeepEqual(r.Sensitive, []string{"Password"}) {
		t.Errorf("sensitive %v, want [Password]", r.Sensitive)
	}
	if !reflect.DeepEqual(r.DependsOn, []string{"Logs"}) {
		t.Errorf("depends on %v", r.DependsOn)
	}
	for path, line := range map[string]int{"BucketName": 26, "BucketEncryption": 41, "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm": 44, "Versioning.Status": 49, "Tags.1.Value": 59} {
		if r.Lines[path] != line {
			t.Errorf("line of %s = %d, want %d", path, r.Lines[path], line)
		}
	}
	if r.Line != 22 {
		t.Errorf("resource line %d, want 22", r.Line)
	}
}

func TestJSONTemplate(t *testing.T) {
	tmpl := parseText(t, `{
  "Parameters": {"Name": {"Type": "String", "Default": "n"}},
  "Resources": {
    "Q": {
      "Type": "AWS::SQS::Queue",
      "Properties": {
        "QueueName": {"Fn::Sub": "${Name}-q"},
        "KmsMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]},
        "Policy": {"Condition": {"Bool": {"aws:SecureTransport": "false"}}}
      }
    },
    "Key": {"Type": "AWS::KMS::Key"}
  }
}`)
	r := resource(t, tmpl, "Q")
	if r.Properties["QueueName"] != "n-q" || r.Lines["KmsMasterKeyId"] != 8 || !reflect.DeepEqual(r.Refs["KmsMasterKeyId"], []string{"Key"}) {
		t.Errorf("json template: %#v lines %v refs %v", r.Properties, r.Lines, r.Refs)
	}
	if _, ok := r.Properties["Policy"].(map[string]any)["Condition"].(map[string]any); !ok {
		t.Errorf("an IAM Condition mapping was taken for the Condition function: %#v", r.Properties["Policy"])
	}
}

func TestIsTemplate(t *testing.T) {
	for text, want := range map[string]bool{
		"AWSTemplateFormatVersion: 2010-09-09\n":                               true,
		"Resources:\n  B: {Type: AWS::S3::Bucket}\n":                           true,
		"Resources:\n  B: {Type: Custom::Thing}\n  C: {Type: AWS::SNS::Topic}": true,
		"Resources:\n  B: {Type: bucket}\n":                                    false,
		"Resources: []\n":                                                      false,
		"kind: Pod\n":                                                          false,
		"[1, 2]\n":                                                             false,
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatal(err)
		}
		if got := IsTemplate(&doc); got != want {
			t.Errorf("IsTemplate(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCircularCondition(t *testing.T) {
	tmpl := parseText(t, `Conditions:
  A: !Condition B
  B: !Not [!Condition A]
Resources:
  X: {Type: AWS::SNS::Topic, Condition: A}
`)
	if r := resource(t, tmpl, "X"); !r.ConditionUnknown {
		t.Errorf("a circular condition is not unknown")
	}
}

func TestRender(t *testing.T) {
	tmpl := parseText(t, `Parameters:
  Principal: {Type: String}
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
            Action: s3:GetObject
            Resource: [!Sub "${Bucket.Arn}/*", !Join ["", [!GetAtt Bucket.Arn, "/x"]]]
      Other:
        Principal: !Ref Principal
`)
	r := resource(t, tmpl, "Policy")
	got, ok := r.Render("PolicyDocument")
	want := map[string]any{"Statement": []any{map[string]any{
		"Effect": "Allow", "Action": "s3:GetObject",
		"Principal": map[string]any{"AWS": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"},
		"Resource":  []any{"${Bucket.Arn}/*", "${Bucket.Arn}/x"},
	}}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("Render(PolicyDocument) = %#v, %v\nwant %#v", got, ok, want)
	}
	if _, ok := r.Properties["PolicyDocument"].(map[string]any)["Statement"].([]any)[0].(map[string]any)["Principal"].(map[string]any)["AWS"]; ok {
		t.Errorf("Render wrote into Properties")
	}
	if v, ok := r.Render("Bucket"); !ok || v != "${Bucket}" {
		t.Errorf("Render(Bucket) = %v, %v", v, ok)
	}
	if _, ok := r.Render("Other"); ok {
		t.Errorf("a parameter without default rendered: it could be a wildcard")
	}
	if _, ok := r.Render("Missing"); ok {
		t.Errorf("an absent property rendered")
	}
}

func TestJSONNode(t *testing.T) {
	doc, err := JSONNode([]byte("{\n\t\"Resources\": {\n\t\t\"B\": {\"Type\": \"AWS::S3::Bucket\",\n\t\t\"Properties\": {\"BucketName\": \"a\\/b\", \"N\": 5, \"F\": 1.5, \"T\": true, \"Z\": null}}\n\t}\n}"))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	r := resource(t, tmpl, "B")
	want := map[string]any{"BucketName": "a/b", "N": int64(5), "F": 1.5, "T": true, "Z": nil}
	if !reflect.DeepEqual(r.Properties, want) || r.Line != 3 || r.Lines["BucketName"] != 4 {
		t.Errorf("got %#v line %d lines %v", r.Properties, r.Line, r.Lines)
	}
	for _, bad := range []string{`{"Resources": {"B": {"Type": "AWS::S3::Bucket"}, "B": {"Type": "AWS::SNS::Topic"}}}`, `{"Resources": `, `{"Resources": {}} {}`} {
		doc, err := JSONNode([]byte(bad))
		if err == nil {
			_, err = Parse(doc)
		}
		if err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestRepeatedKeyRefused(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n      AccessControl: PublicRead\n"), &doc); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(&doc); err == nil || err.Error() != `line 6: key "AccessControl" repeated (first on line 5)` {
		t.Errorf("err = %v", err)
	}
}

func TestSAM(t *testing.T) {
	tmpl := parseText(t, `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Environment:
      Variables: {LOG_LEVEL: info}
Parameters:
  Key: {Type: String}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Tracing: Active
      Environment:
        Variables: {TABLE: !Ref Table}
      Policies:
        - AmazonS3ReadOnlyAccess
        - S3ReadPolicy: {BucketName: b}
        - Statement:
            - {Effect: Allow, Action: "s3:*", Resource: "*"}
      FunctionUrlConfig:
        AuthType: NONE
      Tags: {team: data}
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: {SSEEnabled: true}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      AccessLogSetting: {DestinationArn: !Ref Key}
  Other:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt FnRole.Arn
`)
	var ids []string
	for _, r := range tmpl.Resources {
		ids = append(ids, r.ID+" "+r.Type)
	}
	want := []string{"Fn AWS::Lambda::Function", "FnRole AWS::IAM::Role", "FnUrl AWS::Lambda::Url",
		"FnUrlPublicPermissions AWS::Lambda::Permission", "Table AWS::DynamoDB::Table",
		"Api AWS::ApiGateway::RestApi", "ApiprodStage AWS::ApiGateway::Stage", "Other AWS::SNS::Topic"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("resources:\n got %q\nwant %q", ids, want)
	}
	fn := resource(t, tmpl, "Fn")
	if fn.Properties["Runtime"] != "python3.12" || fn.Lines["Runtime"] != 4 {
		t.Errorf("Globals not applied: runtime %v at line %d", fn.Properties["Runtime"], fn.Lines["Runtime"])
	}
	if v, _ := Lookup(fn.Properties, "Environment.Variables.LOG_LEVEL"); v != "info" {
		t.Errorf("Globals' variables not merged: %#v", fn.Properties["Environment"])
	}
	if !slices.Contains(fn.Unknown, "Environment.Variables.TABLE") || fn.Properties["TracingConfig"] == nil {
		t.Errorf("function: unknown %v, tracing %v", fn.Unknown, fn.Properties["TracingConfig"])
	}
	if !reflect.DeepEqual(fn.Refs["Role"], []string{"FnRole"}) {
		t.Errorf("the function's role is not the implicit one: %v", fn.Refs)
	}
	role := resource(t, tmpl, "FnRole")
	arns, _ := role.Properties["ManagedPolicyArns"].([]any)
	if len(arns) != 3 || arns[2] != "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" {
		t.Errorf("managed policies %v", arns)
	}
	if doc, ok := Lookup(role.Properties, "Policies.0.PolicyDocument.Statement.0.Action"); !ok || doc != "s3:*" {
		t.Errorf("inline policy not moved: %#v", role.Properties["Policies"])
	}
	if role.Lines["Policies.0.PolicyDocument"] != 20 {
		t.Errorf("inline policy line %d, want 20", role.Lines["Policies.0.PolicyDocument"])
	}
	if other := resource(t, tmpl, "Other"); !reflect.DeepEqual(other.Refs["KmsMasterKeyId"], []string{"FnRole"}) {
		t.Errorf("a reference to the implicit role is not a reference: %v", other.Refs)
	}
	if st := resource(t, tmpl, "ApiprodStage"); !slices.Contains(st.Unknown, "AccessLogSetting.DestinationArn") || st.Lines["AccessLogSetting"] != 33 {
		t.Errorf("stage: unknown %v lines %v", st.Unknown, st.Lines)
	}
	if tab := resource(t, tmpl, "Table"); tab.Properties["BillingMode"] != "PAY_PER_REQUEST" {
		t.Errorf("table %v", tab.Properties)
	}
}

func TestRenderPseudoMapAndConditions(t *testing.T) {
	tmpl := parseText(t, `Parameters:
  ExternalId: {Type: String}
Mappings:
  Partition:
    aws: {EC2: ec2.amazonaws.com}
    aws-cn: {EC2: ec2.amazonaws.com.cn}
  Wild:
    aws: {EC2: "*"}
    aws-cn: {EC2: ec2.amazonaws.com.cn}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: !FindInMap [Partition, !Ref AWS::Partition, EC2]}
            Action: sts:AssumeRole
            Condition: {StringEquals: {sts:ExternalId: !Ref ExternalId}}
      Other: !FindInMap [Wild, !Ref AWS::Partition, EC2]
`)
	r := resource(t, tmpl, "Role")
	doc, ok := r.Render("AssumeRolePolicyDocument")
	if !ok {
		t.Fatalf("the trust policy is not rendered (unknown %v, opaque %v)", r.Unknown, r.Opaque)
	}
	st := doc.(map[string]any)["Statement"].([]any)[0].(map[string]any)
	if st["Principal"].(map[string]any)["Service"] != "ec2.amazonaws.com" {
		t.Errorf("principal %v", st["Principal"])
	}
	if v, _ := Lookup(st, "Condition.StringEquals.sts:ExternalId"); v != "${ExternalId}" {
		t.Errorf("condition %v", st["Condition"])
	}
	if _, ok := r.Render("Other"); ok {
		t.Errorf("a map holding a wildcard was rendered")
	}
}
