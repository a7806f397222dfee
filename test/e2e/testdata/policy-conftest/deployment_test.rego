package main_test

import rego.v1

import data.main

test_deny_root_deployment if {
	main.deny["Deployment web must set runAsNonRoot"] with input as {"kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"spec": {}}}}
}

test_allow_non_root_deployment if {
	count(main.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"spec": {"securityContext": {"runAsNonRoot": true}}}}}
}
