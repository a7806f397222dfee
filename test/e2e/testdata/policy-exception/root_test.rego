package main_test

import rego.v1

import data.main

test_deny_root_deployment if {
	main.deny_run_as_root["Deployment web must set runAsNonRoot"] with input as {"kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"spec": {}}}}
}

test_exception_for_debug if {
	main.exception[["run_as_root"]] with input as {"kind": "Deployment", "metadata": {"name": "debug"}}
}

test_no_exception_for_web if {
	count(main.exception) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
}
