package main_test

import rego.v1

import data.main

test_warns_without_label if {
	main.warn["missing team label"] with input as {"metadata": {}}
}

# A deliberately wrong expectation: tenet verify must report it and exit 1.
test_wrong_expectation if {
	count(main.warn) == 0 with input as {"metadata": {}}
}
