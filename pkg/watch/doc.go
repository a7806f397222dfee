// Package watch re-scans inputs on a schedule and when they change,
// records every run in a history store, alerts a webhook when a control
// changes status, and exposes Prometheus metrics and a health check.
//
// Alerts are written to an outbox in the history directory before the run
// that raised them is recorded, and leave it only when the webhook
// accepted them (a 2xx answer): an alert survives a crash at any step, a
// webhook that is down and a restart of the process. A crash between the
// answer and the removal sends it again, so delivery is at least once.
//
// Scans run one at a time beside the loop that schedules them, so that a
// scan that never returns cannot keep Run from stopping; /healthz fails
// when no scan has completed (run and recorded) for 2×Interval+Timeout.
package watch
