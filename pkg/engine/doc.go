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
//
// The contract built-in rules keep, on which sharding and skipping rely:
// a rule reads resources only through the helpers of rego/lib/terraform
// (or kubernetes) naming resource types as string constants, and it
// reports only on resources of its METADATA selector types. A rule that
// reported on another type would see that type in one document and not in
// a shard of a larger one. TestFindingsOnSelectorTypes checks every
// finding of every built-in rule on generated plans of every selected
// type, generated manifests, the examples and ../shared/data;
// TestSelectorContractCatchesABrokenRule shows it failing on a rule that
// breaks it; TestReadTypes checks which types each rule reads; and
// TestShardsSameResult and TestApplicableSameResult compare sharded and
// skipping evaluation with plain evaluation. Custom rules are evaluated
// whole, so the contract binds built-in rules only.
package engine
