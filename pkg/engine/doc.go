// Package engine evaluates input documents against a policy catalog with
// an embedded OPA.
//
// The policy is compiled once, in New; the prepared queries are then shared
// by every document, evaluated concurrently. Each input document is turned
// into OPA's value form once and evaluated with one query that collects
// every applicable rule, rather than one query per rule. A large Terraform
// document is evaluated in shards instead (shard.go): the built-in rules
// grouped by the resource types they can read, each group on a copy of the
// document that holds only those resources, side by side, so that one big
// plan uses every core and each query indexes only what it reads.
package engine
