package tenet.kubernetes.pod.secret_env_test

import rego.v1

import data.tenet.kubernetes.pod.secret_env as check
import data.tenet.lib.fixtures

test_deny_secret_key_ref if {
	c := object.union(fixtures.container("app", "app:1"), {"env": [
		{"name": "MODE", "value": "prod"},
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
	]})
	check.deny == {{
		"msg": `container "app" reads Secret "db" into environment variable DB_PASSWORD`,
		"resource": "Deployment/web",
		"attribute": "spec.template.spec.containers[name=app].env",
	}} with input as fixtures.manifest([fixtures.workload("Deployment", "web", {"containers": [c]})])
}

test_deny_env_from_secret if {
	c := object.union(fixtures.container("init", "init:1"), {"envFrom": [{"configMapRef": {"name": "cfg"}}, {"secretRef": {"name": "api"}}]})
	check.deny == {{
		"msg": `container "init" loads every key of Secret "api" into its environment`,
		"resource": "Job/j",
		"attribute": "spec.template.spec.initContainers[name=init].envFrom",
	}} with input as fixtures.manifest([fixtures.workload("Job", "j", {"initContainers": [c], "containers": [fixtures.container("a", "a:1")]})])
}

test_allow_config_map_and_field_refs if {
	c := object.union(fixtures.container("app", "app:1"), {
		"env": [{"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}, {"name": "X", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "x"}}}],
		"envFrom": [{"configMapRef": {"name": "cfg"}}],
		"volumeMounts": [{"name": "creds", "mountPath": "/etc/creds", "readOnly": true}],
	})
	spec := {"containers": [c], "volumes": [{"name": "creds", "secret": {"secretName": "db"}}]}
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Pod", "p", spec)])
}
