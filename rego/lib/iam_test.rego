package tenet.lib.iam_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.iam

test_document if {
	iam.document(`{"Version": "2012-10-17"}`) == {"Version": "2012-10-17"}
	not iam.document(`{"Version": `)
	not iam.document(`["a"]`)
	not iam.document(null)
}

test_statements_object_or_list if {
	iam.statements(`{"Statement": {"Effect": "Allow"}}`) == [{"Effect": "Allow"}]
	iam.statements(`{"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}, "junk"]}`) == [{"Effect": "Allow"}, {"Effect": "Deny"}]
	iam.statements(`{"Version": "2012-10-17"}`) == []
	iam.statements("not json") == []
}

test_as_list if {
	iam.as_list("*") == ["*"]
	iam.as_list(["a", "b"]) == ["a", "b"]
	iam.as_list(null) == []
}

test_full_admin if {
	iam.full_admin({"Effect": "Allow", "Action": "*", "Resource": "*"})
	iam.full_admin({"Effect": "Allow", "Action": ["s3:GetObject", "*:*"], "Resource": ["arn:aws:s3:::x", "*"]})
	not iam.full_admin({"Effect": "Deny", "Action": "*", "Resource": "*"})
	not iam.full_admin({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})
	not iam.full_admin({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::x"})
	not iam.full_admin({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
}

test_statement_name if {
	iam.statement_name({"Sid": "Admin"}, 0) == `statement "Admin"`
	iam.statement_name({"Sid": ""}, 2) == "statement 2"
	iam.statement_name({}, 1) == "statement 1"
}

test_anonymous if {
	iam.anonymous({"Effect": "Allow", "Principal": "*"})
	iam.anonymous({"Effect": "Allow", "Principal": {"AWS": "*"}})
	iam.anonymous({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}})
	not iam.anonymous({"Effect": "Deny", "Principal": "*"})
	not iam.anonymous({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}})
	not iam.anonymous({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}})
}

test_condition_keys if {
	st := {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}, "Bool": {"aws:SecureTransport": "false"}}}
	iam.condition_keys(st) == {"aws:principalorgid", "aws:securetransport"}
	iam.condition_keys({}) == set()
	iam.conditioned_on(st, {"aws:principalorgid"})
	iam.conditioned_on({"Condition": {"StringEquals": {"aws:ResourceTag/team": "x"}}}, {"aws:resourcetag/"})
	not iam.conditioned_on(st, {"aws:sourcevpce"})
}

test_actions if {
	iam.actions({"Action": ["S3:GetObject", "kms:*"]}) == ["s3:getobject", "kms:*"]
	iam.actions({"NotAction": "iam:*"}) == []
	iam.allows_action({"Effect": "Allow", "Action": "kms:*"}, "kms:decrypt")
	iam.allows_action({"Effect": "Allow", "Action": "kms:Re*"}, "kms:reencryptfrom")
	iam.allows_action({"Effect": "Allow", "Action": "*"}, "kms:decrypt")
	not iam.allows_action({"Effect": "Deny", "Action": "*"}, "kms:decrypt")
	not iam.allows_action({"Effect": "Allow", "Action": "kms:Encrypt"}, "kms:decrypt")
	iam.resources({"Resource": "*"}) == ["*"]
}

_doc(name, statements, extra) := fixtures.data_source("aws_iam_policy_document", name, object.union({"statement": statements}, extra))

test_document_statements if {
	d := _doc(
		"p", [{
			"sid": "", "effect": null, "actions": ["sts:AssumeRole"], "not_actions": null, "resources": null,
			"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::1:root"]}, {"type": "AWS", "identifiers": ["*"]}],
			"not_principals": [],
			"condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}, {"test": "StringEquals", "variable": "aws:SourceAccount", "values": ["1"]}],
		}],
		{},
	)
	iam.document_statements(d) == [{
		"Effect": "Allow",
		"Action": ["sts:AssumeRole"],
		"Principal": {"AWS": ["arn:aws:iam::1:root", "*"]},
		"Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-1"], "aws:SourceAccount": ["1"]}},
	}]
	iam.document_statements(_doc("s", [{"effect": "Deny", "principals": [{"type": "*", "identifiers": ["*"]}], "actions": ["s3:*"]}], {})) == [{"Effect": "Deny", "Principal": "*", "Action": ["s3:*"]}]
}

test_candidates if {
	known := fixtures.resource("aws_iam_role", "known", {"assume_role_policy": `{"Statement":{"Effect":"Allow"}}`})
	iam.candidates(known, "assume_role_policy") == [[{"Effect": "Allow"}]]
	st := [{"effect": "Allow", "actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]
	d1 := fixtures.with_index(_doc("trust", st, {}), "a")
	d2 := fixtures.with_index(_doc("trust", st, {}), "b")
	r := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_iam_role", "r", {}), ["assume_role_policy"]), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	count(iam.candidates(r, "assume_role_policy")) == 2 with input as fixtures.plan([d1, d2, r])
	merged := _doc("trust", st, {"source_policy_documents": ["{}"]})
	iam.candidates(r, "assume_role_policy") == [] with input as fixtures.plan([merged, r])
	pending := fixtures.with_unknown(_doc("trust", st, {}), ["statement.0.resources"])
	iam.candidates(r, "assume_role_policy") == [] with input as fixtures.plan([pending, r])
	iam.candidates(fixtures.resource("aws_iam_role", "none", {}), "assume_role_policy") == []
}

test_resolved_agreed_undecided if {
	known := fixtures.resource("aws_iam_role", "known", {"assume_role_policy": `{"Statement":{"Effect":"Allow"}}`})
	iam.resolved(known, "assume_role_policy") == [{"Effect": "Allow"}]
	not iam.resolved(fixtures.resource("aws_iam_role", "none", {}), "assume_role_policy")
	iam.agreed([{"a", "b"}, {"a"}]) == {"a"}
	iam.agreed([]) == set()
	iam.undecided([])
	iam.undecided([{"a"}, set()])
	not iam.undecided([{"a"}, {"a"}])
	not iam.undecided([set(), set()])
}
