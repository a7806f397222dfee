package main

import rego.v1

# An attack: read a file outside the working directory into a message.
deny contains sprintf("%v", [parse_config_file("../../../../../../../../etc/passwd")]) if true
