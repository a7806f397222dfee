package view

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// TestECSContainerDefinitions: ContainerDefinitions become the JSON
// string of camelCase names the rules parse, with strings made booleans
// and numbers, user keys kept, and values the deployment decides written
// by name where the rules do not read them; a parameter in what they
// read (a variable's value) makes the whole string unknown.
func TestECSContainerDefinitions(t *testing.T) {
	rs := viewOf(t, `Parameters:
  Img: {Type: String}
  Secret: {Type: String, NoEcho: true}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1"
          Privileged: "true"
          Memory: "512"
          Environment:
            - {Name: DB_HOST, Value: !GetAtt Db.Endpoint.Address}
            - {Name: PORT, Value: 5432}
          DockerLabels: {com.acme.Team: web}
          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-region: !Ref AWS::Region}}
        - Name: side
          Image: !Ref Img
          ReadonlyRootFilesystem: true
  Secretive:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx
          Environment: [{Name: TOKEN, Value: !Ref Secret}]
  Svc:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration: {Subnets: [subnet-1]}
`)
	task := rs["Task"]
	var got []map[string]any
	if err := json.Unmarshal([]byte(task.Values["container_definitions"].(string)), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{
			"name": "app", "image": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1", "privileged": true, "memory": 512.0,
			"environment":      []any{map[string]any{"name": "DB_HOST", "value": "${Db.Endpoint.Address}"}, map[string]any{"name": "PORT", "value": "5432"}},
			"dockerLabels":     map[string]any{"com.acme.Team": "web"},
			"logConfiguration": map[string]any{"logDriver": "awslogs", "options": map[string]any{"awslogs-region": "${AWS::Region}"}},
		},
		{"name": "side", "image": "${Img}", "readonlyRootFilesystem": true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("container_definitions\n%v\nwant\n%v", got, want)
	}
	if slices.Contains(task.Unknown, "container_definitions") || !reflect.DeepEqual(task.Refs["container_definitions"], []string{"Db"}) {
		t.Errorf("unknown %v refs %v", task.Unknown, task.Refs)
	}
	sec := rs["Secretive"]
	if _, ok := sec.Values["container_definitions"]; ok || !reflect.DeepEqual(sec.Unknown, []string{"container_definitions"}) {
		t.Errorf("a variable from a parameter: %v, unknown %v", sec.Values, sec.Unknown)
	}
	svc := rs["Svc"]
	if ip := svc.Values["network_configuration"].([]any)[0].(map[string]any)["assign_public_ip"]; ip != false {
		t.Errorf("AssignPublicIp left out: %v, want CloudFormation's DISABLED", ip)
	}
}
