package main

import rego.v1

# A runaway policy: tenet stops it at --eval-timeout and reports the input.
deny contains "never" if {
	count([x | some x in numbers.range(1, 100000000); x % 7 == 3]) < 0
}
