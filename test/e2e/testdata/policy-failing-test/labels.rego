package main

import rego.v1

warn contains "missing team label" if not input.metadata.labels.team
