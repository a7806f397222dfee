package tenet.lib.params_test

import rego.v1

import data.tenet.lib.params

test_get_default if {
	params.get("allowed_registries", ["x"]) == ["x"]
}

test_get_set if {
	params.get("allowed_registries", []) == ["ghcr.io/acme"] with data.tenet.params as {"allowed_registries": ["ghcr.io/acme"]}
}

test_list_unset_is_empty if {
	params.list("allowed_registries") == set()
}

test_list_keeps_strings if {
	params.list("allowed_registries") == {"ghcr.io/acme", "registry.acme.io"} with data.tenet.params as {"allowed_registries": ["ghcr.io/acme", "registry.acme.io", 3]}
}
