// Package history keeps an append-only store of scan results in a
// directory: one JSON record per run (000001.json, 000002.json, ...), each
// holding the run's tenet.report/v1 report, the sha256 of its inputs, the
// bundle revisions and the tool version, and chained to the record before
// it by sha256. Verify recomputes the chain and names the first record
// that was edited, deleted, inserted or moved.
//
// The chain cannot tell that the newest records were deleted: keep the
// head hash that Verify returns (in CI logs, a ticket) and check it later
// with Options.Anchor.
package history
