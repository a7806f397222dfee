package main

import rego.v1

# parse_config_file: relative to this file's directory.
deny contains "debug is on in settings.yaml" if parse_config_file("settings.yaml").debug

deny contains msg if {
	tf := parse_config_file("../../data/main.tf")
	some name, buckets in tf.resource.aws_s3_bucket
	buckets[0].acl == "public-read"
	msg := sprintf("bucket %s is public: %v", [name, tf])
}

deny contains msg if {
	d := parse_config_file("../../data/Dockerfile")
	msg := sprintf("Dockerfile: %v", [d])
}

# parse_combined_config_files: one entry per document, named by the path read.
deny contains msg if {
	c := parse_combined_config_files(["../../data/a.yaml", "../../data/users.yaml"])
	msg := sprintf("combined: %v", [c])
}

# parse_config: text the policy holds.
deny contains msg if {
	c := parse_config("yaml", "image: nginx:latest\n---\nimage: envoy:1.30\n")
	msg := sprintf("inline yaml: %v", [c])
}

deny contains msg if {
	c := parse_config("hcl2", "variable \"region\" {\n  default = \"eu-west-1\"\n}\n")
	msg := sprintf("inline hcl2: %v", [c])
}

deny contains msg if {
	c := parse_config("json", "{\"ports\": [80, 443]}")
	msg := sprintf("inline json: %v", [c])
}
