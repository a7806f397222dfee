package tenet.aws.s3.tls_only_test

import rego.v1

import data.tenet.aws.s3.tls_only as check
import data.tenet.lib.fixtures

_msg := "no bucket policy statement denies requests made without TLS (aws:SecureTransport false)"

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id", "policy"])

_policy(b, statements) := fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", b.name, {"policy": json.marshal({"Statement": statements})}), "bucket", b)

_deny_http := {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::d", "arn:aws:s3:::d/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

test_deny_without_policy if {
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.d"}} with input as fixtures.plan([_bucket("d")])
}

test_deny_policy_without_tls_statement if {
	b := _bucket("d")
	p := _policy(b, [object.union(_deny_http, {"Effect": "Allow"})])
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.d"}} with input as fixtures.plan([b, p])
}

test_allow_secure_transport_deny if {
	b := _bucket("d")
	check.deny == set() with input as fixtures.plan([b, _policy(b, [_deny_http])])
}

test_allow_tls_version_deny_with_aws_star if {
	b := _bucket("d")
	st := object.union(object.remove(_deny_http, {"Condition"}), {"Principal": {"AWS": "*"}, "Action": ["*"], "Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}})
	check.deny == set() with input as fixtures.plan([b, _policy(b, [st])])
}

test_allow_v3_inline_in_state if {
	b := fixtures.resource("aws_s3_bucket", "d", {"bucket": "d", "policy": json.marshal({"Statement": [object.union(_deny_http, {"Condition": {"Bool": {"aws:SecureTransport": false}}})]})})
	check.deny == set() with input as fixtures.state([b])
}

test_unknown_policy if {
	b := _bucket("d")
	p := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "d", {}), "bucket", b), ["policy"])
	check.deny == set() with input as fixtures.plan([b, p])
	{f.resource | some f in check.unknown} == {"aws_s3_bucket.d"} with input as fixtures.plan([b, p])
}

test_allow_policy_from_known_policy_document if {
	b := _bucket("d")
	doc := fixtures.data_source("aws_iam_policy_document", "tls", {"statement": [{
		"effect": "Deny", "actions": ["s3:*"], "resources": ["arn:aws:s3:::d", "arn:aws:s3:::d/*"],
		"principals": [{"type": "*", "identifiers": ["*"]}],
		"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
	}]})
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "d", {}), "bucket", b), ["policy"]), {"policy": ["data.aws_iam_policy_document.tls"]})
	check.deny == set() with input as fixtures.plan([b, doc, p])
	check.unknown == set() with input as fixtures.plan([b, doc, p])
}
