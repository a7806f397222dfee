package tenet.lib.fixtures_test

import rego.v1

import data.tenet.lib.fixtures

test_plan_document if {
	d := fixtures.plan([])
	d.schema == "tenet.input/v1"
	d.source.format == "terraform-plan"
	d.resources == []
}

test_resource if {
	fixtures.resource("aws_s3_bucket", "logs", {"bucket": "b"}) == {
		"address": "aws_s3_bucket.logs",
		"config_address": "aws_s3_bucket.logs",
		"type": "aws_s3_bucket",
		"name": "logs",
		"provider": "registry.terraform.io/hashicorp/aws",
		"mode": "managed",
		"action": "create",
		"values": {"bucket": "b"},
		"location": {"file": "plan.json", "line": 0},
	}
}

test_data_source if {
	d := fixtures.data_source("aws_iam_policy_document", "p", {"json": "{}"})
	d.address == "data.aws_iam_policy_document.p"
	d.mode == "data"
}

test_state_drops_plan_only_fields if {
	r := fixtures.from_local(fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "b", {}), ["id"]), {"bucket": ["x"]}), ["acl"])
	d := fixtures.state([r])
	d.source.format == "terraform-state"
	s := d.resources[0]
	s.action == "no-op"
	not s.unknown
	not s.refs
	not s.configured
	s.address == "aws_s3_bucket.b"
}

test_patch_and_action if {
	r := fixtures.patch(fixtures.resource("aws_s3_bucket", "b", {"bucket": "x", "tags": {"a": "1"}}), {"values": {"tags": {"b": "2"}}})
	r.values == {"bucket": "x", "tags": {"a": "1", "b": "2"}}
	fixtures.with_action(r, "delete").action == "delete"
}

test_with_unknown_merges_and_sorts if {
	r := fixtures.with_unknown(fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "b", {}), ["id"]), ["arn", "id"])
	r.unknown == ["arn", "id"]
}

test_points_at if {
	b := fixtures.resource("aws_s3_bucket", "b", {})
	e := fixtures.points_at(fixtures.resource("aws_s3_bucket_versioning", "v", {"bucket": "x", "expected_bucket_owner": null}), "bucket", b)
	e.values == {"expected_bucket_owner": null}
	e.refs == {"bucket": ["aws_s3_bucket.b"]}
	e.unknown == ["bucket"]
	not e.configured
	c := fixtures.points_at(fixtures.with_configured(fixtures.resource("aws_s3_bucket_versioning", "v", {"bucket": "x"}), ["expected_bucket_owner"]), "bucket", b)
	c.configured == ["bucket", "expected_bucket_owner"]
}

test_configured if {
	r := fixtures.resource("aws_instance", "a", {})
	fixtures.with_configured(r, []).configured == []
	fixtures.with_configured(fixtures.with_configured(r, ["ami"]), ["metadata_options.0.http_tokens", "ami"]).configured == ["ami", "metadata_options.http_tokens"]
	c := fixtures.computed(r, ["arn"])
	c.configured == []
	c.unknown == ["arn"]
	l := fixtures.from_local(r, ["root_block_device.0.encrypted"])
	l.configured == ["root_block_device.encrypted"]
	l.unknown == ["root_block_device.0.encrypted"]
}

test_index_and_module if {
	r := fixtures.in_module(fixtures.with_index(fixtures.resource("aws_s3_bucket", "this", {}), 1), "module.logs[0]")
	r.address == "module.logs[0].aws_s3_bucket.this[1]"
	r.config_address == "module.logs.aws_s3_bucket.this"
	r.module == "module.logs[0]"
	r.index == 1
	fixtures.with_index(fixtures.resource("aws_s3_bucket", "this", {}), "a").address == `aws_s3_bucket.this["a"]`
}

test_manifest_and_objects if {
	d := fixtures.manifest([
		fixtures.workload("Deployment", "web", {"containers": [fixtures.container("web", "nginx:1.27")]}),
		{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}},
	])
	d.source.format == "kubernetes"
	[[r.address, r.type, r.name, r.action] | some r in d.resources] == [
		["Deployment/web", "Deployment", "web", "apply"],
		["Namespace/shop", "Namespace", "shop", "apply"],
	]
	d.resources[0].namespace == "default"
	not d.resources[1].namespace
	d.resources[0].values.spec.template.spec.containers[0].image == "nginx:1.27"
}

test_batch if {
	ns := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}
	sa := {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "app"}}
	d := fixtures.batch([[ns], [], [sa, object.union(ns, {"metadata": {"name": "other"}})]])
	d.source.format == "kubernetes"
	d.source.documents == 3
	[[r.address, r.batch_input, r.location.file] | some r in d.resources] == [
		["Namespace/shop", 0, "manifest-0.yaml"],
		["ServiceAccount/app", 2, "manifest-2.yaml"],
		["Namespace/other", 2, "manifest-2.yaml"],
	]
}

test_kube_object_address if {
	_address("apps/v1", "Deployment", "shop") == "shop/Deployment/x"
	_address("apps/v1", "Deployment", "default") == "Deployment/x"
	_address("rbac.authorization.k8s.io/v1", "ClusterRole", "shop") == "ClusterRole/x"
	_address("v1", "Namespace", "shop") == "Namespace/x"
	_address("example.com/v1", "Namespace", "shop") == "shop/Namespace/x"
	fixtures.kube_object({"kind": "Node", "metadata": {"name": "x", "namespace": "shop"}}).address == "Node/x"
}

_address(api_version, kind, ns) := fixtures.kube_object({"apiVersion": api_version, "kind": kind, "metadata": {"name": "x", "namespace": ns}}).address

test_workload_shapes if {
	spec := {"containers": []}
	fixtures.workload("Pod", "p", spec).spec == spec
	fixtures.workload("CronJob", "c", spec).spec.jobTemplate.spec.template.spec == spec
	fixtures.workload("StatefulSet", "s", spec).spec.template.spec == spec
	fixtures.workload("ReplicationController", "r", spec).apiVersion == "v1"
}
