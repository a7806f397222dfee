package main

import rego.v1

# conftest's parse_config_file: a file beside the policy.
deny contains "debug is on in settings.yaml" if {
	parse_config_file("settings.yaml").debug == true
}

# parse_config: text parsed with a named parser.
deny contains msg if {
	tf := parse_config("hcl2", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n")
	acl := tf.resource.aws_s3_bucket.b[0].acl
	msg := sprintf("inline bucket acl %s", [acl])
}

# parse_combined_config_files: several files as conftest --combine sees them.
warn contains sprintf("%d combined documents", [count(docs)]) if {
	docs := parse_combined_config_files(["settings.yaml", "settings.yaml"])
}
