package tenet.kubernetes.pod.env_credentials_test

import rego.v1

import data.tenet.kubernetes.pod.env_credentials as check
import data.tenet.lib.fixtures

_c(name, env) := object.union(fixtures.container(name, "app:1"), {"env": env})

test_deny_literal_password if {
	spec := {"containers": [_c("web", [{"name": "LOG_LEVEL", "value": "debug"}, {"name": "DB_PASSWORD", "value": "hunter2-prod"}])]}
	check.deny == {{
		"msg": `container "web" variable DB_PASSWORD is named like a credential and holds a literal value`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=web].env[1].value",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}

test_deny_access_key_under_any_name if {
	spec := {"initContainers": [_c("init", [{"name": "AWS_KEY_ID", "value": "AKIAABCDEFGHIJKLMNOP"}])], "containers": [_c("a", [])]}
	{f.msg | some f in check.deny} == {`container "init" variable AWS_KEY_ID holds an AWS access key id`} with input as fixtures.manifest([fixtures.workload("Job", "j", spec)])
}

test_allow_references_placeholders_and_secret_refs if {
	spec := {"containers": [_c("web", [
		{"name": "PASSWORD_FILE", "value": "/run/secrets/db"},
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
		{"name": "API_TOKEN", "value": "$(TOKEN_FROM_SECRET)"},
		{"name": "REDIS_PASSWORD", "value": ""},
		{"name": "SECRET_NAME", "value": "db-credentials"},
	])]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "web", spec)])
}
