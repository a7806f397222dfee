package tenet.lib.s3_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.s3

_bucket(name) := fixtures.resource("aws_s3_bucket", name, {"bucket": name})

test_settings_and_policies if {
	b := _bucket("data")
	p := fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "data", {"policy": `{"Statement":{"Effect":"Allow"}}`}), "bucket", b)
	inline := fixtures.patch(_bucket("old"), {"values": {"policy": `{"Statement":[{"Effect":"Deny"}]}`}})
	inp := fixtures.plan([b, p, inline])
	[x.address | some x in s3.settings(b, "aws_s3_bucket_policy")] == ["aws_s3_bucket_policy.data"] with input as inp
	[[h.address, i, st] | some [h, i, st] in s3.policy_statements(b)] == [["aws_s3_bucket_policy.data", 0, {"Effect": "Allow"}]] with input as inp
	[[h.address, i] | some [h, i, _] in s3.policy_statements(inline)] == [["aws_s3_bucket.old", 0]] with input as inp
}

test_pending_policies if {
	b := fixtures.with_refs(fixtures.with_unknown(_bucket("v3"), ["policy"]), {"policy": ["data.aws_iam_policy_document.p"]})
	computed := fixtures.with_unknown(_bucket("v4"), ["policy"])
	inp := fixtures.plan([b, computed])
	[h.address | some h in s3.pending_policies(b)] == ["aws_s3_bucket.v3"] with input as inp
	s3.policies(computed) == [] with input as inp
}

test_public_acl_reasons if {
	b := fixtures.patch(_bucket("site"), {"values": {"acl": "public-read"}})
	acl := fixtures.points_at(fixtures.resource("aws_s3_bucket_acl", "site", {"access_control_policy": [{"grant": [{"grantee": [{"uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}]}]}), "bucket", b)
	inp := fixtures.plan([b, acl])
	{[r.address, m] | some [r, m] in s3.public_acl_reasons(b)} == {
		["aws_s3_bucket.site", `acl is "public-read"`],
		["aws_s3_bucket_acl.site", "a grant is given to http://acs.amazonaws.com/groups/global/AllUsers"],
	} with input as inp
	s3.public_acl_reasons(_bucket("x")) == set() with input as fixtures.plan([_bucket("x")])
}

test_logged_and_log_target if {
	logs := _bucket("logs")
	app := _bucket("app")
	l := fixtures.points_at(fixtures.points_at(fixtures.resource("aws_s3_bucket_logging", "app", {"target_prefix": "app/"}), "bucket", app), "target_bucket", logs)
	v3 := fixtures.patch(_bucket("v3"), {"values": {"logging": [{"target_bucket": "logs"}]}})
	inp := fixtures.plan([logs, app, l, v3])
	s3.logged(app) with input as inp
	s3.logged(v3) with input as inp
	not s3.logged(logs) with input as inp
	s3.log_target(logs) with input as inp
	not s3.log_target(app) with input as inp
}

test_log_target_by_v3_reference if {
	logs := fixtures.with_unknown(_bucket("logs"), ["id"])
	v3 := fixtures.with_refs(fixtures.patch(_bucket("v3"), {"values": {"logging": [{"target_prefix": "x"}]}}), {"logging.target_bucket": ["aws_s3_bucket.logs"]})
	s3.log_target(logs) with input as fixtures.plan([logs, v3])
}

test_anonymous_statements if {
	b := fixtures.resource("aws_s3_bucket", "b", {"bucket": "b", "policy": json.marshal({"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"},
		{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},
	]})})
	[i | some [_, i, _] in s3.anonymous_statements(b)] == [0] with input as fixtures.state([b])
}

test_public_access_blocked if {
	all := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}
	b := _bucket("b")
	full := fixtures.points_at(fixtures.resource("aws_s3_bucket_public_access_block", "full", all), "bucket", b)
	s3.public_access_blocked(b) with input as fixtures.plan([b, full])
	partial := fixtures.points_at(fixtures.resource("aws_s3_bucket_public_access_block", "p", object.union(all, {"ignore_public_acls": false})), "bucket", b)
	not s3.public_access_blocked(b) with input as fixtures.plan([b, partial])
	s3.public_access_pending(b) == [] with input as fixtures.plan([b, partial])
	pending := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_public_access_block", "u", object.remove(all, {"block_public_acls"})), "bucket", b), ["block_public_acls"])
	[x.address | some x in s3.public_access_pending(b)] == ["aws_s3_bucket_public_access_block.u"] with input as fixtures.plan([b, pending])
}

test_logged_v3_target_by_reference if {
	b := fixtures.with_unknown(fixtures.patch(_bucket("ds"), {"values": {"logging": [{"target_prefix": "log/"}]}}), ["logging.0.target_bucket"])
	s3.logged(b) with input as fixtures.plan([b])
	computed := fixtures.with_unknown(_bucket("v4"), ["logging"])
	not s3.logged(computed) with input as fixtures.plan([computed])
}

test_policy_resolved_from_data_source if {
	b := _bucket("data")
	doc := fixtures.data_source("aws_iam_policy_document", "p", {"statement": [{"effect": "Deny", "actions": ["s3:*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]})
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "data", {}), "bucket", b), ["policy"]), {"policy": ["data.aws_iam_policy_document.p"]})
	inp := fixtures.plan([b, doc, p])
	[st | some [_, _, st] in s3.policy_statements(b)] == [{"Effect": "Deny", "Action": ["s3:*"], "Principal": "*"}] with input as inp
	s3.pending_policies(b) == [] with input as inp
}
