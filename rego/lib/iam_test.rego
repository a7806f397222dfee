package tenet.lib.iam_test

import rego.v1

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
