// Package tenet is the library interface of tenet: load policies once with
// New, then Scan files as often as needed; or, for one scan, call the Scan
// function, which reads the inputs while the policies compile. It wires the
// loaders, the policy catalog, the engine and the report aggregation
// together; the tenet CLI is a thin layer over it.
package tenet
