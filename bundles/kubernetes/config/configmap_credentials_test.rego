package tenet.kubernetes.config.configmap_credentials_test

import rego.v1

import data.tenet.kubernetes.config.configmap_credentials as check
import data.tenet.lib.fixtures

_cm(fields) := object.union({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app", "namespace": "shop"}}, fields)

test_deny_password_literal if {
	check.deny == {{
		"msg": "ConfigMap \"app\" key DB_PASSWORD is named like a credential and holds a literal value",
		"resource": "shop/ConfigMap/app",
		"attribute": "data.DB_PASSWORD",
	}} with input as fixtures.manifest([_cm({"data": {"DB_HOST": "db", "DB_PASSWORD": "s3cr3t-Pa55"}})])
}

test_deny_camel_case_token if {
	{f.attribute | some f in check.deny} == {"data.apiToken"} with input as fixtures.manifest([_cm({"data": {"apiToken": "9f8e7d6c5b4a"}})])
}

test_deny_private_key_and_access_key if {
	pem := "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"
	ini := "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\nregion = eu-west-1\n"
	{[f.attribute, f.msg] | some f in check.deny} == {
		["data.tls.key", "ConfigMap \"app\" key tls.key holds a private key"],
		["data.credentials", "ConfigMap \"app\" key credentials holds an AWS access key id"],
	} with input as fixtures.manifest([_cm({"data": {"tls.key": pem, "credentials": ini}})])
}

test_deny_binary_data if {
	cm := _cm({"binaryData": {"key.pem": base64.encode("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n")}})
	{f.attribute | some f in check.deny} == {"binaryData.key.pem"} with input as fixtures.manifest([cm])
}

test_allow_references_and_placeholders if {
	values := {
		"password_file": "/run/secrets/db-password",
		"secretName": "db-credentials",
		"token_ttl": "3600",
		"API_TOKEN": "${API_TOKEN}",
		"admin_password": "{{ .Values.password }}",
		"tokenizer": "standard",
		"authTokenHeader": "X-Auth-Token",
		"nginx.conf": "server {\n  listen 80;\n}\n",
		"secret": "",
	}
	check.deny == set() with input as fixtures.manifest([_cm({"data": values})])
}
