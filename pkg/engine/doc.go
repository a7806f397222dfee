// Package engine evaluates input documents against a policy catalog with
// an embedded OPA.
//
// The policy is compiled once, in New; the prepared queries are then shared
// by every document, evaluated concurrently. Each input document is turned
// into OPA's value form once and evaluated with one query that collects
// every applicable rule, rather than one query per rule.
package engine
