// Package engine evaluates input documents against a policy catalog with
// an embedded OPA.
//
// The policy is compiled once, in New; the prepared queries are then shared
// by every document, evaluated concurrently. Each input document is turned
// into OPA's value form once and evaluated with one query that collects
// every applicable rule, rather than one query per rule. A large document is
// evaluated with several such queries side by side, each over a share of the
// rules, so that one big plan uses every core.
package engine
