// Package history keeps an append-only store of scan results in a
// directory: one gzipped JSON record per run (000001.json.gz,
// 000002.json.gz, ...), each holding the run's tenet.report/v1 report, the
// sha256 of its inputs, the bundle revisions and the tool version, and
// chained to the record before it by sha256. Verify recomputes the chain
// and names the first record that was edited, deleted, inserted, moved or
// damaged.
//
// What the chain proves depends on who can write the directory. Unsigned,
// it detects accidental damage and edits that did not recompute the
// hashes; whoever can write the directory can still append or rewrite
// records and recompute every hash, and Verify cannot tell. With
// WithSigningKey every record is also signed with a key the scanner holds,
// and Verify with WithVerificationKey (its public key) fails on a record
// that is unsigned or signed with another key: forging a record then
// needs the private key, not only write access.
//
// Neither can tell that the newest records were deleted, or that the whole
// directory was replaced by an older copy of itself: keep the head hash
// that Verify returns (in CI logs, a ticket) and check it later with
// Verify's anchor.
package history
