// Package input defines tenet.input/v1, the normalized document that every
// loader produces and every rule reads.
//
// One Document is made per input file. Terraform plans, Terraform state and
// Kubernetes manifests all become a flat list of Resources of the same shape,
// so one rule library serves all of them. docs/input.md documents every field.
// The package is a leaf: it imports only the standard library.
package input
