// Package tfconfig evaluates a Terraform configuration directory without
// planning it: what Terraform knows from the files alone. Variables come
// from their defaults, terraform.tfvars, *.auto.tfvars and the given
// variable files and assignments; locals, count and for_each over known
// values, dynamic blocks and local modules are evaluated. What only a
// plan knows (resource attributes computed by the provider, data sources,
// remote modules not fetched, functions of unknowns) is unknown, never a
// value, so that a rule cannot pass or fail on a guess.
package tfconfig
